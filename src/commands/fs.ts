import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { TsmpError } from "../errors.js";
import { withBoard, type BoardConnection } from "../flash/connection.js";
import { putFileVerified } from "../flash/deploy.js";
import { formatBytes } from "../flash/progress.js";

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
}

function onBoard<T>(options: FsOptions, work: (board: BoardConnection) => Promise<T>): Promise<T> {
  return withBoard({ port: options.port, baudRate: options.baudRate, serialNumber: options.serialNumber, log: options.log }, work);
}

/** `tsmp fs ls`: one line per entry, sizes right-aligned, folders with a trailing slash. */
export async function listBoardFiles(path: string, options: FsOptions): Promise<void> {
  const entries = await onBoard(options, (board) => board.fs.ls(path));
  for (const entry of entries) {
    options.stdout(entry.isDir ? `${"".padStart(9)} ${entry.name}/\n` : `${String(entry.size).padStart(9)} ${entry.name}\n`);
  }
}

/** `tsmp fs cat`. */
export async function printBoardFile(path: string, options: FsOptions): Promise<void> {
  options.stdout(await onBoard(options, (board) => board.fs.readFile(path)));
}

/** `tsmp fs put`: the deploy's verified upload, then a rename into place; `remote` defaults to the local name. */
export async function putBoardFile(local: string, remote: string | undefined, options: FsOptions): Promise<void> {
  const data = readLocal(local);
  const target = remote ?? basename(local);
  await onBoard(options, (board) => putFileVerified(board.fs, { path: target, data }, { log: options.log }));
  options.log(`Wrote ${target} (${formatBytes(data.length)})`);
}

/** `tsmp fs get`: `local` defaults to the board file's name in the current folder. */
export async function getBoardFile(remote: string, local: string | undefined, options: FsOptions): Promise<void> {
  const data = await onBoard(options, (board) => board.fs.readFile(remote));
  const target = local ?? basename(remote);
  writeFileSync(target, data);
  options.log(`Saved ${target} (${formatBytes(data.length)})`);
}

/** `tsmp fs rm`. */
export async function removeBoardPath(path: string, recursive: boolean, options: FsOptions): Promise<void> {
  await onBoard(options, (board) => board.fs.remove(path, { recursive }));
}

/** `tsmp fs mkdir`: creates missing parents too. */
export async function makeBoardFolder(path: string, options: FsOptions): Promise<void> {
  await onBoard(options, (board) => board.fs.mkdir(path));
}

function readLocal(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new TsmpError(`cannot read ${path}`);
  }
}
