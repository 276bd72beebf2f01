/**
 * `tsmp/os` ⇔ MicroPython's `os`: files and folders on the board's file system. On Node the
 * simulated board's file system is in memory, lasting for the run (tsmp/testing's `files`
 * option seeds it). Errors are OSErrors with MicroPython's errno (`errno.ENOENT`).
 * `dupterm`, `mount` and `umount` are left out.
 * https://docs.micropython.org/en/latest/library/os.html
 */
import { randomBytes } from "node:crypto";
import { boardFiles, EEXIST, EINVAL, ENOENT, ENOTEMPTY, osError } from "./board-files.js";

/** `ilistdir` entry types (and the type bits of `stat()[0]`). */
const FOLDER = 0x4000;
const FILE = 0x8000;

export function getcwd(): string {
  return boardFiles().cwd;
}

export function chdir(path: string): void {
  const files = boardFiles();
  const target = files.resolve(path);
  files.children(target);
  files.cwd = target;
}

/** Names in folder `path` (default: the current one). */
export function listdir(path?: string): string[] {
  const files = boardFiles();
  return files.children(files.resolve(path ?? files.cwd));
}

/** (name, type, inode) for each entry of folder `path`: type 0x4000 for a folder, 0x8000 for a file. */
export function ilistdir(path?: string): [string, number, number][] {
  const files = boardFiles();
  const folder = files.resolve(path ?? files.cwd);
  return files.children(folder).map((name) => [name, files.isFolder(files.resolve(`${folder}/${name}`)) ? FOLDER : FILE, 0]);
}

export function mkdir(path: string): void {
  const files = boardFiles();
  const target = files.resolve(path);
  if (files.entries.has(target)) throw osError(EEXIST);
  if (!files.isFolder(files.parentOf(target))) throw osError(ENOENT);
  files.entries.set(target, undefined);
}

export function rmdir(path: string): void {
  const files = boardFiles();
  const target = files.resolve(path);
  if (files.children(target).length > 0) throw osError(ENOTEMPTY);
  if (target === "/") throw osError(EINVAL);
  files.entries.delete(target);
}

export function remove(path: string): void {
  const files = boardFiles();
  const target = files.resolve(path);
  files.readFile(target);
  files.entries.delete(target);
}

export function rename(old_path: string, new_path: string): void {
  const files = boardFiles();
  const from = files.resolve(old_path);
  const to = files.resolve(new_path);
  if (!files.entries.has(from)) throw osError(ENOENT);
  if (!files.isFolder(files.parentOf(to))) throw osError(ENOENT);
  for (const [path, contents] of [...files.entries]) {
    if (path !== from && !path.startsWith(`${from}/`)) continue;
    files.entries.delete(path);
    files.entries.set(to + path.slice(from.length), contents);
  }
}

/** (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime), as MicroPython's VFS gives it. */
export function stat(path: string): [number, number, number, number, number, number, number, number, number, number] {
  const files = boardFiles();
  const target = files.resolve(path);
  if (!files.entries.has(target)) throw osError(ENOENT);
  const size = files.isFolder(target) ? 0 : files.readFile(target).length;
  return [files.isFolder(target) ? FOLDER : FILE, 0, 0, 0, 0, 0, size, 0, 0, 0];
}

/** (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax): a 1 MiB file system. */
export function statvfs(path: string): [number, number, number, number, number, number, number, number, number, number] {
  void path;
  const used = [...boardFiles().entries.values()].reduce((sum, contents) => sum + Math.ceil((contents?.length ?? 0) / 4096), 0);
  return [4096, 4096, 256, 256 - used, 256 - used, 0, 0, 0, 0, 255];
}

/** `size` random bytes from the board's generator. */
export function urandom(size: number): Uint8Array {
  return new Uint8Array(randomBytes(size));
}

/** (sysname, nodename, release, version, machine) of the simulated board: the host VM's MicroPython build. */
export function uname(): { sysname: string; nodename: string; release: string; version: string; machine: string } {
  return {
    sysname: "webassembly",
    nodename: "webassembly",
    release: "1.27.0",
    version: "v1.27.0 on 2025-12-10",
    machine: "JS with Emscripten",
  };
}
