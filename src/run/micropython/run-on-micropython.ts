import { checkTracePath, writeTrace } from "../trace.js";
import { Timeline } from "../../runtime-shim/timeline.js";
import { transpileOrReport } from "../../transpile/index.js";
import { TsmpError } from "../../errors.js";
import type { BoardClockMode } from "../../vm/board-clock.js";
import { runEmittedProgramInWorker } from "./run-in-worker.js";
import type { DeviceConfig } from "../../devices/device-catalog.js";
import type { DisplayRecording } from "../../devices/display-frames.js";

export interface RunOnMicroPythonOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (a live pin view rather than a log). */
  isTTY?: boolean;
  /** Defaults to `realtime`, as on a board; `virtual` jumps over the waits. */
  clock?: BoardClockMode;
  /** Where to write the output timeline: `.svg` draws it, `.json` writes the raw entries. */
  tracePath?: string;
  /** Simulated chips on the board's buses (a project's tsmp.board.json), built in the VM's worker. */
  devices?: readonly DeviceConfig[];
  /** Files on the board before the program starts (a project's `files`), by path from the root. */
  files?: readonly { path: string; data: Uint8Array }[];
}

export class NoEntryModule extends TsmpError {}

/**
 * `tsmp run --target micropython`: transpiles the program and runs it on MicroPython on this
 * machine (the real VM, compiled to WebAssembly) with a simulated board. Diagnostics are printed
 * and end the run (DiagnosticsReported, exit 1) before anything runs. The VM runs in a worker
 * thread, so Ctrl-C reaches the program as a KeyboardInterrupt. Resolves to the program's exit code.
 */
export async function runOnMicroPython(input: string, options: RunOnMicroPythonOptions): Promise<number> {
  checkTracePath(options.tracePath);
  const result = await transpileOrReport(input, options.stderr);
  if (!result.entry) {
    throw new NoEntryModule(`${input}: nothing to run (a project runs src/main.ts or main.ts)`);
  }
  const program = { files: result.files, entry: result.entry };
  const { tracePath } = options;
  if (tracePath === undefined) return runEmittedProgramInWorker(program, options);

  // The same timeline the Node shim records, so both targets draw the same picture.
  const timeline = new Timeline();
  let endMs = 0;
  let displays: DisplayRecording[] = [];
  const exitCode = await runEmittedProgramInWorker(program, {
    ...options,
    onOutput: (change) => timeline.record(change.timeMs, change.device, change.value),
    onEnd: (ms) => (endMs = ms),
    onDisplays: (recorded) => (displays = recorded),
  });
  writeTrace(tracePath, timeline.entries, endMs, displays);
  return exitCode;
}
