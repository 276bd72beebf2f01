import { Worker } from "node:worker_threads";
import type { BoardClockMode } from "../../vm/board-clock.js";
import type { OutputChange } from "../../vm/board-modules.js";
import type { EmittedProgram, RunEmittedProgramOptions } from "./run-emitted-program.js";
import type { DeviceConfig } from "../../devices/device-catalog.js";
import type { DisplayRecording } from "../../devices/display-frames.js";

/** What the worker needs to run a program (program-worker.ts beside this file). */
export interface ProgramWorkerData {
  program: EmittedProgram;
  isTTY: boolean;
  clock: BoardClockMode;
  /** BoardHooks.interrupt's buffer. */
  interrupt: SharedArrayBuffer;
  reportOutput: boolean;
  /** The devices to build in the worker (models hold state, so they are made where they run). */
  devices: readonly DeviceConfig[];
  /** RunEmittedProgramOptions.files. */
  files: readonly { path: string; data: Uint8Array }[];
}

export type FromProgramWorker =
  | { type: "stdout" | "stderr"; text: string }
  | { type: "output"; change: OutputChange }
  | { type: "end"; endMs: number; displays: DisplayRecording[] }
  | { type: "exit"; exitCode: number }
  | { type: "failed"; message: string };

/** Exit code for a program stopped with Ctrl-C, as a shell reports it. */
const INTERRUPTED = 130;

/**
 * runEmittedProgram in a worker thread, for the CLI: the first Ctrl-C raises KeyboardInterrupt in
 * the program at its next wait or hardware call (its traceback shows where it was); a program
 * that computes without waiting is stopped by a second Ctrl-C. Resolves to the exit code.
 */
export function runEmittedProgramInWorker(
  program: EmittedProgram,
  options: Omit<RunEmittedProgramOptions, "interrupt" | "devices" | "onEnd"> & {
    /** Called when the program has ended, with the board time it ran for in milliseconds. */
    onEnd?: (endMs: number) => void;
    /** Ends the run at once (`tsmp dev` restarting it): resolves to 130. */
    signal?: AbortSignal;
    devices?: readonly DeviceConfig[];
    /** Called at the end with what the board's displays showed. */
    onDisplays?: (displays: DisplayRecording[]) => void;
  },
): Promise<number> {
  const interrupt = new SharedArrayBuffer(4);
  const words = new Int32Array(interrupt);
  const worker = spawnProgramWorker({
    program,
    isTTY: options.isTTY ?? false,
    clock: options.clock ?? "realtime",
    interrupt,
    reportOutput: options.onOutput !== undefined,
    devices: options.devices ?? [],
    files: options.files ?? [],
  });

  return new Promise<number>((resolve, reject) => {
    let interrupts = 0;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      process.off("SIGINT", onSigint);
      void worker.terminate();
      settle();
    };
    const onSigint = () => {
      interrupts += 1;
      if (interrupts === 1) {
        Atomics.store(words, 0, 1);
        Atomics.notify(words, 0);
      } else {
        // The worker cannot end the live pin line any more; the next output starts on a line of its own.
        if (options.isTTY) options.stderr("\n");
        finish(() => resolve(INTERRUPTED));
      }
    };
    process.on("SIGINT", onSigint);
    options.signal?.addEventListener("abort", () => finish(() => resolve(INTERRUPTED)), { once: true });

    worker.on("message", (message: FromProgramWorker) => {
      switch (message.type) {
        case "stdout":
          return options.stdout(message.text);
        case "stderr":
          return options.stderr(message.text);
        case "output":
          return options.onOutput?.(message.change);
        case "end":
          options.onDisplays?.(message.displays);
          return options.onEnd?.(message.endMs);
        case "exit":
          return finish(() => resolve(message.exitCode));
        case "failed":
          return finish(() => reject(new Error(`the MicroPython worker failed: ${message.message}`)));
      }
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new Error(`the MicroPython worker stopped (exit code ${code})`))));
  });
}

function spawnProgramWorker(workerData: ProgramWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    // Running from source (vitest, tsx): the worker needs tsx's loader to import TypeScript.
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./program-worker.ts", here).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(new URL("./program-worker.js", here), { workerData });
}
