import { resolve } from "node:path";
import type { Command } from "commander";
import { parseBaud } from "../board-options.js";

export function registerVirtualBoard(program: Command): void {
  program
    .command("virtual-board")
    .description("serve a virtual MicroPython board (the real VM) on a pty until killed")
    .requiredOption("--link <path>", "where the board's pty appears (a symlink that tools open as the port)")
    .option("--baud <n>", "emulate a UART at this baud rate (default: as fast as the pty goes)", parseBaud)
    .option("--flash-file <folder>", "keep the board's files in this folder, so they outlive the board")
    .action(async (options: { link: string; baud?: number; flashFile?: string }) => {
      const { VirtualBoard } = await import("../../sim/virtual-board/index.js");
      const { FileStore } = await import("../../sim/stored-files.js");
      const store = options.flashFile === undefined ? undefined : new FileStore(resolve(options.flashFile));
      const files = store === undefined ? undefined : Object.fromEntries(store.files);
      const board = await VirtualBoard.start({ link: resolve(options.link), baud: options.baud, files });
      const rate = options.baud ? ` at ${options.baud} baud` : "";
      process.stderr.write(`Virtual MicroPython board on ${board.portPath}${rate}; Ctrl-C stops it.\n`);
      const signal = await new Promise<NodeJS.Signals>((done) => {
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
      });
      if (store !== undefined) {
        const kept = new Map<string, Uint8Array>();
        for (const path of await board.listFiles()) kept.set(path, await board.readFile(path));
        store.keep(kept);
      }
      await board.stop();
      process.stderr.write(`Stopped (${signal}).\n`);
    });
}
