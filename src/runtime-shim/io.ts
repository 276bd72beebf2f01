/**
 * `tsmp/io` ⇔ MicroPython's `io`: `open()` for files on the board's file system (on Node, the
 * simulated board's, shared with `tsmp/os`). Text modes read and write strings, binary modes
 * (`"rb"`, `"wb"`, `"ab"`) `Uint8Array`. Close a file when done: writes reach the file system
 * when it is closed or flushed.
 * https://docs.micropython.org/en/latest/library/io.html
 */
import { boardFiles, ENOENT, osError, type BoardFiles } from "./board-files.js";
import { ValueError } from "./exceptions.js";

type TextMode = "r" | "w" | "a" | "r+" | "w+" | "a+" | "rt" | "wt" | "at";
type BinaryMode = "rb" | "wb" | "ab" | "r+b" | "w+b" | "a+b";

/** What both kinds of file share: the contents as bytes, a position, and where they are saved. */
abstract class BoardFile {
  protected data: Uint8Array;
  protected position = 0;
  private closed = false;

  constructor(
    private readonly files: BoardFiles,
    private readonly path: string,
    mode: string,
  ) {
    if (mode.startsWith("r")) this.data = files.readFile(path);
    else if (mode.startsWith("a") && files.entries.has(path)) this.data = files.readFile(path);
    else {
      if (!files.isFolder(files.parentOf(path))) throw osError(ENOENT);
      this.data = new Uint8Array();
    }
    if (mode.startsWith("a")) this.position = this.data.length;
    if (!mode.startsWith("r")) files.writeFile(path, this.data);
  }

  protected checkOpen(): void {
    if (this.closed) throw new ValueError("I/O operation on closed file");
  }

  protected readBytes(size = -1): Uint8Array {
    this.checkOpen();
    const end = size < 0 ? this.data.length : Math.min(this.data.length, this.position + size);
    const bytes = this.data.slice(this.position, end);
    this.position = end;
    return bytes;
  }

  protected readLineBytes(): Uint8Array {
    this.checkOpen();
    const newline = this.data.indexOf(10, this.position);
    return this.readBytes(newline < 0 ? -1 : newline + 1 - this.position);
  }

  protected writeBytes(bytes: Uint8Array): number {
    this.checkOpen();
    const end = this.position + bytes.length;
    const grown = new Uint8Array(Math.max(end, this.data.length));
    grown.set(this.data);
    grown.set(bytes, this.position);
    this.data = grown;
    this.position = end;
    return bytes.length;
  }

  /** Moves to byte `offset` from the start (`whence` 0), the current position (1) or the end (2). */
  seek(offset: number, whence = 0): number {
    this.checkOpen();
    this.position = Math.max(0, (whence === 1 ? this.position : whence === 2 ? this.data.length : 0) + offset);
    return this.position;
  }

  tell(): number {
    return this.position;
  }

  flush(): void {
    this.checkOpen();
    this.files.writeFile(this.path, this.data);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }
}

/** A file opened in a text mode: strings in, strings out (UTF-8 on the board). */
export class TextIOWrapper extends BoardFile {
  /** Reads `size` bytes' worth of text, or everything left. */
  read(size?: number): string {
    return new TextDecoder().decode(this.readBytes(size));
  }

  /** Reads up to and including the next newline; "" at the end. */
  readline(): string {
    return new TextDecoder().decode(this.readLineBytes());
  }

  /** Every line left, each with its newline. */
  readlines(): string[] {
    const lines: string[] = [];
    for (let line = this.readline(); line !== ""; line = this.readline()) lines.push(line);
    return lines;
  }

  /** Writes text; returns the number of bytes written. */
  write(text: string): number {
    return this.writeBytes(new TextEncoder().encode(text));
  }
}

/** A file opened in a binary mode: bytes in, bytes out. */
export class FileIO extends BoardFile {
  read(size?: number): Uint8Array {
    return this.readBytes(size);
  }

  readline(): Uint8Array {
    return this.readLineBytes();
  }

  write(data: Uint8Array): number {
    return this.writeBytes(data);
  }
}

/** Opens file `name` on the board's file system (default mode "r": read text). */
export function open(name: string, mode?: TextMode): TextIOWrapper;
export function open(name: string, mode: BinaryMode): FileIO;
export function open(name: string, mode: TextMode | BinaryMode = "r"): TextIOWrapper | FileIO {
  const files = boardFiles();
  const path = files.resolve(name);
  return mode.includes("b") ? new FileIO(files, path, mode) : new TextIOWrapper(files, path, mode);
}
