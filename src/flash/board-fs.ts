import { createHash } from "node:crypto";
import { posix } from "node:path";
import { deflateRawSync } from "node:zlib";
import { TsmpError } from "../errors.js";
import { BoardHelpers } from "./board-helpers.js";
import { needsBase64, pythonBytes, pythonString, pythonWritable, shortest } from "./python-literal.js";
import { BoardExecError, ProtocolError, type RawRepl } from "./raw-repl.js";

/** A filesystem operation failed on the board (missing file, not empty, disk full …). */
export class BoardFsError extends TsmpError {}

export interface BoardEntry {
  name: string;
  isDir: boolean;
  size: number;
}

export interface WriteOptions {
  /** Called after each piece reaches the board with the bytes of this file sent so far. */
  onProgress?: (sentBytes: number) => void;
}

/** Data bytes per exec: small enough for the heap of an ESP8266 while it compiles the literal. */
export const WRITE_CHUNK = 4096;
/** File bytes per exec when reading: 48 KiB of base64 answer, well inside a small board's heap. */
const READ_CHUNK = 36 * 1024;
/** The window `_tsmp_inflate` gives deflate.DeflateIO on the board unless told another (1 KiB). */
const INFLATE_WINDOW_BITS = 10;
/** A commit plan lists each file's hash twice, a few KB apart: a 4 KiB window finds the second copy. */
const PLAN_WINDOW_BITS = 12;

/**
 * The deflate window an upload stream may use on a board with this much free heap: the
 * decoder holds the window, the exec's source and the piece. Below the smallest, no stream.
 */
const STREAM_WINDOWS: { minFree: number; bits: number }[] = [
  { minFree: 160 * 1024, bits: 15 },
  { minFree: 64 * 1024, bits: 13 },
  { minFree: 24 * 1024, bits: 11 },
];

/**
 * The most a filesystem command's answer may hold (a long listing is a few KiB): a board that
 * keeps printing instead of answering is given up on within seconds, not minutes.
 */
const ANSWER_BYTES = 256 * 1024;

const errnoNames: Record<string, string> = {
  "2": "no such file or directory",
  ENOENT: "no such file or directory",
  "17": "already exists",
  EEXIST: "already exists",
  "20": "not a directory",
  ENOTDIR: "not a directory",
  "21": "is a directory",
  EISDIR: "is a directory",
  "28": "the board's filesystem is full",
  ENOSPC: "the board's filesystem is full",
  "22": "invalid argument",
  EINVAL: "invalid argument",
  "36": "the name is too long",
  ENAMETOOLONG: "the name is too long",
  "39": "directory not empty",
  ENOTEMPTY: "directory not empty",
  "30": "read-only filesystem",
  EROFS: "read-only filesystem",
};

/**
 * The board's filesystem, operated through the raw REPL (like mpremote's transport.py).
 * Paths are always passed as bytes literals, never spliced into code as text.
 */
export class BoardFs {
  private helpersLoadedAt: number | undefined;
  /** Helper functions already defined on the board in this session. */
  private readonly loaded = new Set<string>();
  /** Whether the board can inflate deflate-compressed uploads (learnt when the helpers load). */
  private canInflate = false;
  /** The board's free heap after a collection, as the preamble reported it (0 if unknown). */
  private memFree = 0;

  constructor(
    readonly repl: RawRepl,
    /** `compress: false` sends file data uncompressed even to a board that could inflate it (benchmarks compare both). */
    private readonly options: { compress?: boolean } = {},
  ) {}

  async ls(path = ""): Promise<BoardEntry[]> {
    return parseListing(await this.call(`_tsmp_ls(${pythonString(path)})`, path));
  }

  /** undefined when nothing exists at `path`. */
  async stat(path: string): Promise<{ isDir: boolean; size: number } | undefined> {
    const answer = (await this.call(`_tsmp_stat(${pythonString(path)})`, path)).trim();
    if (answer === "-") return undefined;
    const match = /^([df]) (\d+)$/.exec(answer);
    if (!match) throw garbled("stat", answer);
    return { isDir: match[1] === "d", size: Number(match[2]) };
  }

  async mkdir(path: string): Promise<void> {
    await this.call(`_tsmp_mkdirs(${pythonString(path)})`, path);
  }

  async remove(path: string, options: { recursive?: boolean } = {}): Promise<void> {
    await this.call(`_tsmp_rm(${pythonString(path)},${options.recursive ? "True" : "False"})`, path);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.call(`os.rename(${pythonString(from)},${pythonString(to)})`, from);
  }

  /**
   * Reads a file in pieces of READ_CHUNK bytes, one exec each, so neither the board's heap nor
   * the answer's bound grows with the file (mpremote reads in pieces too).
   */
  async readFile(path: string, options: { onProgress?: (receivedBytes: number) => void } = {}): Promise<Buffer> {
    const stat = await this.stat(path);
    if (!stat) throw new BoardFsError(`${path}: no such file or directory`);
    if (stat.isDir) throw new BoardFsError(`${path}: is a directory`);
    const pieces: Buffer[] = [];
    let received = 0;
    for (;;) {
      // base64 of READ_CHUNK bytes, plus room for whatever else a line of output could hold.
      const base64 = await this.call(`_tsmp_cat(${pythonString(path)},${received},${READ_CHUNK})`, path, {
        maxOutputBytes: (READ_CHUNK / 3) * 4 + 1024,
      });
      const piece = decodeBase64Strictly(base64);
      if (piece.length > READ_CHUNK) throw garbled("file contents", base64);
      pieces.push(piece);
      received += piece.length;
      options.onProgress?.(received);
      // A short piece is the end of the file (which may have changed size since the stat).
      if (piece.length < READ_CHUNK) return Buffer.concat(pieces);
    }
  }

  /** sha256 (hex) of each path on the board, or undefined where no file exists. */
  async sha256(paths: string[]): Promise<(string | undefined)[]> {
    if (paths.length === 0) return [];
    const out = await this.call(`_tsmp_sha256s(${paths.map(pythonString).join(",")})`, paths[0]!);
    const hashes = out.split(/\r?\n/).filter((line) => line.length > 0);
    // A hash garbled on the way must not pass for a real one (or for a missing file).
    if (hashes.length !== paths.length || !hashes.every((line) => /^([0-9a-f]{64}|-)$/.test(line))) {
      throw garbled("sha256 report", out);
    }
    return hashes.map((hash) => (hash === "-" ? undefined : hash));
  }

  /**
   * Writes a file in pieces, creating parent folders, and returns the sha256 the board
   * computed of what it stored, so callers can verify before trusting it.
   */
  async writeFile(path: string, data: Uint8Array, options: WriteOptions = {}): Promise<string> {
    await this.loadPreamble();
    const folder = posix.dirname(path);
    const name = pythonString(path);
    const pieces = splitAtCharBoundaries(data, WRITE_CHUNK);
    let code = `${folder === "." || folder === "/" ? "" : `_tsmp_mkdirs(${pythonString(folder)})\n`}_tsmp_f=open(${name},'wb')\n`;
    const finish = `_tsmp_f.close()\nprint(_tsmp_sha256(${name}))`;
    if (pieces.length === 0) return (await this.call(code + finish, path)).trim();
    let sent = 0;
    let boardHash = "";
    for (const [index, piece] of pieces.entries()) {
      const expression = this.writableExpression(piece);
      code += `${needsBase64(expression) ? "from binascii import a2b_base64\n" : ""}_tsmp_f.write(${expression})\n`;
      const last = index === pieces.length - 1;
      const out = await this.call(last ? code + finish : code, path);
      sent += piece.length;
      options.onProgress?.(sent);
      if (last) boardHash = out.trim();
      code = "";
    }
    return boardHash;
  }

  /**
   * Writes small files (together at most WRITE_CHUNK bytes) in one exec and returns the sha256 the
   * board computed of each, or undefined for each when the answer arrived garbled: a project's
   * modules are mostly a kilobyte or two, and one exec each spent more time on round trips than
   * on their bytes.
   */
  async writeSmallFiles(files: { path: string; data: Uint8Array }[]): Promise<(string | undefined)[]> {
    await this.loadPreamble();
    const code = files
      .map((file) => {
        const folder = posix.dirname(file.path);
        const name = pythonString(file.path);
        const expression = this.writableExpression(file.data);
        return (
          `${folder === "." || folder === "/" ? "" : `_tsmp_mkdirs(${pythonString(folder)})\n`}` +
          `${needsBase64(expression) ? "from binascii import a2b_base64\n" : ""}` +
          `_tsmp_f=open(${name},'wb')\n_tsmp_f.write(${expression})\n_tsmp_f.close()\nprint(_tsmp_sha256(${name}))`
        );
      })
      .join("\n");
    const hashes = (await this.call(code, files[0]!.path)).split(/\r?\n/).filter((line) => line.length > 0);
    return hashes.length === files.length ? hashes : files.map(() => undefined);
  }

  /** The fewest bytes on the wire that make the board write `piece`: compressed if that is shorter. */
  private writableExpression(piece: Uint8Array): string {
    return this.inflatedOr(pythonWritable(piece), piece);
  }

  /**
   * A bytes expression for data board-side code takes (a commit plan, a manifest), deflated when
   * the board can inflate and that is shorter. Whether it can is known from this connection's
   * first call on.
   */
  bytesExpression(data: Uint8Array): string {
    return this.inflatedOr(pythonBytes(data), data);
  }

  private inflatedOr(plain: string, data: Uint8Array): string {
    if (!this.canInflate || this.options.compress === false) return plain;
    return shortest([plain, this.inflated(data)]);
  }

  /** `_tsmp_inflate(…)` of `data`, with a window as large as the board's heap allows up to PLAN_WINDOW_BITS. */
  private inflated(data: Uint8Array): string {
    const bits = Math.min(PLAN_WINDOW_BITS, this.streamWindowBits ?? INFLATE_WINDOW_BITS);
    const packed = deflateRawSync(data, { windowBits: bits, level: 9 }).toString("base64");
    return `_tsmp_inflate(b'${packed}'${bits === INFLATE_WINDOW_BITS ? "" : `,${bits}`})`;
  }

  /**
   * The deflate window (bits) for one stream carrying a whole upload (stream-upload.ts), or
   * undefined when the board cannot take one: no deflate module, too little heap, or
   * compression turned off. Known from this connection's first call on.
   */
  get streamWindowBits(): number | undefined {
    if (!this.canInflate || this.options.compress === false) return undefined;
    return STREAM_WINDOWS.find((window) => this.memFree >= window.minFree)?.bits;
  }

  /**
   * Runs board-side code, sending first (in the same exec) any helper definitions it needs that
   * this connection has not sent yet; board OSErrors become BoardFsError.
   */
  async call(code: string, path: string, options: { maxOutputBytes?: number } = {}): Promise<string> {
    // The first command of a session brings the preamble along, and its answer starts with the probe's line.
    const first = this.helpersLoadedAt !== this.repl.resetCount;
    if (first) this.loaded.clear();
    const missing = helpers().missingFor(code, this.loaded);
    const definitions = first ? missing.code : this.packed(missing.code);
    const parts = [first ? PREAMBLE_PROBE() : "", definitions, code].filter((part) => part.length > 0);
    try {
      let out = await this.repl.execOrThrow(parts.join("\n"), { maxOutputBytes: options.maxOutputBytes ?? ANSWER_BYTES });
      if (first) out = this.probed(out);
      for (const name of missing.names) this.loaded.add(name);
      return out;
    } catch (error) {
      if (error instanceof BoardExecError) throw toFsError(error, path);
      throw error;
    }
  }

  /** Imports, and whether the board can inflate compressed uploads; again after each soft reset. */
  private async loadPreamble(): Promise<void> {
    if (this.helpersLoadedAt === this.repl.resetCount) return;
    this.loaded.clear();
    this.probed(await this.repl.execOrThrow(PREAMBLE_PROBE()));
  }

  /**
   * Reads the preamble probe's line off the front of an answer; returns the rest. A line garbled
   * on the way only costs compression, as if the board had no deflate; the rest is the caller's to check.
   */
  private probed(out: string): string {
    const end = out.indexOf("\n");
    const probe = /^(True|False) (\d+)$/.exec(out.slice(0, end < 0 ? undefined : end).trim());
    this.canInflate = probe?.[1] === "True";
    this.memFree = Number(probe?.[2] ?? 0);
    this.helpersLoadedAt = this.repl.resetCount;
    return end < 0 ? "" : out.slice(end + 1);
  }

  /**
   * Helper definitions deflated when the board can inflate them and that is shorter: the commit's
   * helpers are 3 KB of Python, a quarter of a second at 115200 baud and two dozen flow-control
   * windows at any rate.
   */
  private packed(definitions: string): string {
    if (!definitions || !this.canInflate || this.options.compress === false) return definitions;
    return shortest([definitions, `exec(${this.inflated(Buffer.from(definitions, "utf8"))})`]);
  }
}

/** The helpers' imports and probes, then whether the board can inflate and its free heap (the answer's first line). */
const PREAMBLE_PROBE = () => `${helpers().preamble}\nimport gc\ngc.collect()\nprint("_tsmp_inflate" in globals(),gc.mem_free())`;

let fsHelpers: BoardHelpers | undefined;
function helpers(): BoardHelpers {
  fsHelpers ??= BoardHelpers.load("src/flash/board/fs_helpers.py", "src/flash/board/deploy_helpers.py");
  return fsHelpers;
}

/** `_tsmp_ls`'s lines (`d|f <size> <hex name>`); anything else was garbled on the way. */
export function parseListing(out: string): BoardEntry[] {
  return out
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^([df]) (\d+) ((?:[0-9a-f]{2})+)$/.exec(line);
      if (!match) throw garbled("listing", line);
      return { name: Buffer.from(match[3]!, "hex").toString("utf8"), isDir: match[1] === "d", size: Number(match[2]) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function garbled(what: string, answer: string): ProtocolError {
  return new ProtocolError(`the board's ${what} arrived garbled (${JSON.stringify(answer.slice(0, 60))})`);
}

/** base64 as the board prints it (lines of it); anything else was garbled on the way. */
function decodeBase64Strictly(text: string): Buffer {
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw garbled("file contents", text);
  return Buffer.from(compact, "base64");
}

export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function toFsError(error: BoardExecError, path: string): TsmpError {
  // Prefer the errno name: numbers differ between ports, and some ports print only the number.
  const match = /OSError: (?:\[Errno (\d+)\] )?(\w+)/.exec(error.stderr);
  const reason = match ? (errnoNames[match[2] ?? ""] ?? errnoNames[match[1] ?? ""]) : undefined;
  if (reason) return new BoardFsError(`${path || "/"}: ${reason}`);
  return new BoardFsError(`the board failed on ${path || "/"}: ${error.message}`);
}

/** Splits data into pieces of at most `size` bytes without cutting a UTF-8 character in two. */
function splitAtCharBoundaries(data: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  while (start < data.length) {
    let end = Math.min(start + size, data.length);
    for (let back = 0; back < 3 && end < data.length && end > start + 1 && (data[end]! & 0xc0) === 0x80; back++) end--;
    pieces.push(data.subarray(start, end));
    start = end;
  }
  return pieces;
}
