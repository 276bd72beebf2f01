import { Option, type Command } from "commander";
import type { Target } from "../../commands/run.js";
import { loadProjectConfig } from "../../commands/project-config.js";
import { parseBaud, settingsFor } from "../board-options.js";

export function registerDev(program: Command): void {
  program
    .command("dev")
    .description("build, run and watch: every save rebuilds and runs the new build (on a board, or on this machine)")
    .argument("[project]", "project folder (tsconfig.json or src/main.ts) or a .ts file", ".")
    .option("-p, --port <path>", "run on the board at this serial port (or auto): changed files are uploaded and the board restarted")
    .option("-b, --baud <rate>", "baud rate (USB boards ignore it)", parseBaud)
    .option("--mpy", "on a board, send every module but main.py as .mpy bytecode; refuse a board that cannot load it")
    .option("--no-mpy", "on a board, send .py files (by default .mpy goes where the board loads tsmp's .mpy version)")
    .addOption(
      new Option(
        "-t, --target <target>",
        "without --port: micropython (the real VM here, the default) or node (the shim); the project's config may say board",
      ).choices(["micropython", "node"]),
    )
    .addHelpText(
      "after",
      "\nType errors and tsmp diagnostics are shown and nothing is run until they are fixed; the last good build" +
        "\nkeeps running. On a board, tracebacks point at your TypeScript; a board that disappears is waited for." +
        '\nA project whose config (package.json "tsmp") names a port or serialNumber runs on that board by default.' +
        "\nCtrl-C quits and leaves the board running its program.",
    )
    .action(async (project: string, options: { port?: string; baud?: number; target?: Target; mpy?: boolean }) => {
      const { devProject } = await import("../../commands/dev.js");
      const { filesBesideCode } = await import("../../commands/extra-files.js");
      if (options.port !== undefined && options.target !== undefined) {
        const { TsmpError } = await import("../../errors.js");
        throw new TsmpError("--port runs on the board; leave out --target");
      }
      const settings = settingsFor(project, options, { target: options.target, mpy: options.mpy });
      const onBoard = settings.target.value === "board";
      await devProject(project, {
        port: onBoard ? (settings.port.value ?? "auto") : undefined,
        baudRate: onBoard ? settings.baud.value : undefined,
        serialNumber: onBoard ? settings.serialNumber.value : undefined,
        target: onBoard ? undefined : (settings.target.value as Target),
        mpy: settings.mpy.value,
        extraFiles: filesBesideCode(loadProjectConfig(project)),
        stdout: (text) => void process.stdout.write(text),
        stderr: (text) => void process.stderr.write(text),
        isTTY: process.stderr.isTTY === true,
      });
    });
}
