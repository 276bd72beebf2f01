import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { posix } from "node:path";
import { TsmpError } from "../errors.js";
import { sha256Hex, type BoardFs } from "../flash/board-fs.js";
import { putFileVerified, type DeployFile } from "../flash/deploy.js";
import { formatBytes, type UploadProgress } from "../flash/progress.js";

/** mpremote's convention: a board path starts with ":" (":main.py", ":lib/", ":" for the working folder). */
export function isBoardPath(path: string): boolean {
  return path.startsWith(":");
}

/** A board path as the board takes it: the ":" dropped, "" for the working folder. */
export function boardPath(path: string): string {
  return isBoardPath(path) ? path.slice(1) : path;
}

export interface CopyOptions {
  /** Folders are copied with everything under them (cp -r; put and get always do). */
  recursive: boolean;
  log: (line: string) => void;
  progress?: UploadProgress;
}

/** A local file and where it goes on the board. */
interface Upload extends DeployFile {
  local: string;
}

/**
 * Copies local files and folders to the board. Like cp: several sources, or a destination that
 * is a folder on the board (or ends in "/"), put each source inside it under its own name.
 * A file the board already holds with the same sha256 is not sent again; each file sent travels
 * compressed (where the board can inflate), is verified, and only then takes its name.
 */
export async function uploadPaths(fs: BoardFs, sources: string[], destination: string, options: CopyOptions): Promise<void> {
  const target = boardPath(destination);
  const into = sources.length > 1 || target === "" || target.endsWith("/") || (await fs.stat(target))?.isDir === true;
  const uploads = sources.flatMap((source) => {
    const named = into ? joinBoard(target, basename(source)) : target;
    return localFiles(source, named, options.recursive);
  });
  const hashes = await fs.sha256(uploads.map((file) => file.path));
  const changed = uploads.filter((file, i) => hashes[i] !== sha256Hex(file.data));
  for (const file of uploads) if (!changed.includes(file)) options.log(`Up to date: ${file.path}`);
  for (const file of changed) {
    const existing = await fs.stat(file.path);
    if (existing?.isDir) throw new TsmpError(`${file.path} is a folder on the board; cannot put the file ${file.local} in its place`);
  }
  options.progress?.start(changed.reduce((sum, file) => sum + file.data.length, 0));
  for (const file of changed) await putFileVerified(fs, file, { log: options.log, progress: options.progress });
  options.progress?.finish();
  for (const file of changed) options.log(`Wrote ${file.path} (${formatBytes(file.data.length)})`);
}

/** The files under a local source, each with its board path; a folder only with `recursive`. */
function localFiles(source: string, target: string, recursive: boolean): Upload[] {
  if (isBoardPath(source)) throw new TsmpError(`${source} is on the board, but the destination is too: one side must be on this computer`);
  if (!existsSync(source)) throw new TsmpError(`${source}: no such file or folder`);
  if (!statSync(source).isDirectory()) return [{ local: source, path: target, data: readLocal(source) }];
  if (!recursive) throw new TsmpError(`${source} is a folder: copy it with cp -r`);
  return readdirSync(source, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => localFiles(join(source, entry.name), joinBoard(target, entry.name), true));
}

/**
 * Copies board files and folders here. Several sources, or a destination that is a local folder,
 * put each source inside it under its own name; parent folders are created.
 */
export async function downloadPaths(fs: BoardFs, sources: string[], destination: string, options: CopyOptions): Promise<void> {
  const into = sources.length > 1 || destination.endsWith("/") || (existsSync(destination) && statSync(destination).isDirectory());
  for (const source of sources) {
    if (!isBoardPath(source) && sources.length > 1)
      throw new TsmpError(`${source} is not a board path: give board paths with a leading ":"`);
    const from = boardPath(source);
    const named = into ? join(destination, posix.basename(from) || "board") : destination;
    // "" is the working folder, which os.stat cannot name.
    const stat = from === "" ? { isDir: true } : await fs.stat(from);
    if (!stat) throw new TsmpError(`${from || "/"}: no such file or folder on the board`);
    if (stat.isDir && !options.recursive) throw new TsmpError(`${from} is a folder on the board: copy it with cp -r`);
    for (const path of stat.isDir ? await boardFiles(fs, from) : [from]) {
      const local = stat.isDir ? join(named, posix.relative(from || ".", path)) : named;
      const data = await fs.readFile(path);
      writeLocal(local, data);
      options.log(`Saved ${local} (${formatBytes(data.length)})`);
    }
  }
}

/** Every file under a board folder, depth first, sorted. */
export async function boardFiles(fs: BoardFs, folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await fs.ls(folder)) {
    const path = joinBoard(folder, entry.name);
    if (entry.isDir) files.push(...(await boardFiles(fs, path)));
    else files.push(path);
  }
  return files;
}

function joinBoard(folder: string, name: string): string {
  if (folder === "") return name;
  return folder.endsWith("/") ? folder + name : `${folder}/${name}`;
}

function readLocal(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new TsmpError(`cannot read ${path}`);
  }
}

function writeLocal(path: string, data: Uint8Array): void {
  if (existsSync(path) && statSync(path).isDirectory())
    throw new TsmpError(`${path} is a folder here; name a file, or copy into it with a trailing /`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
