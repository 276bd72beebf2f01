import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runEmittedProgram } from "../../src/run/micropython/run-emitted-program.js";
import { runProgram, type SimulationOptions, type SimulationResult } from "../../src/run/testing.js";
import { emittedMain, expectSameOutput, transpileSnippet, type Outputs } from "./differential.js";

/**
 * The shim's differential check, in differential.ts's shape (`Outputs`, `expectSameOutput`): one
 * asyncio program runs through the Node shim (tsmp/testing on a fresh simulated board, virtual
 * clock) and, transpiled, on a fresh MicroPython VM with the board's blocking asyncio (virtual
 * clock too); the printed lines must be identical. It stays a runner of its own because of what
 * it compares: an uncaught exception ends either output with `uncaught: <ExceptionName>`, not the
 * message, since asyncio's exceptions carry different messages (or none) on the two sides; and
 * every program gets a fresh board and VM, since a program's tasks and timers must not leak
 * into the next.
 */

function uncaughtLine(name: string): string {
  return `uncaught: ${name}\n`;
}

/** Runs a TypeScript program given as text on a fresh simulated board (tsmp/testing). */
export async function runSourceOnShim(source: string, options: SimulationOptions = {}): Promise<SimulationResult> {
  const dir = mkdtempSync(join(tmpdir(), "tsmp-shim-case-"));
  try {
    writeFileSync(join(dir, "main.ts"), source);
    return await runProgram(join(dir, "main.ts"), options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runOnShim(source: string): Promise<string> {
  const run = await runSourceOnShim(source);
  if (run.error === undefined) return run.stdout;
  const error = run.error as { name?: string };
  // A JS Error is what the transpiler turns into Python's Exception.
  const name = error.name === "Error" ? "Exception" : (error.name ?? String(run.error));
  return run.stdout + uncaughtLine(name);
}

export async function runOnVm(source: string): Promise<{ output: string; python: string }> {
  const result = transpileSnippet(source);
  let stdout = "";
  let stderr = "";
  const code = await runEmittedProgram(
    { files: result.files, entry: result.entry ?? "main.py" },
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), clock: "virtual" },
  );
  const python = emittedMain(result);
  if (code === 0) return { output: stdout, python };
  const last = stderr.trim().split("\n").at(-1) ?? "";
  return { output: stdout + uncaughtLine(last.replace(/:.*$/, "")), python };
}

export async function runOnShimAndVm(source: string): Promise<Outputs> {
  const node = await runOnShim(source);
  const { output: micropython, python } = await runOnVm(source);
  return { node, micropython, python };
}

/** Asserts the program prints the same on the shim and on MicroPython, and returns that output. */
export async function expectSameOnShimAndVm(source: string): Promise<string> {
  const outputs = await runOnShimAndVm(source);
  expectSameOutput(outputs);
  return outputs.node;
}
