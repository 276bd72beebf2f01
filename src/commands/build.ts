import { dirname, join } from "node:path";
import { findProjectLayout } from "../transpile/project/project-layout.js";

/** Where `tsmp build` writes when no -o is given: `<project>/build`, or beside a single file. */
export function defaultOutDir(input: string): string {
  const layout = findProjectLayout(input);
  if (layout.tsconfig) return join(dirname(layout.tsconfig), "build");
  const projectDir = layout.entry && dirname(layout.entry) === layout.rootDir && layout.rootDir.endsWith("/src") ? dirname(layout.rootDir) : layout.rootDir;
  return join(projectDir, "build");
}

/** Transpiles and writes; prints diagnostics and throws DiagnosticsReported when there are errors. */
export async function buildProject(
  input: string,
  outDir = defaultOutDir(input),
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<string> {
  // Loaded on use: the TypeScript compiler is heavy and other commands do not need it.
  const { transpileOrReport, writeBuild } = await import("../transpile/index.js");
  const result = transpileOrReport(input, (text) => log(text.replace(/\n$/, "")));
  writeBuild(result, outDir);
  log(`Built ${result.files.length} file${result.files.length === 1 ? "" : "s"} into ${outDir}`);
  return outDir;
}
