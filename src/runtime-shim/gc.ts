/**
 * `tsmp/gc` ⇔ MicroPython's `gc`. On Node there is no MicroPython heap: the simulated board
 * reports a fixed heap (that of a large ESP32 board) with a constant amount in use, so memory
 * checks in a program run, and real numbers come from `--target micropython` or a board.
 * https://docs.micropython.org/en/latest/library/gc.html
 */

/** The simulated board's heap, in bytes. */
const HEAP_SIZE = 1024 * 1024;
const IN_USE = 16 * 1024;

let enabled = true;
let allocationThreshold = -1;

/** Turns automatic collection on. */
export function enable(): void {
  enabled = true;
}

/** Turns automatic collection off (allocation still collects when the heap runs out). */
export function disable(): void {
  enabled = false;
}

export function isenabled(): boolean {
  return enabled;
}

/** Runs a collection. */
export function collect(): void {
  // Node collects on its own schedule; there is nothing for a program to wait for.
}

/** Bytes of heap in use. */
export function mem_alloc(): number {
  return IN_USE;
}

/** Bytes of heap free, or -1 when unknown. */
export function mem_free(): number {
  return HEAP_SIZE - IN_USE;
}

/** Gets, or sets, how many bytes may be allocated before a collection runs (-1: disabled). */
export function threshold(): number;
export function threshold(amount: number): void;
export function threshold(amount?: number): number | void {
  if (amount === undefined) return allocationThreshold;
  allocationThreshold = amount;
}
