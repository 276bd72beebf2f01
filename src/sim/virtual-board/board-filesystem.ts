import type { EmscriptenFs } from "@micropython/micropython-webassembly-pyscript";
import type { BoardFiles } from "./worker-messages.js";

/** Where the board's flash lives inside the VM's Emscripten filesystem (Python sees it as "/"). */
export const FLASH_ROOT = "/flash";

export interface FlashContents {
  files: Map<string, Uint8Array>;
  /** Every folder, parents before children ("/lib", "/lib/sub"). */
  dirs: string[];
}

/** Reads the whole flash: paths are from the board's root ("/main.py"). */
export function readFlash(fs: EmscriptenFs): FlashContents {
  const contents: FlashContents = { files: new Map(), dirs: [] };
  const visit = (boardPath: string): void => {
    for (const name of fs.readdir(FLASH_ROOT + boardPath)) {
      if (name === "." || name === "..") continue;
      const child = boardPath === "/" ? `/${name}` : `${boardPath}/${name}`;
      if (fs.isDir(fs.stat(FLASH_ROOT + child).mode)) {
        contents.dirs.push(child);
        visit(child);
      } else {
        contents.files.set(child, fs.readFile(FLASH_ROOT + child));
      }
    }
  };
  visit("/");
  return contents;
}

export function writeFlash(fs: EmscriptenFs, files: BoardFiles, dirs: string[]): void {
  fs.mkdirTree(FLASH_ROOT);
  for (const dir of dirs) fs.mkdirTree(FLASH_ROOT + dir);
  for (const [path, content] of files) {
    const folder = path.slice(0, path.lastIndexOf("/"));
    if (folder) fs.mkdirTree(FLASH_ROOT + folder);
    fs.writeFile(FLASH_ROOT + path, content);
  }
}

/** os.rename inside the flash; returns 0 or Emscripten's errno (board_setup.py translates it). */
export function renameInFlash(fs: EmscriptenFs, from: string, to: string): number {
  try {
    fs.rename(FLASH_ROOT + from, FLASH_ROOT + to);
    return 0;
  } catch (error) {
    const errno = (error as { errno?: unknown }).errno;
    if (typeof errno === "number") return errno;
    throw error;
  }
}

/** What changed since `before`: the flash's mirror on the host applies this. */
export function diffFlash(before: FlashContents, after: FlashContents): { changed: BoardFiles; removed: string[] } {
  const changed: BoardFiles = [];
  for (const [path, content] of after.files) {
    const old = before.files.get(path);
    if (!old || !sameBytes(old, content)) changed.push([path, content]);
  }
  const removed = [...before.files.keys()].filter((path) => !after.files.has(path));
  return { changed, removed };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
