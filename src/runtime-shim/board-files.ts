/**
 * The simulated board's file system, shared by `tsmp/os` and `tsmp/io` on Node: in memory,
 * lasting for one run (one simulated board), optionally seeded by a test. Errors are the
 * OSErrors a board raises, with MicroPython's errno numbers.
 */
import { OSError } from "./exceptions.js";
import { runtime, type Runtime } from "./runtime.js";

export const ENOENT = 2;
export const EEXIST = 17;
export const EISDIR = 21;
export const ENOTDIR = 20;
export const EINVAL = 22;
export const ENOTEMPTY = 39;

export function osError(errno: number): OSError {
  return new OSError(errno);
}

export class BoardFiles {
  /** Absolute path → contents; folders are entries with `undefined`. The root always exists. */
  readonly entries = new Map<string, Uint8Array | undefined>([["/", undefined]]);
  cwd = "/";

  /** An absolute, normalised path for `path` as the program wrote it. */
  resolve(path: string): string {
    const parts: string[] = [];
    for (const part of (path.startsWith("/") ? path : `${this.cwd}/${path}`).split("/")) {
      if (part === "" || part === ".") continue;
      if (part === "..") parts.pop();
      else parts.push(part);
    }
    return `/${parts.join("/")}`;
  }

  parentOf(path: string): string {
    return path.slice(0, path.lastIndexOf("/")) || "/";
  }

  isFolder(path: string): boolean {
    return this.entries.has(path) && this.entries.get(path) === undefined;
  }

  /** Names directly inside folder `path`. */
  children(path: string): string[] {
    if (!this.entries.has(path)) throw osError(ENOENT);
    if (!this.isFolder(path)) throw osError(ENOTDIR);
    const prefix = path === "/" ? "/" : `${path}/`;
    return [...this.entries.keys()]
      .filter((entry) => entry !== path && entry.startsWith(prefix) && !entry.slice(prefix.length).includes("/"))
      .map((entry) => entry.slice(prefix.length));
  }

  readFile(path: string): Uint8Array {
    const contents = this.entries.get(path);
    if (!this.entries.has(path)) throw osError(ENOENT);
    if (contents === undefined) throw osError(EISDIR);
    return contents;
  }

  writeFile(path: string, contents: Uint8Array): void {
    if (!this.isFolder(this.parentOf(path))) throw osError(ENOENT);
    if (this.isFolder(path)) throw osError(EISDIR);
    this.entries.set(path, contents);
  }

  /** Puts files in place before a program runs (folders are made as needed). */
  seed(files: Readonly<Record<string, string | Uint8Array>>): void {
    for (const [path, contents] of Object.entries(files)) {
      const absolute = this.resolve(path);
      for (let folder = this.parentOf(absolute); !this.entries.has(folder); folder = this.parentOf(folder))
        this.entries.set(folder, undefined);
      this.entries.set(absolute, typeof contents === "string" ? new TextEncoder().encode(contents) : contents);
    }
  }
}

const slot = Symbol.for("tsmp.boardFiles");
type FilesHolder = { [slot]?: WeakMap<Runtime, BoardFiles> };

/** The file system of a simulated board (the current one by default), created empty. */
export function boardFiles(rt: Runtime = runtime()): BoardFiles {
  const holder = globalThis as FilesHolder;
  const all = (holder[slot] ??= new WeakMap());
  let files = all.get(rt);
  if (files === undefined) {
    files = new BoardFiles();
    all.set(rt, files);
  }
  return files;
}
