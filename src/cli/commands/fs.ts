import type { Command } from "commander";
import type { FsOptions } from "../../commands/fs.js";
import { addBoardOptions, boardConnection, logToStderr, type BoardOptions } from "../board-options.js";

// The serial stack loads only when an fs command runs, not for every tsmp command.
const loadFsCommands = () => import("../../commands/fs.js");

function fsOptions(options: BoardOptions): FsOptions {
  return {
    ...boardConnection(options),
    stdout: (data) => void process.stdout.write(data),
    log: logToStderr,
    progress: process.stderr.isTTY ? process.stderr : undefined,
  };
}

export function registerFs(program: Command): void {
  const fs = program
    .command("fs")
    .description(
      'work with files on the board (paths are relative to its working folder; a leading ":" marks a board path, as in mpremote)',
    );

  addBoardOptions(fs.command("ls").argument("[path]", "folder or file on the board", "").description("list files with their sizes")).action(
    async (path: string, options: BoardOptions) => {
      const { listBoardFiles } = await loadFsCommands();
      await listBoardFiles(path, fsOptions(options));
    },
  );

  addBoardOptions(
    fs.command("tree").argument("[path]", "folder on the board", "").description("show a folder and everything under it"),
  ).action(async (path: string, options: BoardOptions) => {
    const { printTree } = await loadFsCommands();
    await printTree(path, fsOptions(options));
  });

  addBoardOptions(fs.command("cat").argument("<path>", "file on the board").description("print a file")).action(
    async (path: string, options: BoardOptions) => {
      const { printBoardFile } = await loadFsCommands();
      await printBoardFile(path, fsOptions(options));
    },
  );

  addBoardOptions(
    fs
      .command("put")
      .argument("<local>", "file or folder on this computer")
      .argument("[remote]", "path on the board (default: the same name in the working folder; into it when it is a folder)")
      .description("copy a file or folder to the board (compressed, verified, then renamed into place; unchanged files are skipped)"),
  ).action(async (local: string, remote: string | undefined, options: BoardOptions) => {
    const { putBoardFile } = await loadFsCommands();
    await putBoardFile(local, remote, fsOptions(options));
  });

  addBoardOptions(
    fs
      .command("get")
      .argument("<remote>", "file or folder on the board")
      .argument("[local]", "where to save it (default: its name, in the current folder)")
      .description("copy a file or folder from the board"),
  ).action(async (remote: string, local: string | undefined, options: BoardOptions) => {
    const { getBoardFile } = await loadFsCommands();
    await getBoardFile(remote, local, fsOptions(options));
  });

  addBoardOptions(
    fs
      .command("cp")
      .argument("<paths...>", 'sources, then the destination; board paths start with ":" (cp main.py :, cp -r :lib backup/)')
      .option("-r, --recursive", "copy folders with everything in them")
      .description("copy files between this computer and the board, as mpremote's cp"),
  ).action(async (paths: string[], options: BoardOptions & { recursive?: boolean }) => {
    const { copyFiles } = await loadFsCommands();
    if (paths.length < 2) {
      const { TsmpError } = await import("../../errors.js");
      throw new TsmpError("cp needs a source and a destination (tsmp fs cp main.py :main.py)");
    }
    await copyFiles(paths, options.recursive ?? false, fsOptions(options));
  });

  addBoardOptions(
    fs
      .command("rm")
      .argument("<path>", "file or folder on the board")
      .option("-r, --recursive", "remove a folder and everything in it")
      .description("remove a file or folder"),
  ).action(async (path: string, options: BoardOptions & { recursive?: boolean }) => {
    const { removeBoardPath } = await loadFsCommands();
    await removeBoardPath(path, options.recursive ?? false, fsOptions(options));
  });

  addBoardOptions(
    fs.command("mkdir").argument("<path>", "folder on the board").description("create a folder and any missing parents"),
  ).action(async (path: string, options: BoardOptions) => {
    const { makeBoardFolder } = await loadFsCommands();
    await makeBoardFolder(path, fsOptions(options));
  });

  addBoardOptions(
    fs
      .command("df")
      .argument("[path]", "a folder on the filesystem to measure", "/")
      .description("show the filesystem's size, use and free space"),
  ).action(async (path: string, options: BoardOptions) => {
    const { showFreeSpace } = await loadFsCommands();
    await showFreeSpace(path, fsOptions(options));
  });

  addBoardOptions(
    fs.command("sha256sum").argument("<paths...>", "files on the board").description("print the sha256 of board files, as sha256sum does"),
  ).action(async (paths: string[], options: BoardOptions) => {
    const { printSha256 } = await loadFsCommands();
    await printSha256(paths, fsOptions(options));
  });
}
