import type { BoardClockMode } from "../../vm/board-clock.js";
import { installBoardModules, withoutBoardFrames, type OutputChange, type SimulatedBoard } from "../../vm/board-modules.js";
import type { BoardClock } from "../../vm/board-clock.js";
import type { NvsPartition } from "../../vm/nvs-partition.js";
import { readBoardFiles, writeBoardFiles, type VmFile } from "../../vm/vm-files.js";
import type { DeviceModel } from "../../devices/device-model.js";
import { MicroPythonError, MicroPythonVm } from "../../vm/micropython-vm.js";
import { PinView } from "../pin-view.js";
import { mapTraceback, type MappedFile } from "../../sourcemap/traceback-map.js";
import { createTracebackRewriter } from "../../sourcemap/traceback-rewriter.js";

/** A transpiled program: its emitted files (the transpiler's EmittedFile) and the entry module. */
export interface EmittedProgram {
  files: readonly (MappedFile & { text: string })[];
  /** The module run as `__main__`, e.g. "main.py". */
  entry: string;
}

export interface RunEmittedProgramOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: a live one-line pin view instead of a log. */
  isTTY?: boolean;
  /** Defaults to `realtime`, as on a board. */
  clock?: BoardClockMode;
  /** Also receives every output change, timed from the program's start. */
  onOutput?: (change: OutputChange) => void;
  /**
   * Called when the program has ended, with the board time it ran for in milliseconds, and the
   * board time (since the board started, as device models see it) at which it started.
   */
  onEnd?: (endMs: number, startMs: number) => void;
  /** Ctrl-C from another thread (BoardHooks.interrupt): the program gets a KeyboardInterrupt. */
  interrupt?: Int32Array;
  /** Simulated chips on the board's buses. */
  devices?: readonly DeviceModel[];
  /** Bytes the program wrote to a UART (`UART(1)`). */
  onUartWrite?: (device: string, data: Uint8Array) => void;
  /** An input's value (`Pin(5)`, `ADC(26)`) at board time `nowMs` since the program started; undefined = the board's default. */
  readInput?: (device: string, nowMs: number) => number | undefined;
  /** On a virtual clock: stop the program at this board time (ms from boot); it ends with exit code 0. */
  forMs?: number;
  /** Files on the board before the program starts (a project's `files`), by path from the root. */
  files?: readonly { path: string; data: Uint8Array }[];
}

/**
 * Runs emitted Python on a fresh MicroPython VM with the simulated board, as a board runs
 * main.py: the program's stdout streams out as it prints, output changes are shown on stderr,
 * and an uncaught exception prints its traceback mapped to the TypeScript lines. Resolves to the
 * exit code: 0, 1 after an uncaught exception, 130 after a KeyboardInterrupt (Ctrl-C), or the
 * value given to sys.exit().
 */
export async function runEmittedProgram(program: EmittedProgram, options: RunEmittedProgramOptions): Promise<number> {
  const view = new PinView({ write: options.stderr, isTTY: options.isTTY ?? false });
  let startMs: number | undefined;
  let clock: BoardClock | undefined;
  let nvs: NvsPartition | undefined;
  let resetCause = 1;
  const devices = options.devices ?? [];
  let failure: MicroPythonError | undefined;
  let boardFiles: VmFile[] = (options.files ?? []).map((file) => ({ path: `/${file.path}`, data: file.data }));
  // Tracebacks the program prints while it runs (an IRQ handler's, a timer callback's) point at
  // the TypeScript lines too, as the one that ends it does.
  const callbackErrors = createTracebackRewriter(program.files, options.stderr);
  try {
    // A reset (watchdog, deep sleep, machine.reset) starts a fresh VM, as a board reboots; the
    // clock, the devices, the output view and the files the program left carry on.
    for (;;) {
      const vm = await loadVm(options, view, (text) => callbackErrors.push(text));
      const board = installBoardModules(vm, {
        clock: options.clock ?? "realtime",
        boardClock: clock,
        nvs,
        interrupt: options.interrupt,
        devices,
        resetCause,
        onUartWrite: options.onUartWrite,
        readInput: options.readInput && ((device) => options.readInput!(device, clock!.elapsedMs() - (startMs ?? 0))),
        onOutput: (change) => {
          const fromStart = { ...change, timeMs: Math.max(0, change.timeMs - (startMs ?? 0)) };
          view.onOutput(fromStart);
          options.onOutput?.(fromStart);
        },
      });
      clock = board.clock;
      nvs = board.nvs;
      clock.limitMs = options.forMs;
      writeBoardFiles(vm, boardFiles);
      for (const file of program.files) vm.writeFile(`/${file.path}`, file.text);
      startMs ??= clock.elapsedMs();
      failure = runEntry(vm, board, program.entry);
      board.closeSockets();
      if (failure?.pythonType === "KeyboardInterrupt" && clock.limitReached) failure = undefined;
      const reset = failure?.pythonType === "BoardReset" ? /(\d+) (\d+)\s*$/.exec(failure.message) : null;
      if (reset === null) break;
      resetCause = Number(reset[1]);
      boardFiles = readBoardFiles(vm);
      clock.sleep(Number(reset[2]));
    }
  } finally {
    callbackErrors.end();
    view.finish();
  }
  options.onEnd?.(clock!.elapsedMs() - startMs!, startMs!);
  return failure ? reportUncaught(failure, program, options.stderr) : 0;
}

async function loadVm(options: RunEmittedProgramOptions, view: PinView, stderr: (text: string) => void): Promise<MicroPythonVm> {
  // A program that prints but never waits sees Ctrl-C at its output, the next chance there is.
  const takeInterrupt = () => {
    if (options.interrupt && Atomics.exchange(options.interrupt, 0, 0) !== 0) vm.scheduleKeyboardInterrupt();
  };
  const vm: MicroPythonVm = await MicroPythonVm.load({
    stdout: (text) => {
      view.aroundOutput(text, options.stdout);
      takeInterrupt();
    },
    stderr: (text) => view.aroundOutput(text, stderr),
  });
  return vm;
}

/** Runs the entry module as a board runs main.py; the exception that ended it, if any. */
function runEntry(vm: MicroPythonVm, board: SimulatedBoard, entry: string): MicroPythonError | undefined {
  const name = JSON.stringify(entry);
  try {
    // compile() under the entry's own name, so tracebacks name the file as a board does.
    board.run(() => vm.exec(`exec(compile(open(${name}).read(), ${name}, "exec"))`));
    return undefined;
  } catch (error) {
    if (!(error instanceof MicroPythonError)) throw error;
    return error;
  }
}

function reportUncaught(error: MicroPythonError, program: EmittedProgram, stderr: (text: string) => void): number {
  if (error.pythonType === "SystemExit") return exitCodeOf(error, stderr);
  // The first frame is the exec() above, which a board's own runner does not show.
  const traceback = withoutBoardFrames(error.traceback).replace(
    /^(Traceback \(most recent call last\):\n)\s*File "<stdin>", line \d+, in <module>\n/,
    "$1",
  );
  stderr(mapTraceback(traceback, program.files));
  // 130 is what a shell reports for a program stopped with Ctrl-C.
  return error.pythonType === "KeyboardInterrupt" ? 130 : 1;
}

/** sys.exit() as MicroPython's unix port exits: an int is the code, anything else is printed. */
function exitCodeOf(error: MicroPythonError, stderr: (text: string) => void): number {
  const argument = /^SystemExit(?:: (.*))?$/s.exec(error.message)?.[1];
  if (argument === undefined || argument === "None") return 0;
  if (/^-?\d+$/.test(argument)) return Number(argument) & 0xff;
  stderr(`${argument}\n`);
  return 1;
}
