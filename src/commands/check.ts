/**
 * `tsmp check`: what `tsmp build` would report — TypeScript's errors and tsmp's own TSMP
 * diagnostics — with nothing written, for CI and pre-commit hooks. Throws DiagnosticsReported
 * (exit 1, messages already shown) when there are errors.
 */
export async function checkProject(input: string, log: (line: string) => void): Promise<void> {
  // Loaded on use: the TypeScript compiler is heavy and other commands do not need it.
  const { transpileOrReport } = await import("../transpile/project/transpile-or-report.js");
  // Reads the last build's cache when there is one, but writes nothing, not even a cache.
  const result = await transpileOrReport(input, (text) => log(text.replace(/\n$/, "")), { storeBuild: false });
  const modules = result.files.filter((file) => file.sourcePath !== undefined).length;
  log(`No problems: ${modules} module${modules === 1 ? "" : "s"} checked (TypeScript and tsmp's rules)`);
}
