import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { runEmittedProgram } from "../../src/run/micropython/run-emitted-program.js";
import { runProgram, type SimulationOptions, type SimulationResult } from "../../src/run/testing.js";
import { transpileSnippet } from "./differential.js";

/**
 * The shim's differential check: one asyncio program runs through the Node shim (virtual clock)
 * and, transpiled, on the MicroPython VM with the board's blocking asyncio (virtual clock too);
 * the printed lines must be identical. An uncaught exception ends either output with
 * `uncaught: <ExceptionName>`.
 */
export interface ShimAndVm {
  shim: string;
  vm: string;
  python: string;
}

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
  const python = result.files.find((file) => file.path === "main.py")?.text ?? "";
  if (code === 0) return { output: stdout, python };
  const last = stderr.trim().split("\n").at(-1) ?? "";
  return { output: stdout + uncaughtLine(last.replace(/:.*$/, "")), python };
}

export async function runOnShimAndVm(source: string): Promise<ShimAndVm> {
  const shim = await runOnShim(source);
  const { output: vm, python } = await runOnVm(source);
  return { shim, vm, python };
}

/** Asserts the program prints the same on the shim and on MicroPython, and returns that output. */
export async function expectSameOnShimAndVm(source: string): Promise<string> {
  const { shim, vm, python } = await runOnShimAndVm(source);
  expect(shim, `MicroPython printed:\n${vm}\nemitted Python:\n${python}`).toBe(vm);
  return shim;
}
