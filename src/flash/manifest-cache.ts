import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256Hex } from "./board-fs.js";

/**
 * Manifests this machine has written to or read from a board, by their sha256. The board then
 * only says which manifest it holds (a hash) instead of sending it: it is as big as the project
 * (about 80 bytes a file, twice that in hex), and at 115200 baud a 200-module manifest took over
 * a second each way. A file is trusted only when its content still hashes to its name.
 */
const cacheFolder = join(tmpdir(), "tsmp-manifests");
const known = new Map<string, Buffer>();

export function knownManifest(sha256: string): Buffer | undefined {
  const remembered = known.get(sha256);
  if (remembered) return remembered;
  try {
    const stored = readFileSync(join(cacheFolder, `${sha256}.json`));
    if (sha256Hex(stored) !== sha256) return undefined;
    known.set(sha256, stored);
    return stored;
  } catch {
    return undefined;
  }
}

export function rememberManifest(bytes: Buffer): void {
  const sha256 = sha256Hex(bytes);
  if (known.has(sha256)) return;
  known.set(sha256, bytes);
  try {
    mkdirSync(cacheFolder, { recursive: true });
    // Written aside and renamed: another tsmp reading meanwhile sees the whole file or none.
    const partial = join(cacheFolder, `${sha256}.${process.pid}.tmp`);
    writeFileSync(partial, bytes);
    renameSync(partial, join(cacheFolder, `${sha256}.json`));
  } catch {
    // Without the cache the next deploy reads the manifest from the board instead.
  }
}
