import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
/** A board filesystem's files by path from its root ("/main.py"). */
export type StoredFiles = Map<string, Uint8Array>;

/**
 * A virtual board's filesystem kept outside the board: in memory while the board is down (the
 * virtual ESP32 in its bootloader), and with a folder on disk across restarts of the process.
 */
export class FileStore {
  files: StoredFiles;

  constructor(private readonly folder: string | undefined) {
    this.files = folder !== undefined && existsSync(folder) ? readFolder(folder) : new Map();
  }

  /** The files as the board left them. */
  keep(files: StoredFiles): void {
    this.files = files;
    this.save();
  }

  erase(): void {
    this.files = new Map();
    this.save();
  }

  private save(): void {
    if (this.folder === undefined) return;
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true });
    for (const [path, content] of this.files) {
      const target = join(this.folder, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
}

function readFolder(folder: string): StoredFiles {
  const files: StoredFiles = new Map();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(`/${relative(folder, path).split("\\").join("/")}`, readFileSync(path));
    }
  };
  walk(folder);
  return files;
}
