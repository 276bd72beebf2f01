import { loadMicroPython, type MicroPythonModule } from "@micropython/micropython-webassembly-pyscript";
import { dirname } from "node:path/posix";

export interface MicroPythonVmOptions {
  /** Receives the program's stdout as text, as soon as the VM writes it. */
  stdout?: (text: string) => void;
  /** Receives what the VM writes to stderr (unhandled tracebacks go through exceptions, not here). */
  stderr?: (text: string) => void;
  /** GC heap in bytes; 1 MiB is roughly a large ESP32 board. */
  heapSize?: number;
}

/** A Python exception that escaped the code the VM was asked to run. */
export class MicroPythonError extends Error {
  constructor(
    readonly pythonType: string,
    /** The traceback exactly as MicroPython formats it. */
    readonly traceback: string,
  ) {
    super(traceback.trim().split("\n").at(-1) ?? pythonType);
    this.name = "MicroPythonError";
  }
}

interface PythonErrorShape {
  name: string;
  type: string;
  message: string;
}

function isPythonError(error: unknown): error is PythonErrorShape {
  return error instanceof Error && error.name === "PythonError" && typeof (error as Partial<PythonErrorShape>).type === "string";
}

/**
 * One MicroPython VM (the real one, compiled to WebAssembly).
 *
 * The package keeps its Emscripten module in `globalThis.Module` and its JS↔Python proxy
 * code reads that global, so when several VMs live in one process only the most recently
 * loaded one works. Every entry point here re-activates its own VM first.
 */
export class MicroPythonVm {
  private constructor(private readonly mp: MicroPythonModule) {}

  static async load(options: MicroPythonVmOptions = {}): Promise<MicroPythonVm> {
    const mp = await loadMicroPython({
      heapsize: options.heapSize ?? 1024 * 1024,
      linebuffer: false,
      stdout: byteStreamToText(options.stdout),
      stderr: byteStreamToText(options.stderr),
    });
    return new MicroPythonVm(mp);
  }

  /** Runs Python source synchronously (like pasting it at the REPL); throws MicroPythonError. */
  exec(code: string): void {
    this.activate();
    try {
      this.mp.runPython(code);
    } catch (error) {
      throw toMicroPythonError(error);
    }
  }

  /** Runs Python source that may use top-level `await`; resolves when it has finished. */
  async execAsync(code: string): Promise<void> {
    this.activate();
    try {
      await this.mp.runPythonAsync(code);
    } catch (error) {
      throw toMicroPythonError(error);
    }
  }

  /** Writes a file into the VM's filesystem, creating parent folders. */
  writeFile(path: string, content: string | Uint8Array): void {
    this.activate();
    const folder = dirname(path);
    if (folder !== "/" && folder !== ".") this.mp.FS.mkdirTree(folder);
    this.mp.FS.writeFile(path, content);
  }

  readFile(path: string): Uint8Array {
    this.activate();
    return this.mp.FS.readFile(path);
  }

  /** Makes a JS object importable from Python under `name`. */
  registerJsModule(name: string, module: object): void {
    this.activate();
    this.mp.registerJsModule(name, module);
  }

  /**
   * Makes Python raise KeyboardInterrupt at its next bytecode check, as Ctrl-C does on a board.
   * Python only gets to see it when it runs on after a call out to JavaScript (its output, a
   * registered module's function), since the VM holds the thread meanwhile.
   */
  scheduleKeyboardInterrupt(): void {
    this.activate();
    (this.mp._module as { _mp_sched_keyboard_interrupt(): void })._mp_sched_keyboard_interrupt();
  }

  /** The underlying package object, for the REPL-level access a virtual board needs. */
  get module(): MicroPythonModule {
    this.activate();
    return this.mp;
  }

  private activate(): void {
    (globalThis as { Module?: unknown }).Module = this.mp._module;
  }
}

function toMicroPythonError(error: unknown): unknown {
  return isPythonError(error) ? new MicroPythonError(error.type, error.message) : error;
}

function byteStreamToText(sink: ((text: string) => void) | undefined): ((bytes: Uint8Array) => void) | undefined {
  if (!sink) return undefined;
  // The VM hands over one byte at a time; a streaming decoder keeps multi-byte UTF-8 intact.
  // ASCII outside a multi-byte sequence skips the decoder: a decode() call per byte costs
  // microseconds, which made reading a 1 MB file off the virtual board take tens of seconds.
  const decoder = new TextDecoder();
  let continuationsDue = 0;
  return (bytes) => {
    if (continuationsDue === 0 && bytes.length === 1 && bytes[0]! < 0x80) {
      sink(String.fromCharCode(bytes[0]!));
      return;
    }
    for (const byte of bytes) continuationsDue = continuationsAfter(byte, continuationsDue);
    const text = decoder.decode(bytes, { stream: true });
    if (text) sink(text);
  };
}

/** How many UTF-8 continuation bytes the decoder still waits for after `byte`. */
function continuationsAfter(byte: number, due: number): number {
  if (byte >= 0xf0) return 3;
  if (byte >= 0xe0) return 2;
  if (byte >= 0xc0) return 1;
  if (byte >= 0x80) return Math.max(0, due - 1);
  return 0;
}
