import { DiagnosticsReported } from "../../errors.js";
import { formatDiagnostic } from "./format-diagnostic.js";
import { transpileProject, type TranspileResult } from "./transpile-project.js";

/**
 * Transpiles a project or file, printing its diagnostics; throws DiagnosticsReported (exit 1,
 * messages already shown) when there are errors. What every command that builds calls.
 */
export function transpileOrReport(input: string, stderr: (text: string) => void): TranspileResult {
  const result = transpileProject(input);
  for (const diagnostic of result.diagnostics) stderr(`${formatDiagnostic(diagnostic)}\n`);
  const errors = result.diagnostics.filter((d) => d.category === "error").length;
  if (errors > 0) throw new DiagnosticsReported(errors);
  return result;
}
