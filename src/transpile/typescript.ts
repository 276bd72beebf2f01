/**
 * The TypeScript compiler API, loaded with `require`: Node imports a CommonJS module as an ES
 * module only after scanning its source for export names, which for typescript.js (9 MB)
 * costs a cold build about 0.3 s. Project builds and snippet sessions both use this copy.
 */
import { createRequire } from "node:module";

// tsc compiles the import below to a require of its own; tsx and vitest compile it to a plain
// `require(...)` call, which in an ES module needs this one.
// @ts-expect-error TS6133: tsc sees no reader, but tsx and vitest emit one for `import ts = require(...)`
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- read by the compiled `import ts = require(...)`
const require = createRequire(import.meta.url);
import ts = require("typescript");

export { ts };
