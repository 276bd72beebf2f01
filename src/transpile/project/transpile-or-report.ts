import { DiagnosticsReported } from "../../errors.js";
import { buildStamp, readStoredBuild, unchangedResult, writeStoredBuild } from "./build-cache.js";
import { formatDiagnostic } from "./format-diagnostic.js";
import { findProjectLayout } from "./project-layout.js";
import type { TranspileResult } from "./transpile-project.js";

/**
 * Transpiles a project or file, printing its diagnostics; throws DiagnosticsReported (exit 1,
 * messages already shown) when there are errors. What every command that builds calls.
 */
export async function transpileOrReport(
  input: string,
  stderr: (text: string) => void,
  options: { storeBuild?: boolean } = {},
): Promise<TranspileResult> {
  const result = await transpileOverLastBuild(input, options.storeBuild ?? true);
  for (const diagnostic of result.diagnostics) stderr(`${formatDiagnostic(diagnostic)}\n`);
  const errors = result.diagnostics.filter((d) => d.category === "error").length;
  if (errors > 0) throw new DiagnosticsReported(errors);
  return result;
}

/**
 * Transpiles, reusing what the project's last build (in any process) stored: nothing is parsed
 * when no input changed, and only what an edit affects is checked and transformed otherwise.
 */
async function transpileOverLastBuild(input: string, storeBuild: boolean): Promise<TranspileResult> {
  const layout = findProjectLayout(input);
  const stamp = buildStamp({});
  const stored = readStoredBuild(layout, stamp);
  const unchanged = stored && unchangedResult(layout, stored);
  if (unchanged) return unchanged;
  // Loaded only now: the TypeScript compiler takes a good part of a second to load.
  const { buildOverStored } = await import("./persistent-build.js");
  const built = buildOverStored(layout, {}, stamp, stored);
  if (storeBuild && built.result.diagnostics.length === 0) writeStoredBuild(layout, built.stored);
  return built.result;
}
