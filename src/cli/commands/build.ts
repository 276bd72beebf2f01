import { dirname, join } from "node:path";
import type { Command } from "commander";
import { findProjectLayout } from "../../transpile/project/project-layout.js";

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
  const { transpileOrReport, writeBuild } = await import("../../transpile/index.js");
  const result = transpileOrReport(input, (text) => log(text.replace(/\n$/, "")));
  writeBuild(result, outDir);
  log(`Built ${result.files.length} file${result.files.length === 1 ? "" : "s"} into ${outDir}`);
  return outDir;
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("transpile a project (folder with tsconfig.json or src/main.ts) or one .ts file to MicroPython")
    .argument("<input>", "project folder or .ts file")
    .option("-o, --out <outdir>", "output folder (default: <project>/build, or build/ beside a single file)")
    .addHelpText(
      "after",
      "\nEach .ts module becomes one .py (same relative path, relative to src/ when the project has one)\n" +
        "plus a .py.map source map; runtime helpers go to _tsmp.py only when used.\n" +
        "On any error nothing is written, diagnostics go to stderr, and the exit code is 1.",
    )
    .action(async (input: string, options: { out?: string }) => {
      await buildProject(input, options.out);
    });
}
