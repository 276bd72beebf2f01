import type { EmscriptenFs } from "@micropython/micropython-webassembly-pyscript";
import type { BoardFiles } from "./worker-messages.js";

/** Where the board's flash lives inside the VM's Emscripten filesystem (Python sees it as "/"). */
export const FLASH_ROOT = "/flash";

export interface FlashContents {
  files: Map<string, Uint8Array>;
  /** Every folder, parents before children ("/lib", "/lib/sub"). */
  dirs: string[];
  /** When each file was last written (ms since 1970): a board's flash keeps it through a reset. */
  mtimes?: Map<string, number>;
}

/** Reads the whole flash: paths are from the board's root ("/main.py"). */
export function readFlash(fs: EmscriptenFs): FlashContents {
  const contents: FlashContents = { files: new Map(), dirs: [], mtimes: new Map() };
  const visit = (boardPath: string): void => {
    for (const name of fs.readdir(FLASH_ROOT + boardPath)) {
      if (name === "." || name === "..") continue;
      const child = boardPath === "/" ? `/${name}` : `${boardPath}/${name}`;
      if (fs.isDir(fs.stat(FLASH_ROOT + child).mode)) {
        contents.dirs.push(child);
        visit(child);
      } else {
        contents.files.set(child, fs.readFile(FLASH_ROOT + child));
        contents.mtimes!.set(child, fs.stat(FLASH_ROOT + child).mtime.getTime());
      }
    }
  };
  visit("/");
  return contents;
}

/** Lays the flash out in a new VM; files keep the mtimes given (a reset does not rewrite the flash). */
export function writeFlash(fs: EmscriptenFs, files: BoardFiles, dirs: string[], mtimes?: Map<string, number>): void {
  fs.mkdirTree(FLASH_ROOT);
  for (const dir of dirs) fs.mkdirTree(FLASH_ROOT + dir);
  for (const [path, content] of files) {
    const folder = path.slice(0, path.lastIndexOf("/"));
    if (folder) fs.mkdirTree(FLASH_ROOT + folder);
    fs.writeFile(FLASH_ROOT + path, content);
    const mtime = mtimes?.get(path);
    if (mtime !== undefined) fs.utime(FLASH_ROOT + path, mtime, mtime);
  }
}

/** The block size os.statvfs reports (board_setup.py), which both count space in. */
const BLOCK = 4096;

/** The part of Emscripten's FS that every write from the VM goes through. */
interface StreamWrites {
  write(stream: EmscriptenStream, buffer: Uint8Array, offset: number, length: number, position?: number, canOwn?: boolean): number;
  ErrnoError: new (errno: number) => Error;
}
interface EmscriptenStream {
  path?: string;
  position: number;
}

/**
 * A board's ENOSPC. Raised with the board's number rather than Emscripten's (51): an error from
 * a file object's write() never passes through board_setup.py's translation of errno numbers.
 */
const BOARD_ENOSPC = 28;

/**
 * Gives the flash a size: a write that would need more blocks than are free fails with ENOSPC,
 * as on a board, counting space as os.statvfs does (one block per entry plus its whole blocks).
 */
export function limitFlashSize(fs: EmscriptenFs, capacity: number): void {
  const streams = fs as unknown as StreamWrites;
  const write = streams.write.bind(streams);
  const blocks = Math.floor(capacity / BLOCK);
  streams.write = (stream, buffer, offset, length, position, canOwn) => {
    if (stream.path?.startsWith(`${FLASH_ROOT}/`)) {
      const end = (position ?? stream.position) + length;
      const grows = Math.floor(end / BLOCK) - Math.floor(fs.stat(stream.path).size / BLOCK);
      if (grows > 0 && usedBlocks(fs, FLASH_ROOT) + grows > blocks) throw new streams.ErrnoError(BOARD_ENOSPC);
    }
    return write(stream, buffer, offset, length, position, canOwn);
  };
}

function usedBlocks(fs: EmscriptenFs, folder: string): number {
  let used = 0;
  for (const name of fs.readdir(folder)) {
    if (name === "." || name === "..") continue;
    const { mode, size } = fs.stat(`${folder}/${name}`);
    used += fs.isDir(mode) ? 1 + usedBlocks(fs, `${folder}/${name}`) : 1 + Math.floor(size / BLOCK);
  }
  return used;
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
