import { TsmpError } from "../errors.js";
import { sha256Hex, type BoardFs } from "./board-fs.js";
import type { UploadProgress } from "./progress.js";
import { pythonBytes, pythonString } from "./python-literal.js";

/** A file to install on the board, at a path relative to the board's working folder. */
export interface DeployFile {
  path: string;
  data: Uint8Array;
}

export interface DeployReport {
  updated: string[];
  upToDate: string[];
  removed: string[];
  bytesSent: number;
}

/** An uploaded file did not arrive intact in any of its attempts. */
export class UploadVerificationFailed extends TsmpError {}

/** Lists what tsmp installed last time, so files dropped from the project can be removed. */
export const MANIFEST_PATH = ".tsmp-manifest.json";
/** Files are written here first and renamed into place only once their hash checks out. */
export const TEMP_SUFFIX = ".tsmp-new";
/** A corrupted upload is sent again this many times: line errors are usually transient. */
const UPLOAD_RETRIES = 2;

/**
 * Installs `files` on the board: only files whose sha256 differs are sent, each to a temporary
 * name and verified; then one board-side step renames them all into place, removes files a
 * previous deploy installed that are gone now, and records the new manifest. A link lost
 * mid-upload therefore leaves the previous program intact, and the next deploy repairs it.
 */
export async function deployFiles(
  fs: BoardFs,
  files: DeployFile[],
  options: { log: (line: string) => void; progress?: UploadProgress },
): Promise<DeployReport> {
  const { hashes, manifest } = await readBoardState(fs, files.map((f) => f.path));
  const changed = files.filter((file, i) => hashes[i] !== sha256Hex(file.data));
  const upToDate = files.filter((file) => !changed.includes(file)).map((f) => f.path);
  for (const path of upToDate) options.log(`Up to date: ${path}`);

  const progress = options.progress;
  progress?.start(changed.reduce((sum, file) => sum + file.data.length, 0));
  for (const file of changed) await uploadVerified(fs, file, progress, options.log);
  progress?.finish();

  const wanted = new Set(files.map((f) => f.path));
  const removed = manifest.filter((path) => !wanted.has(path));
  const nextManifest = [...wanted].sort();
  if (changed.length > 0 || removed.length > 0 || JSON.stringify(nextManifest) !== JSON.stringify(manifest)) {
    await commit(fs, changed.map((f) => f.path), removed, nextManifest);
  }
  for (const file of changed) options.log(`Updated: ${file.path}`);
  for (const path of removed) options.log(`Removed: ${path}`);
  return { updated: changed.map((f) => f.path), upToDate, removed, bytesSent: changed.reduce((sum, f) => sum + f.data.length, 0) };
}

/**
 * Installs one file the way deployFiles does (sent to a temporary name, verified by sha256 and
 * re-sent if corrupted) and renames it into place; the manifest is left alone (`tsmp fs put`).
 */
export async function putFileVerified(fs: BoardFs, file: DeployFile, options: { log: (line: string) => void }): Promise<void> {
  try {
    await uploadVerified(fs, file, undefined, options.log);
  } catch (error) {
    // Unlike a deploy, nothing later would overwrite the corrupted copy: it is not left behind.
    if (error instanceof UploadVerificationFailed) await fs.remove(file.path + TEMP_SUFFIX);
    throw error;
  }
  await fs.rename(file.path + TEMP_SUFFIX, file.path);
}

async function readBoardState(fs: BoardFs, paths: string[]): Promise<{ hashes: (string | undefined)[]; manifest: string[] }> {
  const code = [
    paths.length > 0 ? `_tsmp_sha256s(${paths.map(pythonString).join(",")})` : "",
    "try:",
    ` print(open(${pythonString(MANIFEST_PATH)}).read())`,
    "except OSError:",
    " pass",
  ].join("\n");
  const lines = (await fs.call(code, MANIFEST_PATH)).split(/\r?\n/);
  const hashes = lines.slice(0, paths.length).map((line) => (line === "-" ? undefined : line));
  return { hashes, manifest: parseManifest(lines.slice(paths.length).join("\n")) };
}

function parseManifest(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
  } catch {
    return [];
  }
}

async function uploadVerified(
  fs: BoardFs,
  file: DeployFile,
  progress: UploadProgress | undefined,
  log: (line: string) => void,
): Promise<void> {
  const expected = sha256Hex(file.data);
  for (let attempt = 0; attempt <= UPLOAD_RETRIES; attempt++) {
    let reported = 0;
    const boardHash = await fs.writeFile(file.path + TEMP_SUFFIX, file.data, {
      onProgress: (sent) => {
        progress?.advance(file.path, sent - reported);
        reported = sent;
      },
    });
    if (boardHash === expected) return;
    if (attempt === UPLOAD_RETRIES) break;
    // The progress counts each byte once: the corrupted copy is taken back before resending.
    progress?.advance(file.path, -reported);
    log(`Retrying ${file.path} (sha256 mismatch)`);
  }
  throw new UploadVerificationFailed(
    `${file.path} arrived corrupted ${UPLOAD_RETRIES + 1} times (sha256 mismatch); check the cable and try again`,
  );
}

/** One exec, so the board switches to the new set of files all at once once it has them all. */
async function commit(fs: BoardFs, renamed: string[], removed: string[], manifest: string[]): Promise<void> {
  const lines = renamed.map((path) => `os.rename(${pythonString(path + TEMP_SUFFIX)},${pythonString(path)})`);
  for (const path of removed) {
    lines.push("try:", ` os.remove(${pythonString(path)})`, "except OSError:", " pass");
  }
  const manifestTemp = pythonString(MANIFEST_PATH + TEMP_SUFFIX);
  lines.push(
    `_tsmp_f=open(${manifestTemp},'wb')`,
    `_tsmp_f.write(${pythonBytes(Buffer.from(JSON.stringify(manifest), "utf8"))})`,
    "_tsmp_f.close()",
    `os.rename(${manifestTemp},${pythonString(MANIFEST_PATH)})`,
  );
  await fs.call(lines.join("\n"), MANIFEST_PATH);
}
