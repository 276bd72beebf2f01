import type { Command } from "commander";
import { addBoardOptions, boardConnection, logToStderr, type BoardOptions } from "../board-options.js";

export function registerMonitor(program: Command): void {
  addBoardOptions(
    program
      .command("monitor")
      .description("serial console to the board; tracebacks point at your TypeScript (Ctrl-] or Ctrl-X quits)")
      .option("--project <dir>", "project whose last build maps tracebacks to TypeScript", "."),
  ).action(async (options: BoardOptions & { project: string }) => {
    const { monitorFromTerminal, MONITOR } = await import("../../commands/monitor.js");
    await monitorFromTerminal(boardConnection(options, options.project), MONITOR(options.project), {
      stdin: process.stdin,
      output: (text) => void process.stdout.write(text),
      status: logToStderr,
    });
  });
}

export function registerRepl(program: Command): void {
  addBoardOptions(
    program
      .command("repl")
      .description("MicroPython's REPL on the board, as typed (Ctrl-] leaves; Ctrl-C, Ctrl-D and Tab completion go to the board)"),
  ).action(async (options: BoardOptions) => {
    const { monitorFromTerminal, REPL } = await import("../../commands/monitor.js");
    await monitorFromTerminal(boardConnection(options), REPL, {
      stdin: process.stdin,
      output: (text) => void process.stdout.write(text),
      status: logToStderr,
    });
  });
}
