/**
 * `tsmp/micropython` ⇔ MicroPython's `micropython` module.
 * https://docs.micropython.org/en/latest/library/micropython.html
 */
import { RuntimeError } from "./exceptions.js";
import { runtime } from "./runtime.js";

/** Depth of the schedule queue on most ports; `schedule` raises RuntimeError beyond it. */
const SCHEDULE_QUEUE_DEPTH = 8;

/** Declares a constant the compiler may inline; returns its argument. */
function const_<T extends number | string | boolean>(expr: T): T {
  return expr;
}
export { const_ as const };

/**
 * Runs `func(arg)` "very soon" from the main context (outside IRQs), as MicroPython's scheduler
 * does: a board may run it between two bytecodes of the running code; Node, which cannot stop
 * synchronous code, at the program's next wait (a sleep, an asyncio pass), as the host VM does.
 */
export function schedule<T>(func: (arg: T) => void, arg: T): void {
  const queue = runtime().scheduled;
  if (queue.length >= SCHEDULE_QUEUE_DEPTH) throw new RuntimeError("schedule queue full");
  queue.push(() => func(arg));
}

/** Reserves RAM for exceptions raised in IRQs; nothing to reserve on Node. */
export function alloc_emergency_exception_buf(size: number): void {
  void size;
}

let optimisationLevel = 0;

/** Gets or sets the compiler's optimisation level (0–3). */
export function opt_level(): number;
export function opt_level(level: number): void;
export function opt_level(level?: number): number | void {
  if (level === undefined) return optimisationLevel;
  optimisationLevel = level;
}

/** Prints memory information (the simulated board has no heap to report). */
export function mem_info(verbose?: number): void {
  void verbose;
  runtime().stdout("stack: 0 out of 0\nGC: total: 0, used: 0, free: 0\n");
}

/** Prints interned-string information (none on the simulated board). */
export function qstr_info(verbose?: number): void {
  void verbose;
  runtime().stdout("qstr pool: n_pool=0, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n");
}

/** Stack in use, in bytes (not measured on Node). */
export function stack_use(): number {
  return 0;
}

let heapLockDepth = 0;

/**
 * Locks the heap: MicroPython then raises MemoryError on any allocation until `heap_unlock`
 * (not enforced on Node, which has no MicroPython heap). Locks nest.
 */
export function heap_lock(): void {
  heapLockDepth++;
}

/** Undoes one `heap_lock`; returns how many locks remain (0: the heap is unlocked). */
export function heap_unlock(): number {
  heapLockDepth = Math.max(0, heapLockDepth - 1);
  return heapLockDepth;
}

/** Sets the character that raises KeyboardInterrupt (-1 disables it); no effect on Node. */
export function kbd_intr(chr: number): void {
  void chr;
}
