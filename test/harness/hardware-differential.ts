import { expect } from "vitest";
import type { DeviceModel } from "../../src/devices/device-model.js";
import { runEmittedProgram, type EmittedProgram } from "../../src/run/micropython/run-emitted-program.js";
import { runProgram, type BoardScript, type TimelineEntry } from "../../src/run/testing.js";
import { transpileProject } from "../../src/transpile/index.js";
import { transpileSnippet } from "./differential.js";
import { runSourceOnShim } from "./shim-vs-vm.js";

/**
 * Hardware differential: one program drives simulated devices through machine's buses on the
 * Node shim and on the MicroPython VM (virtual clocks), each host with fresh copies of the same
 * device models; the printed output, the uncaught exception's last line and the pin timeline
 * must be identical. `python` gives the board side as Python for programs that build byte
 * buffers, which the transpiler does not take yet (TSMP1101 on Uint8Array).
 */
export interface HardwareCase {
  /** The program for the shim, and (unless `python` is given) transpiled for the VM. */
  ts: string;
  python?: string;
  devices?: () => DeviceModel[];
  forMs?: number;
  /** A UART whose sent bytes are compared too (its id). */
  uart?: number;
  /** Input levels over time, `[{ at_ms, device: "Pin(5)", value }]` (or `ADC(…)`, `TouchPad(…)`), scripted the same way on both hosts. */
  inputs?: Array<{ at_ms: number; device: string; value: number }>;
  /** A project folder to run instead of `ts` (its src/main.ts; transpiled for the VM). */
  project?: string;
}

export interface HostRun {
  output: string;
  timeline: string[];
  /** What the program sent on `uart`, as text. */
  uartSent: string;
}

const timelineLines = (entries: readonly TimelineEntry[]) =>
  entries.map((e) => `${Number(e.time_ms.toFixed(3))} ${e.device}=${Number(e.value.toFixed(4))}`);

export async function runHardwareOnShim(test: HardwareCase, devices = test.devices?.() ?? []): Promise<HostRun> {
  const options = {
    devices,
    forMs: test.forMs,
    script: (board: BoardScript) => {
      for (const { at_ms, device, value } of test.inputs ?? []) {
        const [, kind, id] = /^(Pin|ADC|TouchPad)\((.*)\)$/.exec(device)!;
        if (kind === "Pin") board.setPin(id!, value, at_ms);
        else if (kind === "TouchPad") board.setTouch(Number(id), value, at_ms);
        else board.setAdc(id!, value, at_ms);
      }
    },
  };
  const run = test.project === undefined ? await runSourceOnShim(test.ts, options) : await runProgram(test.project, options);
  let output = run.stdout;
  if (run.error !== undefined) output += `uncaught: ${String(run.error)}\n`;
  const uartSent = test.uart === undefined ? "" : new TextDecoder().decode(run.uartSent(test.uart));
  return { output, timeline: timelineLines(run.timeline), uartSent };
}

export async function runHardwareOnVm(test: HardwareCase, devices = test.devices?.() ?? []): Promise<HostRun & { python: string }> {
  const program: EmittedProgram =
    test.python === undefined
      ? (() => {
          const result = test.project === undefined ? transpileSnippet(test.ts) : transpileProject(test.project);
          return { files: result.files, entry: result.entry ?? "main.py" };
        })()
      : { files: [{ path: "main.py", text: test.python }], entry: "main.py" };
  let stdout = "";
  let stderr = "";
  const entries: TimelineEntry[] = [];
  let uartSent = "";
  const code = await runEmittedProgram(program, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    clock: "virtual",
    devices,
    forMs: test.forMs,
    readInput: (device, nowMs) =>
      [...(test.inputs ?? [])].reverse().find((input) => input.device === device && input.at_ms <= nowMs)?.value,
    onUartWrite: (device, data) => {
      if (device === `UART(${test.uart})`) uartSent += new TextDecoder().decode(data);
    },
    onOutput: (change) => entries.push({ time_ms: change.timeMs, device: change.device, value: change.value }),
  });
  const output = code === 0 ? stdout : `${stdout}uncaught: ${stderr.trim().split("\n").at(-1) ?? ""}\n`;
  return { output, timeline: timelineLines(entries), uartSent, python: program.files.find((f) => f.path === "main.py")?.text ?? "" };
}

/** Runs the case on both hosts, expects identical output and timeline, and returns the shim's run. */
export async function expectSameHardware(test: HardwareCase): Promise<HostRun> {
  const shim = await runHardwareOnShim(test);
  const vm = await runHardwareOnVm(test);
  expect(shim.output, `MicroPython printed:\n${vm.output}\nPython:\n${vm.python}`).toBe(vm.output);
  expect(shim.timeline).toEqual(vm.timeline);
  expect(shim.uartSent).toBe(vm.uartSent);
  return shim;
}
