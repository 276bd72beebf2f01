import { sha256Hex } from "./board-fs.js";

/**
 * The records tsmp keeps on the board about what it installed, and how they travel. Each is JSON
 * sealed with the sha256 of its body, so a record garbled on the line or edited by hand reads as
 * absent: tsmp never removes a file on the word of a record it cannot trust.
 */

/** What the last complete deploy installed: each file and the sha256 it had. */
export const MANIFEST_PATH = ".tsmp-manifest.json";
/** Written by a commit before it renames anything and removed once the manifest is recorded. */
export const JOURNAL_PATH = ".tsmp-journal.json";
/**
 * The size and mtime each file had when the board last found its hash as the manifest lists it
 * (deploy_helpers.py, `_tsmp_check`): files that kept them are not hashed again. A hint only.
 */
export const SEEN_PATH = ".tsmp-seen.json";

/** File → sha256 (hex) of the copy tsmp installed. */
export type InstalledFiles = Record<string, string>;

/** A commit as the board carries it out: what to rename into place, what to remove, what to report. */
export interface CommitPlan {
  /** Files uploaded to `<name>.tsmp-new`, renamed into place. */
  put: string[];
  /** Files tsmp installed earlier that the build no longer has. */
  rm: string[];
  /** Whether the build has a boot.py (which then stays away, like main.py, while the others change). */
  boot: boolean;
  /** sha256 of every file the commit touches (the new copies, the removed ones as installed, and `set`). */
  files: InstalledFiles;
  /**
   * The manifest the board writes once the commit is confirmed, as a change to the one it holds:
   * `base` is that one's sha256 ("" to start from none), `set` the entries that differ, `drop`
   * the entries to leave out. The host checks the hash of what the board wrote.
   */
  base: string;
  set: InstalledFiles;
  drop: string[];
}

/** Bytes to store or send, and their sha256 for the board to check before acting on them. */
export interface SealedBytes {
  bytes: Buffer;
  sha256: string;
}

export function sealManifest(files: InstalledFiles): SealedBytes {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return seal({ tsmp: 2, files: sorted });
}

export function sealCommit(plan: CommitPlan): SealedBytes {
  return seal(plan);
}

/** The files a stored manifest or journal says tsmp installed; undefined when it cannot be trusted. */
export function readInstalledFiles(stored: Buffer): InstalledFiles | undefined {
  const body = unseal(stored);
  if (typeof body !== "object" || body === null) return undefined;
  const files = (body as { files?: unknown }).files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) return undefined;
  const entries = Object.entries(files);
  const valid = entries.every(([name, hash]) => isDeployablePath(name) && typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash));
  return valid ? (Object.fromEntries(entries) as InstalledFiles) : undefined;
}

/**
 * A path tsmp may write or remove: relative to the board's working folder, no `.` or `..`
 * segments, no control characters, and not one of tsmp's own records or temporary names.
 */
export function isDeployablePath(path: string): boolean {
  if (path.length === 0 || path.length > 255 || path.startsWith("/") || /[\x00-\x1f\x7f\\]/.test(path)) return false;
  if (path.split("/").some((part) => part === "" || part === "." || part === "..")) return false;
  if (path === MANIFEST_PATH || path === JOURNAL_PATH || path === SEEN_PATH) return false;
  return !/\.tsmp-(new|old)$/.test(path);
}

function seal(body: unknown): SealedBytes {
  const text = JSON.stringify(body);
  const bytes = Buffer.from(`{"sha256":"${sha256Hex(Buffer.from(text, "utf8"))}","body":${text}}`, "utf8");
  return { bytes, sha256: sha256Hex(bytes) };
}

function unseal(stored: Buffer): unknown {
  try {
    const record = JSON.parse(stored.toString("utf8")) as { sha256?: unknown; body?: unknown };
    if (typeof record !== "object" || record === null || typeof record.sha256 !== "string") return undefined;
    return sha256Hex(Buffer.from(JSON.stringify(record.body), "utf8")) === record.sha256 ? record.body : undefined;
  } catch {
    return undefined;
  }
}
