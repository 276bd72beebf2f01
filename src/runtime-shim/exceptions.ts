/**
 * Python's exception hierarchy as the shim needs it.
 *
 * MicroPython's `except Exception` does not catch `CancelledError`, because it derives from
 * `BaseException`. The transpiler maps `catch (e) { if (e instanceof Error) … }` to
 * `except Exception`, so on Node `BaseException` is deliberately NOT a JS `Error`: the same
 * code lets a cancellation through on both sides.
 *
 * Every class recognises instances made by another copy of this module (tests can load the
 * shim from src/ and a program from dist/) by the class name registered under a global symbol.
 */
import { errorcode } from "./errno.js";

export const pythonClassName = Symbol.for("tsmp.pythonClassName");

function isPythonInstance(value: unknown, name: string): boolean {
  let proto: unknown = value !== null && typeof value === "object" ? Object.getPrototypeOf(value) : null;
  while (proto !== null && typeof proto === "object") {
    const ctor = (proto as { constructor?: { [pythonClassName]?: string } }).constructor;
    if (ctor !== undefined && Object.hasOwn(ctor, pythonClassName) && ctor[pythonClassName] === name) return true;
    proto = Object.getPrototypeOf(proto);
  }
  return false;
}

/** Python's root exception; not a JS `Error` (see above). */
export class BaseException {
  static readonly [pythonClassName]: string = "BaseException";
  readonly args: readonly unknown[];
  readonly name: string;
  readonly stack: string | undefined;

  constructor(...args: unknown[]) {
    this.args = args;
    this.name = new.target.name;
    this.stack = new Error().stack?.replace(/^Error/, this.name);
  }

  get message(): string {
    return this.args.length === 0 ? "" : String(this.args[0]);
  }

  toString(): string {
    return this.message === "" ? this.name : `${this.name}: ${this.message}`;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return isPythonInstance(value, this[pythonClassName]);
  }
}

/** asyncio.CancelledError: thrown into a task at its await point by `Task.cancel()`. */
export class CancelledError extends BaseException {
  static override readonly [pythonClassName]: string = "CancelledError";
}

/**
 * A JavaScript error class with Python's exception behaviour on top: `args`, the class's own
 * name, `str()` as Python prints it, and `instanceof` across copies of this module.
 */
function pythonExceptionOf(Base: ErrorConstructor) {
  return class extends Base {
    static readonly [pythonClassName]: string = "PythonError";
    readonly args: readonly unknown[];

    constructor(...args: unknown[]) {
      super(args.length === 0 ? "" : String(args[0]));
      this.args = args;
      this.name = new.target.name;
    }

    override toString(): string {
      return this.message === "" ? this.name : `${this.name}: ${this.message}`;
    }

    static override [Symbol.hasInstance](value: unknown): boolean {
      return isPythonInstance(value, this[pythonClassName]);
    }
  };
}

/** Base for the Python exceptions that are ordinary `Exception`s (JS `Error`s). */
export class PythonError extends pythonExceptionOf(Error) {}

/** asyncio.TimeoutError: raised by `wait_for` when the timeout elapses. */
export class TimeoutError extends PythonError {
  static override readonly [pythonClassName]: string = "TimeoutError";
}

/** Python's RuntimeError: asyncio misuse ("can't cancel self", "Lock not acquired", …). */
export class RuntimeError extends PythonError {
  static override readonly [pythonClassName]: string = "RuntimeError";
}

/** Python's EOFError: `Stream.readexactly` hit the end of the stream. */
export class EOFError extends PythonError {
  static override readonly [pythonClassName]: string = "EOFError";
}

/** Python's AssertionError: what MicroPython's asyncio raises when an internal assert fails. */
export class AssertionError extends PythonError {
  static override readonly [pythonClassName]: string = "AssertionError";
}

/**
 * Python's ValueError: an argument of the right type with a bad value. Also a JavaScript
 * RangeError, as on MicroPython, where `instanceof RangeError` takes every ValueError (tsmp's
 * RangeError is one).
 */
export class ValueError extends pythonExceptionOf(RangeError) {
  static override readonly [pythonClassName]: string = "ValueError";
}

/**
 * Python's OSError with MicroPython's errno: `[Errno 111] ECONNREFUSED` for the numbers the
 * `errno` module names, the bare number (`39`) for the others, as MicroPython prints them.
 */
export class OSError extends PythonError {
  static override readonly [pythonClassName]: string = "OSError";
  constructor(
    readonly errno: number,
    symbol: string | undefined = errorcode[errno],
  ) {
    super(symbol === undefined ? errno : `[Errno ${errno}] ${symbol}`);
  }
}

/** Either kind of Python exception a task can end with. */
export type PythonException = BaseException | Error;

/** Python's IndexError: a sequence index (or an empty sequence's choice) out of range. */
export class IndexError extends PythonError {
  static override readonly [pythonClassName]: string = "IndexError";
}

/** Python's SystemExit: `sys.exit()` ends the program with it; not an `Exception`, as in Python. */
export class SystemExit extends BaseException {
  static override readonly [pythonClassName]: string = "SystemExit";
}

/**
 * The exit code a SystemExit gives, as MicroPython's unix port exits: no argument or None is 0,
 * an int is the code, anything else is printed (`printed`) and gives 1.
 */
export function systemExitCode(exit: SystemExit): { code: number; printed?: string } {
  const [argument] = exit.args;
  if (argument === undefined || argument === null) return { code: 0 };
  if (typeof argument === "number" && Number.isInteger(argument)) return { code: argument & 0xff };
  return { code: 1, printed: String(argument) };
}
