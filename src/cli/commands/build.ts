import type { Command } from "commander";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("transpile a project (folder with tsconfig.json or src/main.ts) or one .ts file to MicroPython")
    .argument("<input>", "project folder or .ts file")
    .option("-o, --out <outdir>", "output folder (default: <project>/build, or build/ beside a single file)")
    .option("--mpy", "also compile each module but main.py to .mpy bytecode (mpy-cross, .mpy version 6: MicroPython 1.19+)")
    .addHelpText(
      "after",
      "\nEach .ts module becomes one .py (same relative path, relative to src/ when the project has one)\n" +
        "plus a .py.map source map; runtime helpers go to _tsmp.py only when used.\n" +
        "On any error nothing is written, diagnostics go to stderr, and the exit code is 1.",
    )
    .action(async (input: string, options: { out?: string; mpy?: boolean }) => {
      const { buildProject } = await import("../../commands/build.js");
      await buildProject(input, options.out, undefined, { mpy: options.mpy });
    });
}
