/**
 * `tsmp/random` ⇔ MicroPython's `random`. The numbers come from the generator MicroPython uses
 * (Ilya Levin's public-domain Yasmarang, 32-bit state), so after `seed(n)` a program draws the
 * same sequence on Node as on the MicroPython VM. Unseeded, both start from a seed of their own.
 * `random()` and `uniform()` fill a double's 52 fraction bits, as a port with double floats does
 * (a port with single-precision floats, such as the ESP32's, draws different floats).
 * https://docs.micropython.org/en/latest/library/random.html
 */
import { randomBytes } from "node:crypto";
import { IndexError, ValueError } from "./exceptions.js";

/** Yasmarang's state: `pad` and the two odd-ish multipliers, plus one byte of feedback. */
const state = { pad: 0, n: 69, d: 233, dat: 0 };
seed(randomBytes(4).readUInt32LE());

/** One 32-bit draw. */
function next(): number {
  state.pad = (state.pad + state.dat + Math.imul(state.d, state.n)) >>> 0;
  state.pad = ((state.pad << 3) | (state.pad >>> 29)) >>> 0;
  state.n = (state.pad | 2) >>> 0;
  state.d = (state.d ^ (((state.pad << 31) + (state.pad >>> 1)) >>> 0)) >>> 0;
  state.dat = (state.dat ^ state.pad ^ (state.d >>> 8) ^ 1) & 0xff;
  return (state.pad ^ (state.d << 5) ^ (state.pad >>> 18) ^ (state.dat << 1)) >>> 0;
}

/** A whole number in [0, n), drawn with the smallest bit mask that covers n and retried above it. */
function below(n: number): number {
  let mask = 1;
  while ((n & mask) >>> 0 < n) mask = ((mask << 1) | 1) >>> 0;
  for (;;) {
    const r = (next() & mask) >>> 0;
    if (r < n) return r;
  }
}

/** A float in [0, 1): 52 fraction bits from two draws (the high 20 bits of the first, then the second). */
function fraction(): number {
  const high = next() & 0xfffff;
  const low = next();
  return (high * 2 ** 32 + low) / 2 ** 52;
}

/** Restarts the sequence: the same seed gives the same numbers afterwards. */
export function seed(n?: number): void {
  if (n === undefined) n = randomBytes(4).readUInt32LE();
  state.pad = Number(BigInt.asUintN(32, BigInt(Math.trunc(n))));
  state.n = 69;
  state.d = 233;
  state.dat = 0;
}

/** An integer of `n` random bits (0 ≤ n ≤ 32). */
export function getrandbits(n: number): number {
  if (n > 32 || n < 0) throw new ValueError("bits must be 32 or less");
  if (n === 0) return 0;
  return (next() & (0xffffffff >>> (32 - n))) >>> 0;
}

/** An integer from `range(stop)`, `range(start, stop)` or `range(start, stop, step)`. */
export function randrange(start: number, stop?: number, step?: number): number {
  if (stop === undefined) {
    if (start > 0) return below(start);
  } else if (step === undefined) {
    if (start < stop) return start + below(stop - start);
  } else {
    // C's truncating division, as MicroPython computes the number of choices.
    const count = step > 0 ? Math.trunc((stop - start + step - 1) / step) : step < 0 ? Math.trunc((stop - start + step + 1) / step) : 0;
    if (count > 0) return start + step * below(count);
  }
  throw new ValueError();
}

/** An integer in [a, b], both ends included. */
export function randint(a: number, b: number): number {
  if (a > b) throw new ValueError();
  return a + below(b - a + 1);
}

/** One element of a non-empty sequence. */
export function choice<T>(sequence: ArrayLike<T>): T {
  if (sequence.length === 0) throw new IndexError();
  return sequence[below(sequence.length)]!;
}

/** A float in [0, 1). */
export function random(): number {
  return fraction();
}

/** A float in [a, b) (or [b, a) when b < a). */
export function uniform(a: number, b: number): number {
  return a + (b - a) * fraction();
}
