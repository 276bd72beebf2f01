import type { Command } from "commander";
import type { FsOptions } from "../../commands/fs.js";
import { addBoardOptions, boardConnection, logToStderr, type BoardOptions } from "../board-options.js";

// The serial stack loads only when an fs command runs, not for every tsmp command.
const loadFsCommands = () => import("../../commands/fs.js");

function fsOptions(options: BoardOptions): FsOptions {
  return { ...boardConnection(options), stdout: (data) => void process.stdout.write(data), log: logToStderr };
}

export function registerFs(program: Command): void {
  const fs = program.command("fs").description("work with files on the board (paths are relative to its working folder)");

  addBoardOptions(fs.command("ls").argument("[path]", "folder or file on the board", "").description("list files with their sizes")).action(
    async (path: string, options: BoardOptions) => {
      const { listBoardFiles } = await loadFsCommands();
      await listBoardFiles(path, fsOptions(options));
    },
  );

  addBoardOptions(fs.command("cat").argument("<path>", "file on the board").description("print a file")).action(
    async (path: string, options: BoardOptions) => {
      const { printBoardFile } = await loadFsCommands();
      await printBoardFile(path, fsOptions(options));
    },
  );

  addBoardOptions(
    fs
      .command("put")
      .argument("<local>", "file on this computer")
      .argument("[remote]", "path on the board (default: the same name in the working folder)")
      .description("copy a file to the board (written to a temporary name, verified, then renamed)"),
  ).action(async (local: string, remote: string | undefined, options: BoardOptions) => {
    const { putBoardFile } = await loadFsCommands();
    await putBoardFile(local, remote, fsOptions(options));
  });

  addBoardOptions(
    fs
      .command("get")
      .argument("<remote>", "file on the board")
      .argument("[local]", "where to save it (default: its name, in the current folder)")
      .description("copy a file from the board"),
  ).action(async (remote: string, local: string | undefined, options: BoardOptions) => {
    const { getBoardFile } = await loadFsCommands();
    await getBoardFile(remote, local, fsOptions(options));
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
}
