import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { MPY_VERSION } from "../transpile/project/mpy-cross.js";
import { findProjectLayout } from "../transpile/project/project-layout.js";

/** Where `tsmp build` writes when no -o is given: `<project>/build`, or beside a single file. */
export function defaultOutDir(input: string): string {
  const layout = findProjectLayout(input);
  if (layout.tsconfig) return join(dirname(layout.tsconfig), "build");
  const projectDir =
    layout.entry && dirname(layout.entry) === layout.rootDir && layout.rootDir.endsWith("/src") ? dirname(layout.rootDir) : layout.rootDir;
  return join(projectDir, "build");
}

/** Transpiles and writes; prints diagnostics and throws DiagnosticsReported when there are errors. */
export async function buildProject(
  input: string,
  outDir = defaultOutDir(input),
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  options: { mpy?: boolean } = {},
): Promise<string> {
  // Loaded on use: the TypeScript compiler is heavy and other commands do not need it.
  const { transpileOrReport } = await import("../transpile/project/transpile-or-report.js");
  const { writeBuild } = await import("../transpile/project/write-build.js");
  // A build server a `tsmp flash` of the project left answers with its warm program; none is started for a build.
  const result = await transpileOrReport(input, (text) => log(text.replace(/\n$/, "")), { server: "use" });
  writeBuild(result, outDir);
  log(`Built ${result.files.length} file${result.files.length === 1 ? "" : "s"} into ${outDir}`);
  if (options.mpy) {
    // Beside the .py files, which stay for reading and for their source maps.
    const { filesForBoard } = await import("./mpy-files.js");
    const compiled = (await filesForBoard(result.files, result.entry, true)).filter((file) => file.path.endsWith(".mpy"));
    for (const file of compiled) writeFileSync(join(outDir, file.path), file.data);
    log(
      `Compiled ${compiled.length} module${compiled.length === 1 ? "" : "s"} to .mpy (version ${MPY_VERSION}, MicroPython 1.19 and later)`,
    );
  }
  return outDir;
}
