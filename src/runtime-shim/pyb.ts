/**
 * `tsmp/pyb` ⇔ MicroPython's `pyb` (pyboard): LEDs and the USR switch, simulated.
 * https://docs.micropython.org/en/latest/library/pyb.html
 */
import { ValueError } from "./exceptions.js";
import { SWITCH_DEVICE } from "./board-devices.js";
import { runtime } from "./runtime.js";

/** One of the pyboard's LEDs (1 red, 2 green, 3 yellow, 4 blue). The timeline shows 0–1. */
export class LED {
  private level = 0;
  private readonly device: string;
  private readonly rt = runtime();

  constructor(id: number) {
    if (!Number.isInteger(id) || id < 1 || id > 4) throw new ValueError(`LED(${id}) doesn't exist`);
    this.device = `LED(${id})`;
  }

  on(): void {
    this.set(255);
  }

  off(): void {
    this.set(0);
  }

  toggle(): void {
    this.set(this.level > 0 ? 0 : 255);
  }

  /** Gets or sets the brightness, 0–255 (LEDs 3 and 4 dim; others are on above 0). */
  intensity(): number;
  intensity(value: number): void;
  intensity(value?: number): number | void {
    if (value === undefined) return this.level;
    this.set(Math.max(0, Math.min(255, Math.trunc(value))));
  }

  private set(level: number): void {
    this.level = level;
    this.rt.recordOutput(this.device, level / 255);
  }

  toString(): string {
    return this.device;
  }
}

/** The USR switch; tests press it through `tsmp/testing`. */
export class Switch {
  private listener: ((previous: number, next: number) => void) | null = null;
  private readonly rt = runtime();

  /** True while the switch is pressed. */
  value(): boolean {
    return this.rt.input(SWITCH_DEVICE).value !== 0;
  }

  /** Calls `fun()` each time the switch is pressed; `null` removes it. */
  callback(fun: (() => void) | null): void {
    const line = this.rt.input(SWITCH_DEVICE);
    if (this.listener !== null) line.listeners.delete(this.listener);
    this.listener = null;
    if (fun === null) return;
    this.listener = (previous, next) => {
      if (previous === 0 && next !== 0) fun();
    };
    line.listeners.add(this.listener);
  }
}

/** Blocks for `ms` milliseconds. */
export function delay(ms: number): void {
  runtime().clock.sleepBlocking(ms);
}

/** Blocks for `us` microseconds. */
export function udelay(us: number): void {
  runtime().clock.sleepBlocking(us / 1000);
}

/** Milliseconds since the board started. */
export function millis(): number {
  return runtime().clock.nowMs();
}

/** Microseconds since the board started. */
export function micros(): number {
  return runtime().clock.nowUs();
}

/** Milliseconds since `start` (a `millis()` value). */
export function elapsed_millis(start: number): number {
  return millis() - start;
}

/** Microseconds since `start` (a `micros()` value). */
export function elapsed_micros(start: number): number {
  return micros() - start;
}
