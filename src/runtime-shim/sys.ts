/**
 * `tsmp/sys` ⇔ MicroPython's `sys`. On Node it describes the simulated board the MicroPython VM
 * behind `--target micropython` is (MicroPython 1.27 for WebAssembly), so a program prints the
 * same on both; a real board reports its own port (`sys.platform` is `"esp32"`, `"rp2"` …).
 * Differences on Node: `modules` lists no modules (the program's own are JavaScript there),
 * `stdin` raises OSError (EIO) as on the host VM, whose runner gives a program no console input
 * (the VM reports Emscripten's number for it, 29), and
 * `print_exception` prints the exception's last line without the Python frames.
 * https://docs.micropython.org/en/latest/library/sys.html
 */
import { BaseException, OSError, SystemExit } from "./exceptions.js";
import { runtime } from "./runtime.js";

/** `sys.implementation`: `_mpy` holds the `.mpy` version (low byte) and native architecture. */
export interface Implementation {
  readonly name: string;
  /** (major, minor, micro, release level) */
  readonly version: readonly [number, number, number, string];
  readonly _machine: string;
  readonly _mpy: number;
}

/** A text stream of the board's console. */
export interface TextStream {
  /** Writes `text`; returns the number of characters written. */
  write(text: string): number;
  /** Reads up to `size` characters (all that come, without it). */
  read(size?: number): string;
  readline(): string;
}

export const argv: string[] = [];
export const platform = "webassembly";
export const version = "3.4.0; MicroPython v1.27.0 on 2025-12-10";
/** The Python language version MicroPython implements. */
export const version_info: readonly [number, number, number] = [3, 4, 0];
export const implementation: Implementation = { name: "micropython", version: [1, 27, 0, ""], _machine: "JS with Emscripten", _mpy: 774 };
export const byteorder = "little";
/** The largest small integer of a 32-bit port. */
export const maxsize = 2147483647;
/** Folders `import` searches, in order. */
export const path: string[] = ["", ".frozen", "/lib"];
/** Modules imported from files, by name. */
export const modules: Record<string, object> = {};

const EIO = 5;

function consoleStream(write: (text: string) => void): TextStream {
  const noInput = (): never => {
    throw new OSError(EIO);
  };
  return {
    write(text: string): number {
      write(text);
      return text.length;
    },
    read: noInput,
    readline: noInput,
  };
}

export const stdin: TextStream = consoleStream(() => undefined);
export const stdout: TextStream = consoleStream((text) => runtime().stdout(text));
export const stderr: TextStream = consoleStream((text) => runtime().stderr(text));

/** Ends the program: an int is its exit code, None or nothing 0, anything else is printed. */
export function exit(retval?: number | string | null): never {
  throw retval === undefined ? new SystemExit() : new SystemExit(retval);
}

/** The line MicroPython ends a traceback with: `ValueError: bad` (a JS `Error` is Python's `Exception`). */
function lastLine(exc: unknown): string {
  if (exc instanceof BaseException) return exc.toString();
  if (exc instanceof Error) {
    const name = exc.name === "Error" ? "Exception" : exc.name;
    return exc.message === "" ? name : `${name}: ${exc.message}`;
  }
  return String(exc);
}

/** Prints `exc` as a traceback to `file` (the console by default). */
export function print_exception(exc: unknown, file: { write(text: string): unknown } = stdout): void {
  file.write(`Traceback (most recent call last):\n${lastLine(exc)}\n`);
}
