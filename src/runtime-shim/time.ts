/**
 * `tsmp/time` ⇔ MicroPython's `time`, on the simulated board's clock (virtual by default).
 * https://docs.micropython.org/en/latest/library/time.html
 */
import { runtime } from "./runtime.js";

/** MicroPython's ticks wrap at 2**30 on most ports; ticks_diff/ticks_add honour that. */
const TICKS_PERIOD = 1 << 30;
const TICKS_MAX = TICKS_PERIOD - 1;
const TICKS_HALFPERIOD = TICKS_PERIOD >> 1;

/** Seconds from 2000-01-01 (MicroPython's embedded epoch) to the start of the board's clock. */
const BOARD_EPOCH_OFFSET_S = 0;

/** Blocks for `seconds` (may be a float). On the virtual clock time jumps; interrupts still fire. */
export function sleep(seconds: number): void {
  blockFor(seconds * 1000);
}

/** Blocks for `ms` milliseconds. */
export function sleep_ms(ms: number): void {
  blockFor(Math.trunc(ms));
}

/** Blocks for `us` microseconds. */
export function sleep_us(us: number): void {
  blockFor(Math.trunc(us) / 1000);
}

/** A board runs what `micropython.schedule` queued whenever it waits, before the wait. */
function blockFor(ms: number): void {
  const rt = runtime();
  rt.runScheduled();
  rt.clock.sleepBlocking(ms);
}

/** A millisecond counter that wraps; compare values only with `ticks_diff`. */
export function ticks_ms(): number {
  return runtime().clock.nowMs() & TICKS_MAX;
}

/** A microsecond counter that wraps; compare values only with `ticks_diff`. */
export function ticks_us(): number {
  return runtime().clock.nowUs() & TICKS_MAX;
}

/** The highest-resolution counter; on the simulated board it counts microseconds. */
export function ticks_cpu(): number {
  return ticks_us();
}

/** `ticks` moved by `delta` (may be negative), wrapped like the counters. */
export function ticks_add(ticks: number, delta: number): number {
  return (((ticks + delta) % TICKS_PERIOD) + TICKS_PERIOD) & TICKS_MAX;
}

/** The signed difference `ticks1 - ticks2`, correct across one wrap of the counter. */
export function ticks_diff(ticks1: number, ticks2: number): number {
  return ((ticks1 - ticks2 + TICKS_HALFPERIOD) & TICKS_MAX) - TICKS_HALFPERIOD;
}

/** Seconds since the epoch (2000-01-01 on MicroPython's embedded ports), an integer. */
export function time(): number {
  return BOARD_EPOCH_OFFSET_S + Math.floor(runtime().clock.nowMs() / 1000);
}

/** Nanoseconds since the epoch. */
export function time_ns(): bigint {
  return BigInt(BOARD_EPOCH_OFFSET_S) * 1_000_000_000n + BigInt(runtime().clock.nowUs()) * 1000n;
}

/** (year, month, mday, hour, minute, second, weekday, yearday), as MicroPython returns it. */
export type TimeTuple = [number, number, number, number, number, number, number, number];

const EPOCH_2000_MS = Date.UTC(2000, 0, 1);

/** Converts seconds since 2000-01-01 (default: now) to a UTC time tuple. */
export function gmtime(secs?: number): TimeTuple {
  const date = new Date(EPOCH_2000_MS + (secs ?? time()) * 1000);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const yearday = Math.floor((date.getTime() - yearStart) / 86_400_000) + 1;
  // MicroPython's weekday counts Monday as 0.
  const weekday = (date.getUTCDay() + 6) % 7;
  return [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    weekday,
    yearday,
  ];
}

/** Local time; the simulated board's RTC runs in UTC. */
export function localtime(secs?: number): TimeTuple {
  return gmtime(secs);
}

/** The inverse of `localtime`: seconds since 2000-01-01. */
export function mktime(t: readonly number[]): number {
  const [year = 2000, month = 1, mday = 1, hour = 0, minute = 0, second = 0] = t;
  return Math.floor((Date.UTC(year, month - 1, mday, hour, minute, second) - EPOCH_2000_MS) / 1000);
}
