import { TsmpError } from "../errors.js";
import { BoardFsError, sha256Hex, WRITE_CHUNK, type BoardFs } from "./board-fs.js";
import {
  JOURNAL_PATH,
  MANIFEST_PATH,
  SEEN_PATH,
  readInstalledFiles,
  sealCommit,
  sealManifest,
  type CommitPlan,
  type InstalledFiles,
} from "./deploy-record.js";
import type { UploadProgress } from "./progress.js";
import { formatBytes } from "./progress.js";
import { knownManifest, rememberManifest } from "./manifest-cache.js";
import { pythonBytes, pythonString } from "./python-literal.js";
import { uploadStream } from "./stream-upload.js";
import { ProtocolError } from "./raw-repl.js";

export { MANIFEST_PATH } from "./deploy-record.js";

/** A file to install on the board, at a path relative to the board's working folder. */
export interface DeployFile {
  path: string;
  data: Uint8Array;
}

export interface DeployReport {
  updated: string[];
  /** Files the manifest says tsmp installed as built, which the board no longer held as such. */
  repaired: string[];
  upToDate: string[];
  removed: string[];
  bytesSent: number;
}

export interface DeployOptions {
  log: (line: string) => void;
  progress?: UploadProgress;
  /** Checked between steps: once aborted, the deploy stops before the commit and tidies up. */
  signal?: AbortSignal;
  /**
   * Installed with the build unless it has a file of that path, or the board holds one tsmp did
   * not install (the user's own is kept): tsmp's safe-boot boot.py. `kept` says what is lost then.
   */
  optional?: { file: DeployFile; kept: string }[];
}

/** An uploaded file did not arrive intact in any of its attempts. */
export class UploadVerificationFailed extends TsmpError {}
/** After the commit the board did not hold the build; the message names what is wrong. */
export class DeployNotConfirmed extends TsmpError {}
/** The user stopped the deploy (Ctrl-C); the message says which program the board keeps. */
export class DeployInterrupted extends TsmpError {}

/** Files are written here first and renamed into place only once their hash checks out. */
export const TEMP_SUFFIX = ".tsmp-new";
/** A corrupted upload is sent again this many times: line errors are usually transient. */
const UPLOAD_RETRIES = 2;
/** A commit the board refused (garbled) or could not confirm is run once more. */
const COMMIT_ATTEMPTS = 2;
/** tsmp never removes these without putting a new copy in place: the board would boot nothing. */
const BOOT_FILES = new Set(["main.py", "boot.py"]);

/**
 * Installs `files` so that the board ends holding exactly them, or says what it does not hold.
 *
 * Only files whose sha256 differs are sent, each to a temporary name and verified. One board
 * step then renames them all into place and removes files tsmp installed earlier that the build
 * dropped (undoing itself if the board fails midway), and reports the sha256 of every file it
 * touched; only when that matches is the manifest written. The manifest records each file's
 * hash, so the next deploy repairs a file that changed and removes only files still as tsmp
 * wrote them. A link lost before the commit leaves the previous program intact.
 *
 * What crosses the wire grows with what changed, not with the project: the board checks the
 * files its manifest lists against it and names only those that differ, the manifest itself
 * travels as its hash when this machine has seen it, and the board brings it up to date from a
 * list of changes, whose result the host checks by hash.
 */
export async function deployFiles(fs: BoardFs, buildFiles: DeployFile[], options: DeployOptions): Promise<DeployReport> {
  const { log, progress, signal } = options;
  const state = await readBoardState(fs, log);
  if (state.journal) log("Finishing an update that was cut short on the board");
  const owned = ownedFiles(state);
  const optional = (options.optional ?? []).filter(({ file }) => !buildFiles.some((other) => other.path === file.path));
  const files = [...buildFiles];
  const asked = [...new Set([...files, ...optional.map(({ file }) => file)].map((file) => file.path).concat([...owned.keys()]))];
  // Files the board has just checked against its manifest need no hash of their own.
  const asListed = (path: string) => state.manifest?.[path] !== undefined && state.differing?.has(path) === false;
  const unknown = asked.filter((path) => !asListed(path));
  const hashes = await fs.sha256(unknown);
  const onBoard = new Map<string, string | undefined>(unknown.map((path, i) => [path, hashes[i]]));
  for (const path of asked) if (asListed(path)) onBoard.set(path, state.manifest![path]);
  for (const { file, kept } of optional) {
    const hash = onBoard.get(file.path);
    if (hash === undefined || hash === sha256Hex(file.data) || owned.get(file.path)?.has(hash)) files.push(file);
    else log(`Kept ${file.path}: the board's own, not installed by tsmp (${kept})`);
  }
  const built = new Map(files.map((file) => [file.path, sha256Hex(file.data)]));
  const dropped = [...owned.keys()].filter((path) => !built.has(path));

  const changed = files.filter((file) => onBoard.get(file.path) !== built.get(file.path));
  const upToDate = files.filter((file) => !changed.includes(file)).map((file) => file.path);
  for (const path of upToDate) log(`Up to date: ${path}`);
  const removals = chooseRemovals(dropped, onBoard, owned, built, log);

  const manifest = Object.fromEntries(built);
  const plan = commitPlan(state, manifest, changed, removals, onBoard);
  // Whether the board holds an update not yet complete, and so runs no program until the commit.
  let unfinished = state.journal !== undefined;
  if (state.space && !fitsBesideOldCopies(state.space, changed)) {
    await makeRoom(fs, state.space, changed, plan, log);
    unfinished = true;
  }

  progress?.start(changed.reduce((sum, file) => sum + file.data.length, 0));
  for (const batch of uploadBatches(await uploadStreamed(fs, changed, { progress, signal, log }))) {
    await stopIfAsked(fs, signal, unfinished);
    if (batch.length === 1) await uploadVerified(fs, batch[0]!, progress, log);
    else await uploadBatchVerified(fs, batch, progress, log);
  }
  progress?.finish();
  await stopIfAsked(fs, signal, unfinished);

  const inSync =
    changed.length === 0 && removals.length === 0 && state.journal === undefined && sealManifest(manifest).sha256 === state.manifestSha256;
  if (!inSync) {
    const recorded = await commitVerified(fs, plan, built, log);
    const sealed = sealManifest(manifest);
    if (recorded === sealed.sha256) rememberManifest(sealed.bytes);
    else await recordManifest(fs, manifest);
  } else if (state.unrecorded) {
    // No commit writes the board's record of checked files: the files it had to hash are added now.
    await fs.call(`_tsmp_seen('${state.manifestSha256}','${state.manifestSha256}')`, SEEN_PATH);
  }
  const repaired = changed.filter((file) => state.manifest?.[file.path] === built.get(file.path)).map((file) => file.path);
  for (const file of changed) log(`${repaired.includes(file.path) ? "Repaired" : "Updated"}: ${file.path}`);
  for (const path of removals) log(`${state.manifest?.[path] ? "Removed" : "Removed stale"}: ${path}`);
  return {
    updated: changed.filter((file) => !repaired.includes(file.path)).map((file) => file.path),
    repaired,
    upToDate,
    removed: removals,
    bytesSent: changed.reduce((sum, file) => sum + file.data.length, 0),
  };
}

/**
 * Installs one file the way deployFiles does (sent to a temporary name, verified by sha256 and
 * re-sent if corrupted) and renames it into place; the manifest is left alone (`tsmp fs put`).
 */
export async function putFileVerified(
  fs: BoardFs,
  file: DeployFile,
  options: { log: (line: string) => void; progress?: UploadProgress },
): Promise<void> {
  try {
    await uploadVerified(fs, file, options.progress, options.log);
  } catch (error) {
    // Unlike a deploy, nothing later would overwrite the corrupted copy: it is not left behind.
    if (error instanceof UploadVerificationFailed) await fs.remove(file.path + TEMP_SUFFIX);
    throw error;
  }
  try {
    await fs.rename(file.path + TEMP_SUFFIX, file.path);
  } catch (error) {
    // A rename the board refused (a folder of that name) must not leave the copy behind either.
    if (error instanceof BoardFsError) await fs.remove(file.path + TEMP_SUFFIX).catch(() => undefined);
    throw error;
  }
}

interface BoardState {
  /** The board's free space (os.statvfs), where the port can tell. */
  space: FreeSpace | undefined;
  /** What the last complete deploy installed, when its manifest can be trusted. */
  manifest: InstalledFiles | undefined;
  /** sha256 of the manifest file as stored, to tell whether it needs rewriting. */
  manifestSha256: string | undefined;
  /** Files the manifest lists that the board does not hold as listed; undefined when it could not check. */
  differing: Set<string> | undefined;
  /** Whether the board hashed files its record of checked files (SEEN_PATH) does not vouch for yet. */
  unrecorded: boolean;
  /** What a commit that never finished meant to install and remove. */
  journal: InstalledFiles | undefined;
}

/**
 * Tidies what earlier runs left (temporary copies, files a cut-short commit set aside) and reads
 * tsmp's records. The board sends each record with its sha256, so a record garbled on the way
 * is read again rather than mistaken for one garbled on the board; the manifest comes as its
 * sha256 alone when this machine knows it by that.
 */
async function readBoardState(fs: BoardFs, log: (line: string) => void): Promise<BoardState> {
  for (let attempt = 0; ; attempt++) {
    const lines = (await fs.call("_tsmp_state()", MANIFEST_PATH)).split(/\r?\n/).filter((line) => line.length > 0);
    const space = lines.length >= 4 ? freeSpace(lines[0]!) : undefined;
    const stored = lines.length >= 4 ? storedManifest(lines[1]!) : undefined;
    const journal = lines.length >= 4 ? storedRecord(lines[2]!) : undefined;
    const manifest = stored === undefined ? undefined : stored === "absent" ? "absent" : await manifestBody(fs, stored);
    const installed = manifest === undefined || manifest === "absent" ? undefined : readInstalledFiles(manifest);
    const checked = installed ? differingFiles(lines.slice(3), installed) : "unknown";
    if (space === undefined || manifest === undefined || journal === undefined || checked === undefined) {
      if (attempt < 2) continue;
      throw new ProtocolError("the board's answer about its files arrived garbled three times");
    }
    if (manifest !== "absent" && !installed) {
      log(`Ignoring ${MANIFEST_PATH}: tsmp did not write it as it is now; files it lists are left alone`);
    }
    return {
      space: space === "unknown" ? undefined : space,
      manifest: installed,
      manifestSha256: installed && manifest !== "absent" ? sha256Hex(manifest) : undefined,
      differing: checked === "unknown" ? undefined : checked.differing,
      unrecorded: checked !== "unknown" && checked.unrecorded,
      journal: journal === "absent" ? undefined : readInstalledFiles(journal),
    };
  }
}

/** `<sha256> <size>` of the manifest file, or `-`; undefined when garbled. */
function storedManifest(line: string): { sha256: string; size: number } | "absent" | undefined {
  if (line === "-") return "absent";
  const match = /^([0-9a-f]{64}) (\d+)$/.exec(line);
  return match ? { sha256: match[1]!, size: Number(match[2]) } : undefined;
}

/** The manifest's bytes: from this machine's cache when it knows the hash, else read from the board. */
async function manifestBody(fs: BoardFs, stored: { sha256: string; size: number }): Promise<Buffer | undefined> {
  const known = knownManifest(stored.sha256);
  if (known) return known;
  const record = storedRecord((await fs.call(`print(_tsmp_record_line('${MANIFEST_PATH}'))`, MANIFEST_PATH)).trim());
  // Not the manifest the board announced (garbled, or changed meanwhile): the state is read again.
  if (record === undefined || record === "absent" || sha256Hex(record) !== stored.sha256) return undefined;
  rememberManifest(record);
  return record;
}

/**
 * The board's count of manifest files it does not hold as listed and whether it hashed files
 * its record of checked files does not list (1 or 0), then their names in hex; `?` where it
 * could not check. Undefined when garbled: a count that does not match, or a name the manifest
 * does not list.
 */
function differingFiles(
  lines: string[],
  installed: InstalledFiles,
): { differing: Set<string>; unrecorded: boolean } | "unknown" | undefined {
  if (lines[0] === "?" && lines.length === 1) return "unknown";
  const count = /^(\d+) ([01])$/.exec(lines[0] ?? "");
  if (!count || Number(count[1]) !== lines.length - 1) return undefined;
  const names = lines.slice(1).map((line) => (/^(?:[0-9a-f]{2})+$/.test(line) ? Buffer.from(line, "hex").toString("utf8") : ""));
  return names.every((name) => installed[name] !== undefined) ? { differing: new Set(names), unrecorded: count[2] === "1" } : undefined;
}

interface FreeSpace {
  blockSize: number;
  freeBlocks: number;
}

/** `<block size> <free blocks>`, or -1 where the port has no statvfs; undefined when garbled. */
function freeSpace(line: string): FreeSpace | "unknown" | undefined {
  if (line === "-1") return "unknown";
  const match = /^(\d+) (\d+)$/.exec(line);
  if (!match || Number(match[1]) === 0) return undefined;
  return { blockSize: Number(match[1]), freeBlocks: Number(match[2]) };
}

/** `<sha256> <hex>` or `-` as the board printed it; undefined when the two disagree (garbled on the way). */
function storedRecord(line: string): Buffer | "absent" | undefined {
  if (line === "-") return "absent";
  const match = /^([0-9a-f]{64}) ((?:[0-9a-f]{2})*)$/.exec(line);
  if (!match) return undefined;
  const bytes = Buffer.from(match[2]!, "hex");
  return sha256Hex(bytes) === match[1] ? bytes : undefined;
}

/** Every file tsmp installed, with the hashes it may have: by the manifest and by a commit cut short. */
function ownedFiles(state: BoardState): Map<string, Set<string>> {
  const owned = new Map<string, Set<string>>();
  for (const record of [state.manifest, state.journal]) {
    for (const [path, hash] of Object.entries(record ?? {})) owned.set(path, (owned.get(path) ?? new Set()).add(hash));
  }
  return owned;
}

/**
 * The commit: the copies to rename into place, the files to remove, and the manifest as a change
 * to the one the board holds (the whole manifest when tsmp cannot trust that one).
 */
function commitPlan(
  state: BoardState,
  manifest: InstalledFiles,
  changed: DeployFile[],
  removals: string[],
  onBoard: Map<string, string | undefined>,
): CommitPlan {
  const base = state.manifest ?? {};
  const set = Object.fromEntries(Object.entries(manifest).filter(([path, hash]) => base[path] !== hash));
  const files: InstalledFiles = { ...set };
  for (const file of changed) files[file.path] = manifest[file.path]!;
  for (const path of removals) files[path] = onBoard.get(path)!;
  return {
    put: changed.map((file) => file.path),
    rm: removals,
    boot: manifest["boot.py"] !== undefined,
    files,
    base: state.manifest ? state.manifestSha256! : "",
    set,
    drop: Object.keys(base).filter((path) => manifest[path] === undefined),
  };
}

/** Files tsmp installed that the build dropped: removed only while still as tsmp wrote them. */
function chooseRemovals(
  dropped: string[],
  onBoard: Map<string, string | undefined>,
  owned: Map<string, Set<string>>,
  built: Map<string, string>,
  log: (line: string) => void,
): string[] {
  const removals: string[] = [];
  for (const path of dropped) {
    const hash = onBoard.get(path);
    if (hash === undefined) continue;
    if (BOOT_FILES.has(path) && !built.has(path)) {
      log(`Kept ${path}: this build has no ${path} to replace it`);
    } else if (owned.get(path)!.has(hash)) {
      removals.push(path);
    } else {
      log(`Left alone: ${path} (changed on the board since tsmp installed it)`);
    }
  }
  return removals;
}

/** Blocks a file of `size` bytes takes, with its entry: more than any common port needs. */
function blocksFor(size: number, blockSize: number): number {
  return Math.ceil(size / blockSize) + 1;
}

/** Blocks the new copies take, plus the journal and the manifest. */
function blocksNeeded(space: FreeSpace, changed: DeployFile[]): number {
  return changed.reduce((sum, file) => sum + blocksFor(file.data.length, space.blockSize), 2);
}

/** Whether the new copies fit while the old ones stay. */
function fitsBesideOldCopies(space: FreeSpace, changed: DeployFile[]): boolean {
  return blocksNeeded(space, changed) <= space.freeBlocks;
}

/**
 * A board too full to hold old and new copies side by side: if removing the old copies of the
 * files this build replaces or drops makes room, they go first (and the board runs no program
 * until the commit); otherwise nothing is touched and the message says how much is missing.
 */
async function makeRoom(
  fs: BoardFs,
  space: FreeSpace,
  changed: DeployFile[],
  plan: CommitPlan,
  log: (line: string) => void,
): Promise<void> {
  const going = [...plan.put, ...plan.rm];
  const sizes = (await fs.call(`_tsmp_sizes(${going.map(pythonString).join(",")})`, going[0]!))
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map(Number);
  if (sizes.length !== going.length || sizes.some((size) => !Number.isInteger(size))) {
    throw new ProtocolError("the board's answer about its file sizes arrived garbled");
  }
  const freed = sizes.reduce((sum, size) => sum + (size < 0 ? 0 : blocksFor(size, space.blockSize)), 0);
  const needed = blocksNeeded(space, changed);
  const kb = (blocks: number) => formatBytes(blocks * space.blockSize);
  if (needed > space.freeBlocks + freed) {
    throw new BoardFsError(
      `the board is too full for this build: it needs ${kb(needed)}, the board has ${kb(space.freeBlocks)} free and ` +
        `${kb(freed)} more in the files it replaces; make room (tsmp fs rm …) and flash again — nothing was changed`,
    );
  }
  log(
    `The board has ${kb(space.freeBlocks)} free, too little to keep the old program until the new one is complete: ` +
      "replacing its files in place (the board runs no program until this flash ends; if it is cut short, flash again)",
  );
  const sealed = sealCommit(plan);
  await fs.call(`_tsmp_make_room(${planExpression(fs, sealed.bytes)},'${sealed.sha256}')`, JOURNAL_PATH);
}

async function stopIfAsked(fs: BoardFs, signal: AbortSignal | undefined, unfinished: boolean): Promise<void> {
  if (!signal?.aborted) return;
  await fs.call('_tsmp_tidy("")', TEMP_SUFFIX);
  if (unfinished) {
    throw new DeployInterrupted(
      "stopped before installing anything: the board holds an update that is not complete and runs no program; run tsmp flash to finish it",
    );
  }
  throw new DeployInterrupted("stopped before installing anything: the board keeps its previous program, complete");
}

/**
 * Sends the files as one deflate stream (stream-upload.ts) when the board can inflate and they
 * are more than one exec's worth, and returns those it could not confirm, for the per-file
 * upload: all of them when no stream is used, the rest of them when a piece arrived garbled.
 */
async function uploadStreamed(
  fs: BoardFs,
  files: DeployFile[],
  options: { progress?: UploadProgress; signal?: AbortSignal; log: (line: string) => void },
): Promise<DeployFile[]> {
  const windowBits = fs.streamWindowBits;
  if (windowBits === undefined || files.reduce((sum, file) => sum + file.data.length, 0) <= WRITE_CHUNK || options.signal?.aborted) {
    return files;
  }
  const confirmed = await uploadStream(fs, files, windowBits, options);
  const rest = files.filter((file) => !confirmed.has(file.path));
  if (rest.length > 0 && !options.signal?.aborted) {
    options.log(`Retrying ${rest.length} of ${files.length} files one at a time (the compressed stream arrived corrupted)`);
  }
  return rest;
}

/** Small files travel several to an exec (at most WRITE_CHUNK bytes of them); a bigger one goes alone. */
function uploadBatches(files: DeployFile[]): DeployFile[][] {
  const batches: DeployFile[][] = [];
  let batch: DeployFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length > 0 && bytes + file.data.length > WRITE_CHUNK) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += file.data.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Sends a batch of small files in one exec; each that did not arrive intact (or the whole batch,
 * when a garbled piece made the board's decoding fail) is sent again on its own, as the retries
 * of uploadVerified.
 */
async function uploadBatchVerified(
  fs: BoardFs,
  batch: DeployFile[],
  progress: UploadProgress | undefined,
  log: (line: string) => void,
): Promise<void> {
  for (const file of batch) progress?.advance(file.path, 0);
  let hashes: (string | undefined)[] = batch.map(() => undefined);
  try {
    hashes = await fs.writeSmallFiles(batch.map((file) => ({ path: file.path + TEMP_SUFFIX, data: file.data })));
  } catch (error) {
    if (!isGarbledPiece(error)) throw error;
  }
  for (const [i, file] of batch.entries()) {
    if (hashes[i] === sha256Hex(file.data)) {
      progress?.advance(file.path, file.data.length);
      continue;
    }
    log(`Retrying ${file.path} (sha256 mismatch)`);
    await uploadVerified(fs, file, progress, log, 1);
  }
}

/** A garbled compressed piece makes the board's inflate or base64 decoding fail: it is sent again. */
function isGarbledPiece(error: unknown): boolean {
  return error instanceof BoardFsError && /EINVAL|padding|ValueError|zlib|deflate/i.test(error.message);
}

async function uploadVerified(
  fs: BoardFs,
  file: DeployFile,
  progress: UploadProgress | undefined,
  log: (line: string) => void,
  firstAttempt = 0,
): Promise<void> {
  const expected = sha256Hex(file.data);
  for (let attempt = firstAttempt; attempt <= UPLOAD_RETRIES; attempt++) {
    let reported = 0;
    let boardHash: string | undefined;
    // The bar names the file being sent now, before its first piece arrives.
    progress?.advance(file.path, 0);
    try {
      boardHash = await fs.writeFile(file.path + TEMP_SUFFIX, file.data, {
        onProgress: (sent) => {
          progress?.advance(file.path, sent - reported);
          reported = sent;
        },
      });
    } catch (error) {
      if (!isGarbledPiece(error)) throw error;
    }
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

/**
 * Runs the commit and checks its effect: the board reports a digest of the sha256 of every file
 * it installed and of whether each removed file is gone, then the sha256 of the manifest it wrote
 * (`-` if none); when the digest is not the build's, the files are asked about one by one.
 * A refused, failed or unconfirmed commit runs once more (it only renames copies still waiting);
 * then the files that are wrong are named. Returns the manifest's sha256 as the board reported it.
 */
async function commitVerified(fs: BoardFs, plan: CommitPlan, built: Map<string, string>, log: (line: string) => void): Promise<string> {
  const sealed = sealCommit(plan);
  const code = `_tsmp_commit(${planExpression(fs, sealed.bytes)},'${sealed.sha256}')`;
  let problem = "";
  for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
    if (attempt > 1) log(`Retrying the commit (${problem})`);
    let answer: string;
    try {
      answer = await fs.call(code, plan.put.join(", ") || JOURNAL_PATH);
    } catch (error) {
      if (!(error instanceof BoardFsError)) throw error;
      problem = error.message;
      continue;
    }
    const report = commitReport(answer);
    if (report === undefined) {
      problem = "the board's report arrived garbled";
      continue;
    }
    // A digest garbled on the way is told from a wrong file by asking about each.
    const wrong = report.digest === commitDigest(plan, built) ? [] : await notAsBuilt(fs, plan, built);
    if (wrong.length === 0) return report.manifest;
    problem = `not as built: ${wrong.join(", ")}`;
  }
  throw new DeployNotConfirmed(
    `the board does not hold the build after installing it (${problem}); run tsmp flash again, it repairs what is wrong`,
  );
}

/** The commit's digest and the manifest's hash as the board reported them, or undefined when garbled. */
function commitReport(answer: string): { digest: string; manifest: string } | undefined {
  const lines = answer.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines.length !== 2 || !/^[0-9a-f]{64}$/.test(lines[0]!) || !/^([0-9a-f]{64}|-)$/.test(lines[1]!)) return undefined;
  return { digest: lines[0]!, manifest: lines[1]! };
}

/** The digest `_tsmp_commit` prints when the board holds every file as built and none it removed. */
function commitDigest(plan: CommitPlan, built: Map<string, string>): string {
  return sha256Hex(Buffer.from([...plan.put.map((path) => `${built.get(path)}\n`), ...plan.rm.map(() => "0\n")].join(""), "utf8"));
}

/** The files the commit touched that the board does not hold as it meant to, asked one by one. */
async function notAsBuilt(fs: BoardFs, plan: CommitPlan, built: Map<string, string>): Promise<string[]> {
  const hashes = await fs.sha256([...plan.put, ...plan.rm]);
  return [
    ...plan.put.filter((path, i) => hashes[i] !== built.get(path)),
    ...plan.rm.filter((_, i) => hashes[plan.put.length + i] !== undefined).map((path) => `${path} (still there)`),
  ];
}

/** Below this a plan (one changed file's: about 500 bytes) would gain a few bytes from deflate: it goes as it is. */
const PACKED_PLAN_BYTES = 2048;

/**
 * A commit plan or manifest for the board: deflated when it is long. A fresh board's plan lists
 * every file's sha256 twice in hex (5.6 KB for 31 files, half a second at 115200 baud); deflated
 * and in base64 it is about 3.5 KB. A garbled copy fails to inflate or to match its sha256 on
 * the board, which refuses it, as it refuses a garbled plain one.
 */
function planExpression(fs: BoardFs, bytes: Uint8Array): string {
  return bytes.length < PACKED_PLAN_BYTES ? pythonBytes(bytes) : fs.bytesExpression(bytes);
}

/** Writes the manifest last, once the board holds the build; checks what the board stored. */
async function recordManifest(fs: BoardFs, files: InstalledFiles): Promise<void> {
  const sealed = sealManifest(files);
  const code = `_tsmp_record(${planExpression(fs, sealed.bytes)},'${sealed.sha256}')`;
  for (let attempt = 1; ; attempt++) {
    const answer = await fs.call(code, MANIFEST_PATH).catch((error: unknown) => {
      if (error instanceof BoardFsError && attempt < COMMIT_ATTEMPTS) return "";
      throw error;
    });
    if (answer.trim() === sealed.sha256) return rememberManifest(sealed.bytes);
    if (attempt >= COMMIT_ATTEMPTS) {
      throw new DeployNotConfirmed(
        `the board holds the build, but its record ${MANIFEST_PATH} could not be confirmed; run tsmp flash again`,
      );
    }
  }
}
