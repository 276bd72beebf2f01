import { pinDeviceName, type UartWire } from "./board-devices.js";
import { AttachedDevices } from "../devices/attached-devices.js";
import { ResetCause } from "../devices/reset-cause.js";
import type { DeviceModel } from "../devices/device-model.js";
import { Clock } from "./clock.js";
import { Scheduler } from "./scheduler.js";
import { Timeline, type TimelineEntry } from "./timeline.js";

/** A simulated input a test (or the board model) drives: a pin level, an ADC reading. */
export interface InputLine {
  value: number;
  /** Called on every change, for IRQs. */
  listeners: Set<(previous: number, next: number) => void>;
}

/**
 * Everything one simulated board run shares: its clock, asyncio loop, timeline and inputs.
 *
 * It lives on a global symbol, not in a module variable, so every copy of the shim in one
 * process (a test importing src/, a program importing dist/) drives the same board.
 */
export class Runtime {
  readonly clock: Clock;
  scheduler: Scheduler;
  readonly timeline = new Timeline();
  readonly inputs = new Map<string, InputLine>();
  /** The board's UART wires, by device name (`UART(1)`). */
  readonly uartWires = new Map<string, UartWire>();
  /** micropython.schedule queue (functions run soon, outside any task). */
  readonly scheduled: Array<() => void> = [];
  /** Simulated chips on the board's buses (tsmp/testing and tsmp.board.json attach them). */
  devices = this.attach([]);
  /** What a reset stops: running timers, the watchdog, IRQ handlers (tests' scripted inputs stay). */
  readonly stopOnReset = new Set<() => void>();
  /** The RTC's setting: it showed `epochMs` at board time `setAtMs` (it keeps running through resets). */
  rtc = { epochMs: Date.UTC(2000, 0, 1), setAtMs: 0 };
  /** Set when a pin IRQ with `wake=SLEEP` fires: it ends a light sleep. */
  wokenByPin = false;
  /** machine.wake_reason(): what ended the last light sleep, or the deep sleep the board woke from. */
  wakeReason = 0;
  /**
   * Set by esp32.wake_on_ext0/ext1: the wake source the pins' levels now set off (0: none), for
   * machine.deepsleep() to watch. A reset clears it: the ESP32's firmware starts each boot with none.
   */
  deepSleepPinWake: (() => number) | undefined;
  /** RTC.memory(): kept through resets and deep sleep, as RTC memory is; a fresh board's is empty. */
  rtcMemory = new Uint8Array();
  /** Why the board last started (machine.reset_cause()); the runner sets it across restarts. */
  resetCause = 1;
  stdout: (text: string) => void = (text) => process.stdout.write(text);
  stderr: (text: string) => void = (text) => process.stderr.write(text);

  constructor(options: { realtime?: boolean } = {}) {
    this.clock = new Clock(options.realtime ?? false);
    this.scheduler = this.newScheduler();
  }

  /** Puts `models` on the board's buses, replacing any attached before. */
  attach(models: readonly DeviceModel[]): AttachedDevices {
    this.devices = new AttachedDevices(models, {
      nowMs: () => this.clock.nowUs() / 1000,
      pinLevel: (id) => this.input(pinDeviceName(id)).value,
    });
    return this.devices;
  }

  /** The board resets: its hardware stops and a fresh asyncio loop awaits the restarted program. */
  reset(cause: number): void {
    for (const stop of [...this.stopOnReset]) stop();
    this.stopOnReset.clear();
    // A reset releases the outputs; the restarted program drives them from scratch.
    for (const device of this.timeline.devices()) {
      const line = this.inputs.get(device);
      if (line !== undefined) line.value = 0;
    }
    this.scheduled.length = 0;
    this.resetCause = cause;
    // Only a board coming out of deep sleep knows what woke it.
    if (cause !== ResetCause.DEEPSLEEP_RESET) this.wakeReason = 0;
    this.resetScheduler();
  }

  /** asyncio.new_event_loop(): a fresh loop on the same clock and board. */
  resetScheduler(): void {
    this.scheduler = this.newScheduler();
  }

  private newScheduler(): Scheduler {
    return new Scheduler(this.clock, {
      runScheduled: () => this.runScheduled(),
      stderr: (text) => this.stderr(text),
    });
  }

  /** The input line for a device name ("Pin(0)", "ADC(26)", "Switch"), created at `initial`. */
  input(device: string, initial = 0): InputLine {
    let line = this.inputs.get(device);
    if (line === undefined) {
      line = { value: initial, listeners: new Set() };
      this.inputs.set(device, line);
    }
    return line;
  }

  /** Drives an input to `value`, telling listeners (IRQs) about the change. */
  setInput(device: string, value: number): void {
    const line = this.input(device);
    const previous = line.value;
    line.value = value;
    if (previous !== value) for (const listener of [...line.listeners]) listener(previous, value);
    this.runScheduled();
  }

  /** Told about every output change (the CLI's live pin view). */
  onOutput: ((change: TimelineEntry) => void) | undefined;

  /** Output change for the timeline, stamped with the board clock. */
  recordOutput(device: string, value: number): void {
    const timeMs = this.clock.nowUs() / 1000;
    if (this.timeline.record(timeMs, device, value)) this.onOutput?.({ time_ms: timeMs, device, value });
  }

  runScheduled(): void {
    for (let callback = this.scheduled.shift(); callback !== undefined; callback = this.scheduled.shift()) callback();
  }
}

const slot = Symbol.for("tsmp.runtime");
type RuntimeHolder = { [slot]?: Runtime };

/** The board the facade modules act on; created on first use (virtual clock). */
export function runtime(): Runtime {
  const holder = globalThis as RuntimeHolder;
  return (holder[slot] ??= new Runtime());
}

/** Starts a fresh board (new clock, loop, timeline); the runner and tests call this before a program. */
export function resetRuntime(options: { realtime?: boolean } = {}): Runtime {
  const fresh = new Runtime(options);
  (globalThis as RuntimeHolder)[slot] = fresh;
  return fresh;
}
