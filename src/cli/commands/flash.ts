import type { Command } from "commander";
import { addBoardOptions, type BoardOptions } from "../board-options.js";

export function registerFlash(program: Command): void {
  addBoardOptions(
    program
      .command("flash")
      .argument("[project]", "project folder (with tsconfig.json or src/main.ts)", ".")
      .description("build the project, upload the files that changed, and restart the board")
      .option("-f, --follow", "stream the board's output after the restart (Ctrl-C stops)")
      .option("--mpy", "send every module but main.py as .mpy bytecode (the board must load .mpy version 6: MicroPython 1.19+)"),
  ).action(async (project: string, options: BoardOptions & { follow?: boolean; mpy?: boolean }) => {
    const { flashProject } = await import("../../commands/flash.js");
    await flashProject(project, {
      port: options.port,
      baudRate: options.baud,
      follow: options.follow,
      mpy: options.mpy,
      stdout: (text) => process.stdout.write(text),
      stderr: process.stderr,
    });
  });
}
