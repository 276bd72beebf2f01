import { formatDiagnostic, transpileProject } from "../transpile/index.js";
import { TsmpError } from "../errors.js";
import type { BoardClockMode } from "./board-clock.js";
import { runEmittedProgram } from "./run-emitted-program.js";

export interface RunOnMicroPythonOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (a live pin view rather than a log). */
  isTTY?: boolean;
  /** Defaults to `realtime`, as on a board; `virtual` jumps over the waits. */
  clock?: BoardClockMode;
}

export class NoEntryModule extends TsmpError {}

/**
 * `tsmp run --target micropython`: transpiles the program and runs it on MicroPython on this
 * machine (the real VM, compiled to WebAssembly) with a simulated board. Diagnostics are printed
 * and give exit code 1 without running anything. Resolves to the program's exit code.
 */
export async function runOnMicroPython(input: string, options: RunOnMicroPythonOptions): Promise<number> {
  const result = transpileProject(input);
  for (const diagnostic of result.diagnostics) options.stderr(`${formatDiagnostic(diagnostic)}\n`);
  if (result.diagnostics.some((diagnostic) => diagnostic.category === "error")) return 1;
  if (!result.entry) {
    throw new NoEntryModule(`${input}: nothing to run (a project runs src/main.ts or main.ts)`);
  }
  return runEmittedProgram({ files: result.files, entry: result.entry }, options);
}
