export { transpileProject } from "./transpile-project.js";
export type { Diagnostic, EmittedFile, TranspileOptions, TranspileResult } from "./transpile-project.js";
export { createTranspiler, type Transpiler } from "./session.js";
export { formatDiagnostic } from "./format-diagnostic.js";
export { writeBuild } from "./write-build.js";
export { transpileOrReport } from "./transpile-or-report.js";
