import { TsmpError } from "../errors.js";
import type { BoardFs } from "../flash/board-fs.js";
import { withBoard, type BoardConnection } from "../flash/connection.js";
import { pythonString } from "../flash/python-literal.js";
import { createUploadProgress, formatBytes, type ProgressStream } from "../flash/progress.js";
import { boardPath, downloadPaths, isBoardPath, uploadPaths } from "./fs-copy.js";

/** What every `tsmp fs` command needs: the board to talk to and where its output goes. */
export interface FsOptions {
  /** A device path, or "auto"/undefined to pick the one board connected. */
  port?: string;
  baudRate?: number;
  /** Find the board by its USB serial number (from the project's config). */
  serialNumber?: string;
  /** The command's result (a listing, a file's bytes). */
  stdout: (data: string | Uint8Array) => void;
  /** Status lines ("Wrote main.py (21 B)"). */
  log: (line: string) => void;
  /** Where an upload draws its progress bar (stderr); none without it. */
  progress?: ProgressStream;
}

function onBoard<T>(options: FsOptions, work: (board: BoardConnection) => Promise<T>): Promise<T> {
  return withBoard({ port: options.port, baudRate: options.baudRate, serialNumber: options.serialNumber, log: options.log }, work);
}

/** `tsmp fs ls`: one line per entry, sizes right-aligned, folders with a trailing slash. */
export async function listBoardFiles(path: string, options: FsOptions): Promise<void> {
  const entries = await onBoard(options, (board) => board.fs.ls(boardPath(path)));
  for (const entry of entries) {
    options.stdout(entry.isDir ? `${"".padStart(9)} ${entry.name}/\n` : `${String(entry.size).padStart(9)} ${entry.name}\n`);
  }
}

/** `tsmp fs cat`. */
export async function printBoardFile(path: string, options: FsOptions): Promise<void> {
  options.stdout(await onBoard(options, (board) => board.fs.readFile(boardPath(path))));
}

/**
 * `tsmp fs put`: a file or a folder (with everything in it) to the board; `remote` defaults to the
 * working folder, and an existing folder there receives it under its own name.
 */
export async function putBoardFile(local: string, remote: string | undefined, options: FsOptions): Promise<void> {
  await onBoard(options, (board) => uploadPaths(board.fs, [local], remote ?? ":", copyOptions(options)));
}

/** `tsmp fs get`: a board file or folder to this computer; `local` defaults to the current folder. */
export async function getBoardFile(remote: string, local: string | undefined, options: FsOptions): Promise<void> {
  await onBoard(options, (board) => downloadPaths(board.fs, [`:${boardPath(remote)}`], local ?? ".", copyOptions(options)));
}

/**
 * `tsmp fs cp [-r] <source…> <destination>`, as mpremote writes it: board paths start with ":",
 * and the copy goes from this computer to the board or back.
 */
export async function copyFiles(paths: string[], recursive: boolean, options: FsOptions): Promise<void> {
  const sources = paths.slice(0, -1);
  const destination = paths.at(-1)!;
  const copy = { ...copyOptions(options), recursive };
  if (isBoardPath(destination) && !sources.some(isBoardPath)) {
    await onBoard(options, (board) => uploadPaths(board.fs, sources, destination, copy));
  } else if (!isBoardPath(destination) && sources.every(isBoardPath)) {
    await onBoard(options, (board) => downloadPaths(board.fs, sources, destination, copy));
  } else {
    throw new TsmpError(
      'cp copies between this computer and the board: mark the board side with a leading ":" (tsmp fs cp main.py :main.py, tsmp fs cp -r :lib .)',
    );
  }
}

/** `tsmp fs rm`. */
export async function removeBoardPath(path: string, recursive: boolean, options: FsOptions): Promise<void> {
  await onBoard(options, (board) => board.fs.remove(boardPath(path), { recursive }));
}

/** `tsmp fs mkdir`: creates missing parents too. */
export async function makeBoardFolder(path: string, options: FsOptions): Promise<void> {
  await onBoard(options, (board) => board.fs.mkdir(boardPath(path)));
}

/** `tsmp fs df`: size, use and free space of the filesystem holding `path`. */
export async function showFreeSpace(path: string, options: FsOptions): Promise<void> {
  const folder = boardPath(path) || "/";
  const answer = await onBoard(options, (board) =>
    board.fs.call(`import os\n_s=os.statvfs(${pythonString(folder)})\nprint(_s[1]*_s[2],_s[1]*_s[3],_s[1]*_s[4])`, folder),
  );
  const [total, free, available] = answer.trim().split(/\s+/).map(Number) as [number, number, number];
  if (![total, free, available].every(Number.isFinite)) throw new TsmpError(`the board's answer about its free space arrived garbled`);
  const used = total - free;
  const percent = total > 0 ? Math.round((used / total) * 100) : 0;
  options.stdout(`${folder}: ${formatBytes(total)}, ${formatBytes(used)} used, ${formatBytes(available)} free (${percent}% used)\n`);
}

/** `tsmp fs sha256sum`: one `<sha256>  <path>` line per file, as sha256sum prints them. */
export async function printSha256(paths: string[], options: FsOptions): Promise<void> {
  const names = paths.map(boardPath);
  const hashes = await onBoard(options, (board) => board.fs.sha256(names));
  const missing = names.filter((_, i) => hashes[i] === undefined);
  for (const [i, name] of names.entries()) if (hashes[i]) options.stdout(`${hashes[i]}  ${name}\n`);
  if (missing.length > 0) throw new TsmpError(`${missing.join(", ")}: no such file on the board (a folder has no sha256)`);
}

/** `tsmp fs tree`: the folder and everything under it, drawn as a tree with file sizes. */
export async function printTree(path: string, options: FsOptions): Promise<void> {
  const root = boardPath(path);
  await onBoard(options, async (board) => {
    options.stdout(`${root === "" ? ":" : `:${root}`}\n`);
    await drawFolder(board.fs, root, "", options.stdout);
  });
}

async function drawFolder(fs: BoardFs, folder: string, indent: string, write: (text: string) => void): Promise<void> {
  const entries = await fs.ls(folder);
  for (const [i, entry] of entries.entries()) {
    const last = i === entries.length - 1;
    write(`${indent}${last ? "└── " : "├── "}${entry.isDir ? `${entry.name}/` : `${entry.name} (${formatBytes(entry.size)})`}\n`);
    if (entry.isDir)
      await drawFolder(fs, folder === "" ? entry.name : `${folder}/${entry.name}`, `${indent}${last ? "    " : "│   "}`, write);
  }
}

function copyOptions(options: FsOptions) {
  return { recursive: true, log: options.log, progress: options.progress && createUploadProgress(options.progress) };
}
