import { Option, type Command } from "commander";
import type { Target } from "../../commands/run.js";
import { parseBaud } from "../board-options.js";

export function registerDev(program: Command): void {
  program
    .command("dev")
    .description("build, run and watch: every save rebuilds and runs the new build (on a board, or on this machine)")
    .argument("[project]", "project folder (tsconfig.json or src/main.ts) or a .ts file", ".")
    .option("-p, --port <path>", "run on the board at this serial port (or auto): changed files are uploaded and the board restarted")
    .option("-b, --baud <rate>", "baud rate (USB boards ignore it)", parseBaud)
    .option("--mpy", "on a board, send every module but main.py as .mpy bytecode (MicroPython 1.19+)")
    .addOption(
      new Option("-t, --target <target>", "without --port: micropython (the real VM here, the default) or node (the shim)").choices([
        "micropython",
        "node",
      ]),
    )
    .addHelpText(
      "after",
      "\nType errors and tsmp diagnostics are shown and nothing is run until they are fixed; the last good build" +
        "\nkeeps running. On a board, tracebacks point at your TypeScript; a board that disappears is waited for." +
        "\nCtrl-C quits and leaves the board running its program.",
    )
    .action(async (project: string, options: { port?: string; baud?: number; target?: Target; mpy?: boolean }) => {
      const { devProject } = await import("../../commands/dev.js");
      await devProject(project, {
        port: options.port,
        baudRate: options.baud,
        target: options.target,
        mpy: options.mpy,
        stdout: (text) => void process.stdout.write(text),
        stderr: (text) => void process.stderr.write(text),
        isTTY: process.stderr.isTTY === true,
      });
    });
}
