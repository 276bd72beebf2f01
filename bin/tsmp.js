#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the `prepare` script) and `npm run build`.
import { tuneForShortRun } from "../dist/transpile/short-run.js";

// Before the CLI and TypeScript load, so that their functions are compiled under it.
tuneForShortRun();
const { main } = await import("../dist/cli/main.js");

main(process.argv).then((code) => {
  process.exitCode = code;
});
