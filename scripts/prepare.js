// npm runs `prepare` in three places. In a checkout, after `npm install`: compile the CLI to dist/.
// In an installed copy that a project links as a `file:` dependency: dist/ is already there, and
// neither the build's tsconfig nor the dev dependencies it needs are shipped, so there is nothing
// to do. Before `npm pack` and `npm publish`: `prepack` has just built a clean dist/.
/* global process, URL */ // Node's globals, declared for ESLint.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const checkout = existsSync(new URL("../tsconfig.build.json", import.meta.url));
const packing = ["pack", "publish"].includes(process.env.npm_command ?? "");
if (checkout && !packing) {
  // npm_execpath is the npm that runs this script; through node it works the same on every platform.
  const build = spawnSync(process.execPath, [process.env.npm_execpath, "run", "build"], { stdio: "inherit" });
  process.exitCode = build.status ?? 1;
}
