import type { Command } from "commander";
import { addBoardOptions, logToStderr, type BoardOptions } from "../board-options.js";

const QUIT_KEYS = new Set([0x1d, 0x18]); // Ctrl-] and Ctrl-X, as in mpremote

export function registerMonitor(program: Command): void {
  addBoardOptions(
    program
      .command("monitor")
      .description("serial console to the board; tracebacks point at your TypeScript (Ctrl-] or Ctrl-X quits)")
      .option("--project <dir>", "project whose last build maps tracebacks to TypeScript", "."),
  ).action(async (options: BoardOptions & { project: string }) => {
    const [{ loadLastBuild }, { monitorBoard }, { resolvePort }] = await Promise.all([
      import("../../sourcemap/last-build.js"),
      import("../../commands/monitor.js"),
      import("../../flash/ports.js"),
    ]);
    const path = await resolvePort(options.port, { log: logToStderr });
    const stdin = process.stdin;
    let quit: () => void = () => undefined;
    const stopped = new Promise<void>((resolveStop) => (quit = resolveStop));
    const onSignal = () => quit();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    if (stdin.isTTY) stdin.setRawMode(true);
    logToStderr(`Connected to ${path}${stdin.isTTY ? " (Ctrl-] or Ctrl-X quits)" : ""}`);
    try {
      await monitorBoard({
        path,
        baudRate: options.baud,
        files: loadLastBuild(options.project),
        relativeTo: process.cwd(),
        output: (text) => process.stdout.write(text),
        status: logToStderr,
        stopped,
        onInput: (send) => {
          stdin.on("data", (bytes: Buffer) => {
            if (stdin.isTTY && bytes.some((byte) => QUIT_KEYS.has(byte))) quit();
            else send(bytes);
          });
          stdin.resume();
        },
      });
    } finally {
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  });
}
