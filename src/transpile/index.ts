export { transpileProject } from "./project/transpile-project.js";
export type { Diagnostic, EmittedFile, TranspileOptions, TranspileResult } from "./project/transpile-project.js";
export { createTranspiler, type Transpiler } from "./project/session.js";
export { formatDiagnostic } from "./project/format-diagnostic.js";
export { writeBuild } from "./project/write-build.js";
export { transpileOrReport } from "./project/transpile-or-report.js";
