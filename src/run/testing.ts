/**
 * `tsmp/testing` (Node only): run a tsmp program or coroutine on the simulated board's virtual
 * clock, script its inputs, and check what it printed and how its outputs moved.
 *
 *   const run = await runProgram("src/main.ts", { forMs: 2000, script: (board) => board.pressSwitch(500) });
 *   run.waveform("LED(1)").expectPeriodic({ high_ms: 5, period_ms: 705 });
 */
import { format } from "node:util";
import { SimulationLimitReached } from "../runtime-shim/clock.js";
import { SystemExit, systemExitCode } from "../runtime-shim/exceptions.js";
import { coroutine } from "../runtime-shim/coroutine.js";
import { resetRuntime, runtime, type Runtime } from "../runtime-shim/runtime.js";
import { compileProgram } from "./node/compile-program.js";
import { importWithRestarts } from "./node/board-restarts.js";
import { requireBuildable } from "./node/buildable.js";
import type { DeviceModel } from "../devices/device-model.js";
import { createDevice, type DeviceConfig } from "../devices/device-catalog.js";
import { readBoardFileFor } from "../devices/board-file.js";

export { NotBuildable } from "./node/buildable.js";
export { AtModem, Eeprom24lc, Sht3x, Ssd1306I2c, Ssd1306Spi, sensirionCrc8, readBoardFile } from "../devices/index.js";
export type {
  DeviceConfig,
  DeviceContext,
  DeviceModel,
  I2cDevice,
  SpiDevice,
  UartDevice,
  Scheduled,
  DisplayFrame,
} from "../devices/index.js";
import { describeUncaught } from "./node/run-on-node.js";
import { pinDeviceName, SWITCH_DEVICE, touchPadDeviceName, uartArrive, uartWire } from "../runtime-shim/board-devices.js";
import type { TimelineEntry } from "../runtime-shim/timeline.js";

import { setPythonStandIns } from "../runtime-shim/python-modules.js";
import { simulateWifi, type SimulatedWifi } from "../runtime-shim/network.js";
import { boardFiles } from "../runtime-shim/board-files.js";

export type { TimelineEntry } from "../runtime-shim/timeline.js";
export { recordingFake, type RecordedCall } from "./recording-fake.js";

/** Inputs a test drives, each at a board time (default: now, i.e. before the program starts). */
export class BoardScript {
  constructor(private readonly rt: Runtime) {}

  private at(atMs: number | undefined, action: () => void): void {
    if (atMs === undefined || atMs <= this.rt.clock.nowMs()) action();
    else this.rt.clock.at(atMs, action);
  }

  /** Drives input pin `id` to `value` (0/1) at `atMs`; IRQs on that pin fire. */
  setPin(id: number | string, value: number, atMs?: number): void {
    this.at(atMs, () => this.rt.setInput(pinDeviceName(id), value ? 1 : 0));
  }

  /** Presses the pyboard's USR switch at `atMs` and releases it `durationMs` later. */
  pressSwitch(atMs: number, durationMs = 50): void {
    this.at(atMs, () => this.rt.setInput(SWITCH_DEVICE, 1));
    this.at(atMs + durationMs, () => this.rt.setInput(SWITCH_DEVICE, 0));
  }

  /** Sets what `ADC(id).read_u16()` returns (0–65535) from `atMs` on. */
  setAdc(id: number | string, value: number, atMs?: number): void {
    this.at(atMs, () => this.rt.setInput(`ADC(${id})`, Math.max(0, Math.min(65535, Math.round(value)))));
  }

  /** Sets what `TouchPad(id).read()` returns from `atMs` on (lower while touched; untouched 1000). */
  setTouch(id: number, value: number, atMs?: number): void {
    this.at(atMs, () => this.rt.setInput(touchPadDeviceName(id), Math.round(value)));
  }

  /** Makes `data` arrive on UART `id` at `atMs`. */
  uartReceive(id: number | string, data: string | Uint8Array, atMs?: number): void {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    this.at(atMs, () => {
      uartArrive(uartWire(this.rt, id), bytes);
      this.rt.runScheduled();
    });
  }

  /** Wires UART `id`'s TX to its RX: what the program sends, it receives. */
  uartLoopback(id: number | string): void {
    uartWire(this.rt, id).loopback = true;
  }
}

/** Thrown by waveform checks; the message says what was expected and what the trace shows. */
export class WaveformMismatch extends Error {
  override name = "WaveformMismatch";
}

/** One stretch of time a signal spent at one level. */
export interface Pulse {
  start_ms: number;
  duration_ms: number;
  value: number;
}

/** One device's trace, for assertions. */
export class Waveform {
  constructor(
    readonly device: string,
    /** The device's changes, in time order. */
    readonly changes: readonly TimelineEntry[],
    readonly end_ms: number,
  ) {}

  /** The level at `ms` (undefined before the first change). */
  levelAt(ms: number): number | undefined {
    let level: number | undefined;
    for (const change of this.changes) {
      if (change.time_ms > ms) break;
      level = change.value;
    }
    return level;
  }

  /** Every stretch at one level, the last one cut at the end of the run. */
  pulses(): Pulse[] {
    return this.changes.map((change, index) => ({
      start_ms: change.time_ms,
      duration_ms: (this.changes[index + 1]?.time_ms ?? this.end_ms) - change.time_ms,
      value: change.value,
    }));
  }

  /** Stretches where the signal was on (above 0) and that ended before the run did. */
  highPulses(): Pulse[] {
    return this.pulses().filter((p, i, all) => p.value > 0 && i < all.length - 1);
  }

  /**
   * Asserts a periodic signal: on for `high_ms`, a rising edge every `period_ms`, for every
   * complete cycle in the run (optionally from `from_ms`), each within `tolerance_ms`.
   */
  expectPeriodic(expected: { high_ms: number; period_ms: number; tolerance_ms?: number; from_ms?: number; min_cycles?: number }): void {
    const tolerance = expected.tolerance_ms ?? 0;
    const pulses = this.highPulses().filter((p) => p.start_ms >= (expected.from_ms ?? 0));
    const minCycles = expected.min_cycles ?? 2;
    if (pulses.length < minCycles) {
      throw new WaveformMismatch(`${this.device}: expected at least ${minCycles} pulses, saw ${pulses.length}`);
    }
    pulses.forEach((pulse, index) => {
      if (Math.abs(pulse.duration_ms - expected.high_ms) > tolerance) {
        throw new WaveformMismatch(
          `${this.device}: pulse ${index + 1} at ${pulse.start_ms} ms is on for ${pulse.duration_ms} ms, expected ${expected.high_ms} ms`,
        );
      }
      const next = pulses[index + 1];
      if (next !== undefined && Math.abs(next.start_ms - pulse.start_ms - expected.period_ms) > tolerance) {
        throw new WaveformMismatch(
          `${this.device}: pulses at ${pulse.start_ms} ms and ${next.start_ms} ms are ${next.start_ms - pulse.start_ms} ms apart, expected every ${expected.period_ms} ms`,
        );
      }
    });
  }
}

/** What a simulated run did. */
export class SimulationResult {
  constructor(
    readonly stdout: string,
    readonly stderr: string,
    /** The exception that escaped the program, if any (reaching `forMs` is not one). */
    readonly error: unknown,
    /** The program's exit code: 0, sys.exit()'s code, or 1 when an exception escaped. */
    readonly exit_code: number,
    /** Board time when the run stopped. */
    readonly end_ms: number,
    readonly timeline: readonly TimelineEntry[],
    private readonly rt: Runtime,
  ) {}

  /** The printed lines. */
  get lines(): string[] {
    return this.stdout.split("\n").slice(0, this.stdout.endsWith("\n") ? -1 : undefined);
  }

  /** A device's trace: "LED(1)", "Pin(2)", "PWM(Pin(4))". */
  waveform(device: string): Waveform {
    return new Waveform(
      device,
      this.timeline.filter((e) => e.device === device),
      this.end_ms,
    );
  }

  /** Bytes the program wrote to UART `id`. */
  uartSent(id: number | string): Uint8Array {
    return Uint8Array.from(uartWire(this.rt, id).sent);
  }
}

export interface SimulationOptions {
  /** Stop after this much board time (ms). Without it the run lasts until the program ends. */
  forMs?: number;
  /** Scripts the inputs before the program starts. */
  script?: (board: BoardScript) => void;
  /**
   * Stand-ins for the Python modules the program imports, by Python module name: a local
   * driver (`"drivers.bme280"` for src/drivers/bme280.py) or a declared `board:` module
   * (`"umqtt.simple"`). Each is an object with the exports the module's declaration lists;
   * wrap it in `recordingFake` to see the calls the program made.
   */
  modules?: Readonly<Record<string, object>>;
  /** How the simulated Wi-Fi answers `WLAN.connect` (tsmp/network): its delay, or a failure. */
  wifi?: SimulatedWifi;
  /** Files on the simulated board before the program starts (tsmp/os, tsmp/io), by path. */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /**
   * Simulated chips on the board's buses: models (`new Sht3x({ bus: "I2C(0)" })`, to script and
   * inspect them) or board-file entries. `runProgram` defaults to the project's tsmp.board.json.
   */
  devices?: ReadonlyArray<DeviceModel | DeviceConfig>;
}

async function simulate(options: SimulationOptions, body: (rt: Runtime) => Promise<void>): Promise<SimulationResult> {
  const rt = resetRuntime();
  let stdout = "";
  let stderr = "";
  rt.stdout = (text) => (stdout += text);
  rt.stderr = (text) => (stderr += text);
  rt.clock.limitMs = options.forMs;
  rt.attach((options.devices ?? []).map((device) => ("kind" in device ? device : createDevice(device))));
  setPythonStandIns(options.modules);
  if (options.wifi) simulateWifi(rt, options.wifi);
  if (options.files) boardFiles(rt).seed(options.files);
  options.script?.(new BoardScript(rt));
  const saved = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  console.log = console.info = (...args: unknown[]) => rt.stdout(`${format(...args)}\n`);
  console.error = console.warn = (...args: unknown[]) => rt.stderr(`${format(...args)}\n`);
  let error: unknown;
  let exitCode = 0;
  try {
    await body(rt);
    // The program ended: the board idles (timers and inputs still fire) until the limit.
    if (options.forMs !== undefined) rt.clock.advanceTo(options.forMs + 1);
  } catch (caught) {
    if (caught instanceof SystemExit) {
      // sys.exit() ends the program as its last statement would; the code is kept.
      const exit = systemExitCode(caught);
      exitCode = exit.code;
      if (exit.printed !== undefined) rt.stderr(`${exit.printed}\n`);
    } else if (!(caught instanceof SimulationLimitReached)) {
      exitCode = 1;
      error = caught;
      rt.stderr(describeUncaught(caught));
    }
  } finally {
    Object.assign(console, saved);
    setPythonStandIns(undefined);
  }
  return new SimulationResult(stdout, stderr, error, exitCode, rt.clock.nowUs() / 1000, [...rt.timeline.entries], rt);
}

/**
 * Runs a program (a .ts file or a project folder) on a fresh simulated board. A program that
 * `tsmp build` refuses is not run: the call rejects with its diagnostics (NotBuildable), so a
 * passing test means the program can be flashed.
 */
export async function runProgram(input: string, options: SimulationOptions = {}): Promise<SimulationResult> {
  requireBuildable(input);
  const program = compileProgram(input);
  return simulate({ ...options, devices: options.devices ?? readBoardFileFor(input) }, (rt) => importWithRestarts(rt, input, program));
}

/**
 * Runs `main()` as the main asyncio task on a fresh simulated board. `main` is called inside
 * that task, so its awaits are the task's. (Coroutines made directly in a test file start at
 * the call, as JS does; programs run with `runProgram` get Python's start-on-first-step.)
 */
export async function runCoroutine(main: () => PromiseLike<unknown>, options: SimulationOptions = {}): Promise<SimulationResult> {
  return simulate(options, async (rt) => {
    await rt.scheduler.runUntilComplete(rt.scheduler.createTask(coroutine(async () => await main(), "main")));
  });
}

/**
 * Starts a fresh simulated board (virtual clock at 0, empty timeline) for tests that drive the
 * facade directly rather than through `runProgram`; returns a script for its inputs.
 */
export function resetBoard(): BoardScript {
  return new BoardScript(resetRuntime());
}

/** The current board's timeline so far. */
export function timeline(): readonly TimelineEntry[] {
  return runtime().timeline.entries;
}

/** The current board time in ms (virtual unless the run is real-time). */
export function nowMs(): number {
  return runtime().clock.nowUs() / 1000;
}

/** Moves the board clock forward by `ms`, firing timers and scripted inputs on the way. */
export function advanceClock(ms: number): void {
  const rt = runtime();
  rt.clock.advanceTo(rt.clock.nowUs() / 1000 + ms);
}
