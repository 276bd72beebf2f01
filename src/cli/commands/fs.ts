import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { addBoardOptions, logToStderr, type BoardOptions } from "../board-options.js";
import { formatBytes } from "../../flash/progress.js";
import { TsmpError } from "../../errors.js";
import type { BoardConnection } from "../../flash/connection.js";

/** Connects, runs `work` on the board, and disconnects; the serial stack loads only when a command runs. */
async function onBoard<T>(options: BoardOptions, work: (board: BoardConnection) => Promise<T>): Promise<T> {
  const { withBoard } = await import("../../flash/connection.js");
  return withBoard({ port: options.port, baudRate: options.baud, log: logToStderr }, work);
}

export function registerFs(program: Command): void {
  const fs = program.command("fs").description("work with files on the board (paths are relative to its working folder)");

  addBoardOptions(fs.command("ls").argument("[path]", "folder or file on the board", "").description("list files with their sizes")).action(
    async (path: string, options: BoardOptions) => {
      const entries = await onBoard(options, (board) => board.fs.ls(path));
      for (const entry of entries) {
        process.stdout.write(entry.isDir ? `${"".padStart(9)} ${entry.name}/\n` : `${String(entry.size).padStart(9)} ${entry.name}\n`);
      }
    },
  );

  addBoardOptions(fs.command("cat").argument("<path>", "file on the board").description("print a file")).action(
    async (path: string, options: BoardOptions) => {
      process.stdout.write(await onBoard(options, (board) => board.fs.readFile(path)));
    },
  );

  addBoardOptions(
    fs
      .command("put")
      .argument("<local>", "file on this computer")
      .argument("[remote]", "path on the board (default: the same name in the working folder)")
      .description("copy a file to the board (written to a temporary name, verified, then renamed)"),
  ).action(async (local: string, remote: string | undefined, options: BoardOptions) => {
    const data = readLocal(local);
    const target = remote ?? basename(local);
    const [{ sha256Hex }, { TEMP_SUFFIX }] = await Promise.all([import("../../flash/board-fs.js"), import("../../flash/deploy.js")]);
    await onBoard(options, async (board) => {
      const boardHash = await board.fs.writeFile(target + TEMP_SUFFIX, data);
      if (boardHash !== sha256Hex(data)) {
        await board.fs.remove(target + TEMP_SUFFIX);
        throw new TsmpError(`${target} arrived corrupted (sha256 mismatch); nothing was replaced`);
      }
      await board.fs.rename(target + TEMP_SUFFIX, target);
    });
    logToStderr(`Wrote ${target} (${formatBytes(data.length)})`);
  });

  addBoardOptions(
    fs
      .command("get")
      .argument("<remote>", "file on the board")
      .argument("[local]", "where to save it (default: its name, in the current folder)")
      .description("copy a file from the board"),
  ).action(async (remote: string, local: string | undefined, options: BoardOptions) => {
    const data = await onBoard(options, (board) => board.fs.readFile(remote));
    const target = local ?? basename(remote);
    writeFileSync(target, data);
    logToStderr(`Saved ${target} (${formatBytes(data.length)})`);
  });

  addBoardOptions(
    fs
      .command("rm")
      .argument("<path>", "file or folder on the board")
      .option("-r, --recursive", "remove a folder and everything in it")
      .description("remove a file or folder"),
  ).action(async (path: string, options: BoardOptions & { recursive?: boolean }) => {
    await onBoard(options, (board) => board.fs.remove(path, { recursive: options.recursive }));
  });

  addBoardOptions(fs.command("mkdir").argument("<path>", "folder on the board").description("create a folder and any missing parents")).action(
    async (path: string, options: BoardOptions) => {
      await onBoard(options, (board) => board.fs.mkdir(path));
    },
  );
}

function readLocal(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new TsmpError(`cannot read ${path}`);
  }
}
