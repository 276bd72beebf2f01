/**
 * How the simulated board's clock runs. `realtime`: waits take as long as on a board.
 * `fast-forward`: when every task is waiting, the clock jumps to the next wake-up instead of
 * waiting for it; time spent computing still counts, so the order in which things happen is the
 * board's, only the idle stretches are skipped (a 10 s blink finishes in a fraction of a second).
 */
export type BoardClockMode = "realtime" | "fast-forward";

/** A board waiting for "nothing in particular" waits in slices, so an interrupt is seen. */
const FOREVER = Number.POSITIVE_INFINITY;

export class BoardClock {
  private skippedMs = 0;
  private readonly startedAt = performance.now();

  constructor(
    readonly mode: BoardClockMode,
    /** Element 0 non-zero = interrupt requested; Atomics.notify on it wakes a waiting board. */
    private readonly interrupt: Int32Array,
  ) {}

  /** Milliseconds of board time since the board started. */
  elapsedMs(): number {
    return performance.now() - this.startedAt + this.skippedMs;
  }

  /** Board time skipped by fast-forwarding so far. */
  get skipped(): number {
    return this.skippedMs;
  }

  /** Waits `ms` of board time (a negative value: until interrupted), returning early on an interrupt. */
  sleep(ms: number): void {
    if (ms >= 0 && this.mode === "fast-forward") {
      this.skippedMs += ms;
      return;
    }
    // Atomics.wait blocks this thread without spinning, and wakes as soon as the interrupt is signalled.
    Atomics.wait(this.interrupt, 0, 0, ms < 0 ? FOREVER : ms);
  }

  /**
   * Runs `action` (which runs Python) with the VM seeing board time. The VM reads its clock
   * (time.ticks_ms, and the ticks asyncio's C task queue stamps pushed tasks with) from
   * Date.now(); while fast-forwarding, Date.now() is shifted by the skipped time for just as
   * long as the VM runs, so every clock the program can see agrees.
   */
  run<T>(action: () => T): T {
    if (this.mode === "realtime") return action();
    const realNow = Date.now;
    Date.now = () => realNow() + Math.floor(this.skippedMs);
    try {
      return action();
    } finally {
      Date.now = realNow;
    }
  }
}
