/**
 * The TypeScript compiler API, loaded with `require`: Node imports a CommonJS module as an ES
 * module only after scanning its source for export names, which for typescript.js (9 MB)
 * costs a cold build about 0.3 s. Project builds and snippet sessions both use this copy.
 */
import { createRequire } from "node:module";
import { loadWithCodeCache } from "./compile-cache.js";

// tsc compiles the import below to a require of its own; tsx and vitest compile it to a plain
// `require(...)` call, which in an ES module needs this one.
const require = createRequire(import.meta.url);
// In the require cache before the import below asks for it: loaded with V8's code cache.
loadWithCodeCache(require, "typescript", (require("typescript/package.json") as { version: string }).version);
import ts = require("typescript");

export { ts };
