import { format } from "node:util";
import { TsmpError } from "../../errors.js";
import { PinView } from "../pin-view.js";
import { resetRuntime } from "../../runtime-shim/runtime.js";
import { boardFiles } from "../../runtime-shim/board-files.js";
import { SystemExit, systemExitCode } from "../../runtime-shim/exceptions.js";
import { compileProgram } from "./compile-program.js";
import { importWithRestarts } from "./board-restarts.js";
import { createDevice, type DeviceConfig } from "../../devices/device-catalog.js";
import { checkTracePath, writeTrace } from "../trace.js";
import { displayRecordings } from "../../devices/display-frames.js";

export interface RunOnNodeOptions {
  /** Follow the wall clock instead of the virtual one. */
  realtime?: boolean;
  /** Where to write the timeline: `.svg` draws it, `.json` writes the raw entries. */
  tracePath?: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: the pin/LED view is then one live line instead of a log. */
  isTTY?: boolean;
  /** Simulated chips on the board's buses (a project's tsmp.board.json). */
  devices?: readonly DeviceConfig[];
  /** Files on the board before the program starts (a project's `files`), by path from the root. */
  files?: readonly { path: string; data: Uint8Array }[];
}

/** Sends `console.*` to the program's own stdout/stderr sinks while it runs. */
function redirectConsole(stdout: (text: string) => void, stderr: (text: string) => void): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug, error: console.error, warn: console.warn };
  console.log = console.info = console.debug = (...args: unknown[]) => stdout(`${format(...args)}\n`);
  console.error = console.warn = (...args: unknown[]) => stderr(`${format(...args)}\n`);
  return () => Object.assign(console, saved);
}

/** How an exception that escaped the program is shown (stack frames point at the .ts sources). */
export function describeUncaught(error: unknown): string {
  if (typeof error === "object" && error !== null && "stack" in error && typeof error.stack === "string") {
    return `${error.stack}\n`;
  }
  return `Uncaught ${String(error)}\n`;
}

/**
 * Runs a TypeScript program (a file, or a project folder's src/main.ts) on Node with the
 * runtime shim: virtual clock unless `realtime`, only the program's output on `stdout`.
 * Returns the exit code (1 when an exception escaped the program).
 */
export async function runOnNode(input: string, options: RunOnNodeOptions): Promise<number> {
  checkTracePath(options.tracePath);
  const program = compileProgram(input);
  const rt = resetRuntime({ realtime: options.realtime ?? false });
  rt.attach((options.devices ?? []).map(createDevice));
  boardFiles(rt).seed(Object.fromEntries((options.files ?? []).map((file) => [file.path, file.data])));
  // Output changes show on stderr as on the micropython target, around the program's own output.
  const view = new PinView({ write: options.stderr, isTTY: options.isTTY ?? false });
  const stdout = (text: string) => view.aroundOutput(text, options.stdout);
  const stderr = (text: string) => view.aroundOutput(text, options.stderr);
  rt.stdout = stdout;
  rt.stderr = stderr;
  rt.onOutput = (change) => view.onOutput({ timeMs: change.time_ms, device: change.device, value: change.value });
  process.setSourceMapsEnabled(true);
  const restoreConsole = redirectConsole(stdout, stderr);
  let exitCode = 0;
  try {
    await importWithRestarts(rt, input, program);
  } catch (error) {
    if (error instanceof SystemExit) {
      const exit = systemExitCode(error);
      if (exit.printed !== undefined) stderr(`${exit.printed}\n`);
      exitCode = exit.code;
    } else {
      stderr(error instanceof TsmpError ? `tsmp: ${error.message}\n` : describeUncaught(error));
      exitCode = 1;
    }
  } finally {
    view.finish();
    restoreConsole();
    // Already disposed after a run; this covers a setup that failed before the first import.
    program.dispose();
  }
  if (options.tracePath !== undefined) {
    writeTrace(options.tracePath, rt.timeline.entries, rt.clock.nowUs() / 1000, displayRecordings(rt.devices.models));
  }
  return exitCode;
}
