import type { Command } from "commander";
import { loadProjectConfig } from "../../commands/project-config.js";
import { addBoardOptions, settingsFor, type BoardOptions } from "../board-options.js";

export function registerFlash(program: Command): void {
  addBoardOptions(
    program
      .command("flash")
      .argument("[project]", "project folder (with tsconfig.json or src/main.ts)", ".")
      .description("build the project, upload the files that changed, and restart the board")
      .option("-f, --follow", "stream the board's output after the restart (Ctrl-C stops)")
      .option("--mpy", "send every module but main.py as .mpy bytecode; refuse a board that cannot load it (MicroPython 1.19+)")
      .option("--no-mpy", "send .py files (by default .mpy goes where the board loads tsmp's .mpy version)"),
  ).action(async (project: string, options: BoardOptions & { follow?: boolean; mpy?: boolean }) => {
    const { flashProject } = await import("../../commands/flash.js");
    const { filesBesideCode } = await import("../../commands/extra-files.js");
    const settings = settingsFor(project, options, { mpy: options.mpy });
    await flashProject(project, {
      port: settings.port.value,
      baudRate: settings.baud.value,
      serialNumber: settings.serialNumber.value,
      follow: options.follow,
      mpy: settings.mpy.value,
      extraFiles: filesBesideCode(loadProjectConfig(project)),
      stdout: (text) => process.stdout.write(text),
      stderr: process.stderr,
    });
  });
}
