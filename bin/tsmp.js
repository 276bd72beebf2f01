#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (the `prepare` script) and `npm run build`.
import { main } from "../dist/cli/main.js";

main(process.argv).then((code) => {
  process.exitCode = code;
});
