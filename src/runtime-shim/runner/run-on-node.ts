import { writeFileSync } from "node:fs";
import { format } from "node:util";
import { TsmpError } from "../../errors.js";
import { PinView } from "../../sim/pin-view.js";
import { resetRuntime, type Runtime } from "../runtime.js";
import { compileProgram } from "./compile-program.js";
import { renderTimelineSvg } from "./trace-svg.js";

export interface RunOnNodeOptions {
  /** Follow the wall clock instead of the virtual one. */
  realtime?: boolean;
  /** Where to write the timeline: `.svg` draws it, `.json` writes the raw entries. */
  tracePath?: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: the pin/LED view is then one live line instead of a log. */
  isTTY?: boolean;
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

/** Writes the run's timeline to `path` as a picture (.svg) or data (.json). */
export function writeTrace(path: string, rt: Runtime): void {
  const endMs = rt.clock.nowUs() / 1000;
  if (path.endsWith(".svg")) writeFileSync(path, renderTimelineSvg(rt.timeline.entries, endMs));
  else if (path.endsWith(".json")) writeFileSync(path, `${JSON.stringify({ end_ms: endMs, entries: rt.timeline.entries }, null, 2)}\n`);
  else throw new TsmpError(`--trace ${path}: use a .svg (picture) or .json (data) file name`);
}

/**
 * Runs a TypeScript program (a file, or a project folder's src/main.ts) on Node with the
 * runtime shim: virtual clock unless `realtime`, only the program's output on `stdout`.
 * Returns the exit code (1 when an exception escaped the program).
 */
export async function runOnNode(input: string, options: RunOnNodeOptions): Promise<number> {
  if (options.tracePath !== undefined && !/\.(svg|json)$/.test(options.tracePath)) {
    throw new TsmpError(`--trace ${options.tracePath}: use a .svg (picture) or .json (data) file name`);
  }
  const program = compileProgram(input);
  const rt = resetRuntime({ realtime: options.realtime ?? false });
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
    await import(program.entryUrl);
  } catch (error) {
    if (error instanceof TsmpError) stderr(`tsmp: ${error.message}\n`);
    else stderr(describeUncaught(error));
    exitCode = 1;
  } finally {
    view.finish();
    restoreConsole();
    program.dispose();
  }
  if (options.tracePath !== undefined) writeTrace(options.tracePath, rt);
  return exitCode;
}
