/**
 * What the board's Python is doing, shared between the wire (main thread) and the board
 * (worker thread) through a SharedArrayBuffer. A board's UART interrupt handler turns Ctrl-C
 * into a KeyboardInterrupt only while Python runs; the wire plays that handler here, so it must
 * know, without asking the busy worker, whether Python is running.
 */

/** Which code was running, so a board restarted after a forced stop can end it as a board would. */
export const RunContext = {
  friendlyRepl: 0,
  rawRepl: 1,
  bootPy: 2,
  mainPy: 3,
} as const;
export type RunContext = (typeof RunContext)[keyof typeof RunContext];

/**
 * Element 0 is the interrupt request in the layout the board modules expect
 * (BoardHooks.interrupt in src/sim/board-modules.ts): 1 = Ctrl-C not yet picked up.
 */
const INTERRUPT = 0;
const RUNNING = 1;
const CONTEXT = 2;
/** Bytes the board has transmitted that have not reached the host's pty yet. */
const UNSENT = 3;
/** Counts input messages sent to the board, so a board waiting in input() can sleep until one comes. */
const INPUT_SEQUENCE = 4;

export class SharedRunState {
  readonly words: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(5 * Int32Array.BYTES_PER_ELEMENT)) {
    this.words = new Int32Array(buffer);
  }

  /** Worker: Python starts running `context`; a Ctrl-C from before does not count. */
  beginRun(context: RunContext): void {
    Atomics.store(this.words, CONTEXT, context);
    Atomics.store(this.words, INTERRUPT, 0);
    Atomics.store(this.words, RUNNING, 1);
  }

  /** Worker: Python stopped; true if a Ctrl-C arrived that Python never picked up. */
  endRun(): boolean {
    Atomics.store(this.words, RUNNING, 0);
    return Atomics.exchange(this.words, INTERRUPT, 0) === 1;
  }

  /** Wire: Ctrl-C arrived; true if it became an interrupt request (Python is running). */
  requestInterrupt(): boolean {
    if (Atomics.load(this.words, RUNNING) === 0) return false;
    Atomics.store(this.words, INTERRUPT, 1);
    Atomics.notify(this.words, INTERRUPT);
    // A board waiting in input() waits on the input word.
    Atomics.add(this.words, INPUT_SEQUENCE, 1);
    Atomics.notify(this.words, INPUT_SEQUENCE);
    return true;
  }

  /** Worker: claims a pending interrupt request (Python is to raise KeyboardInterrupt). */
  takeInterrupt(): boolean {
    return Atomics.exchange(this.words, INTERRUPT, 0) === 1;
  }

  /** Wire: whether running Python still has not picked up a Ctrl-C. */
  get interruptPending(): boolean {
    return Atomics.load(this.words, RUNNING) === 1 && Atomics.load(this.words, INTERRUPT) === 1;
  }

  /** Worker: `count` more bytes are on their way to the host. */
  addUnsent(count: number): void {
    Atomics.add(this.words, UNSENT, count);
  }

  /** Wire: `count` bytes reached the host's pty (or were lost with the cable). */
  markSent(count: number): void {
    Atomics.sub(this.words, UNSENT, count);
    Atomics.notify(this.words, UNSENT);
  }

  /** Wire: the cable is gone, and with it everything on its way. */
  clearUnsent(): void {
    Atomics.store(this.words, UNSENT, 0);
    Atomics.notify(this.words, UNSENT);
  }

  /**
   * Worker: waits while more than `limit` bytes are still on their way, as a board's write
   * blocks on a full USB buffer. Gives up (false: the bytes are to be dropped) once nothing has
   * moved for `stallMs`, as when no host is reading.
   */
  waitForRoom(limit: number, stallMs: number): boolean {
    let unsent = Atomics.load(this.words, UNSENT);
    while (unsent > limit) {
      if (Atomics.wait(this.words, UNSENT, unsent, stallMs) === "timed-out") return false;
      unsent = Atomics.load(this.words, UNSENT);
    }
    return true;
  }

  /** Wire: an input message is on its way to the board. */
  noteInput(): void {
    Atomics.add(this.words, INPUT_SEQUENCE, 1);
    Atomics.notify(this.words, INPUT_SEQUENCE);
  }

  get inputSequence(): number {
    return Atomics.load(this.words, INPUT_SEQUENCE);
  }

  /** Worker: sleeps until more input was noted after `sequence`, a Ctrl-C arrives, or `ms` pass. */
  waitForInput(sequence: number, ms: number): void {
    Atomics.wait(this.words, INPUT_SEQUENCE, sequence, ms);
  }

  get context(): RunContext {
    return Atomics.load(this.words, CONTEXT) as RunContext;
  }
}
