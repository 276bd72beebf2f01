import { createHash } from "node:crypto";
import { constants, deflateRawSync } from "node:zlib";
import { BoardFsError, type BoardFs } from "./board-fs.js";
import type { UploadProgress } from "./progress.js";

/** A file for the board, at a path relative to its working folder (as deploy.ts's DeployFile). */
interface StreamFile {
  path: string;
  data: Uint8Array;
}

/** Compressed bytes a slice aims at: about what a file piece of the per-file upload carries (WRITE_CHUNK). */
const PIECE_BYTES = 3072;
/** Input bytes of the first slice, before the stream's ratio is known. */
const FIRST_SLICE = 4096;
/**
 * A piece larger than this is cut again, from less input: the board holds it whole, and its
 * base64 in the exec's source. Half of it on a board whose heap allows only a small window.
 */
const MAX_PIECE_BYTES = 4608;
/** Input bytes of a slice at most, however well the stream compresses. */
const MAX_SLICE = 256 * 1024;

/** One exec of a stream upload: compressed bytes, and how many stream bytes they let the board decode. */
export interface StreamPiece {
  compressed: Buffer;
  decodes: number;
}

/**
 * One raw-deflate stream of a JSON table of the files (path, size) followed by their bytes, cut
 * into pieces of about PIECE_BYTES that each end at a sync flush: a piece's bytes decode
 * completely once it has arrived, with the history of every piece before it. Each slice is
 * compressed with the previous window of input as its dictionary, which is exactly the history
 * the board's decoder holds, so cutting costs only the flush markers. The slice's input grows
 * with how well the stream compresses, up to MAX_SLICE.
 */
export function streamPieces(files: readonly StreamFile[], windowBits: number): StreamPiece[] {
  const table = streamTable(files);
  const stream = Buffer.concat([table, ...files.map((file) => file.data)]);
  const maxPiece = windowBits >= 13 ? MAX_PIECE_BYTES : MAX_PIECE_BYTES / 2;
  const pieces: StreamPiece[] = [];
  let slice = FIRST_SLICE;
  for (let at = 0; at < stream.length;) {
    let input = stream.subarray(at, at + slice);
    let compressed = deflateSlice(stream, at, input, windowBits);
    while (compressed.length > maxPiece && input.length > 1024) {
      input = input.subarray(0, Math.floor(input.length / 2));
      compressed = deflateSlice(stream, at, input, windowBits);
    }
    // Slices that together still make a small piece travel in one exec: fewer round trips. The
    // first exec decodes the whole table, which the board reads in one go.
    const last = pieces.at(-1);
    if (last && (last.compressed.length + compressed.length <= maxPiece || (pieces.length === 1 && last.decodes < table.length))) {
      pieces[pieces.length - 1] = { compressed: Buffer.concat([last.compressed, compressed]), decodes: last.decodes + input.length };
    } else {
      pieces.push({ compressed, decodes: input.length });
    }
    at += input.length;
    slice = Math.max(1024, Math.min(MAX_SLICE, Math.floor((PIECE_BYTES * input.length) / compressed.length)));
  }
  return pieces;
}

/** `input` (which starts at `at` in `stream`) deflated after the window of stream before it, ending at a sync flush. */
function deflateSlice(stream: Buffer, at: number, input: Buffer, windowBits: number): Buffer {
  return deflateRawSync(input, {
    level: 9,
    memLevel: 9,
    windowBits,
    finishFlush: constants.Z_SYNC_FLUSH,
    ...(at > 0 ? { dictionary: stream.subarray(Math.max(0, at - 2 ** windowBits), at) } : {}),
  });
}

/** What the stream starts with: `[[path, size], ...]` in JSON, read by the board before the files. */
function streamTable(files: readonly StreamFile[]): Buffer {
  return Buffer.from(JSON.stringify(files.map((file) => [file.path, file.data.length])), "utf8");
}

/**
 * Sends `files` to `<path>.tsmp-new` as one deflate stream, an exec per piece, and returns the
 * files whose content the board confirmed: each exec prints how many files it completed and
 * the sha256 of their sha256s, hashed on the board as they were written. At the first exec
 * that fails or reports otherwise, the stream stops: its history can no longer be trusted. The
 * files not confirmed are then the caller's to send another way (they may be half written).
 */
export async function uploadStream(
  fs: BoardFs,
  files: readonly StreamFile[],
  windowBits: number,
  options: { progress?: UploadProgress; signal?: AbortSignal } = {},
): Promise<Set<string>> {
  const confirmed = new Set<string>();
  const table = streamTable(files).length;
  const ends = fileEnds(files);
  let decoded = 0;
  let next = 0;
  // The bar follows the bytes decoded; what was counted of files left unconfirmed is taken back.
  let reported = 0;
  const report = (bytes: number) => {
    options.progress?.advance(files[Math.min(next, files.length - 1)]!.path, bytes - reported);
    reported = bytes;
  };
  for (const [index, piece] of streamPieces(files, windowBits).entries()) {
    if (options.signal?.aborted) break;
    const open = index === 0 ? `_tsmp_rx_open(${windowBits},${table})\n` : "";
    let answer: string;
    try {
      answer = await fs.call(`${open}_tsmp_rx(b'${piece.compressed.toString("base64")}',${piece.decodes})`, files[next]?.path ?? "");
    } catch (error) {
      // A garbled piece breaks the exec (syntax, base64, inflate): the rest goes another way.
      if (error instanceof BoardFsError) break;
      throw error;
    }
    const start = next;
    while (next < files.length && ends[next]! <= decoded + piece.decodes) next++;
    const completed = files.slice(start, next);
    if (answer.trim() !== `${completed.length} ${digestOfHashes(completed)}`) break;
    for (const file of completed) confirmed.add(file.path);
    decoded += piece.decodes;
    report(Math.max(0, Math.min(decoded, ends.at(-1)!) - table));
  }
  report(files.filter((file) => confirmed.has(file.path)).reduce((sum, file) => sum + file.data.length, 0));
  return confirmed;
}

/** Where each file's last byte ends in the stream (after the table). */
function fileEnds(files: readonly StreamFile[]): number[] {
  let at = streamTable(files).length;
  return files.map((file) => (at += file.data.length));
}

/** The sha256 of the files' sha256s in order, as `_tsmp_rx` prints it. */
export function digestOfHashes(files: readonly StreamFile[]): string {
  const digest = createHash("sha256");
  for (const file of files) digest.update(createHash("sha256").update(file.data).digest());
  return digest.digest("hex");
}
