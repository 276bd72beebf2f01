/**
 * How the simulated board's clock runs.
 * - `realtime`: waits take as long as on a board; computing takes as long as the VM needs.
 * - `virtual`: the clock stands still while Python computes and jumps to the next wake-up when
 *   every task waits, the way the Node shim's virtual clock runs. The tasks still run on
 *   MicroPython's own scheduler, so their order is the board's whenever their computation is
 *   short next to the millisecond ticks (a 10 s blink finishes in a fraction of a second, the
 *   same way every time).
 */
export type BoardClockMode = "realtime" | "virtual";

/**
 * A program that busy-waits on ticks_ms() would never see a standing clock move; after this many
 * clock reads without a wait, each read moves the virtual clock on by a microsecond.
 */
const READS_BEFORE_CREEP = 10_000;
const CREEP_US = 1;

export class BoardClock {
  private readonly startedAt = performance.now();
  private virtualEpoch = Date.now();
  /** Virtual board time in whole microseconds, so that sub-millisecond waits add up exactly. */
  private virtualUs = 0;
  /** The RTC's setting (seconds since 2000-01-01 at board time `setAtMs`); it outlives resets. */
  rtc = { seconds: 0, setAtMs: 0 };
  /** RTC.memory(): like the RTC, it outlives resets and deep sleep (a board's RTC memory does). */
  rtcMemory = new Uint8Array();
  /** What ended the last deep sleep (machine.wake_reason() after it): kept in the RTC domain through the reset. */
  deepSleepWake = 0;
  private readsSinceWait = 0;

  constructor(
    readonly mode: BoardClockMode,
    /** Element 0 non-zero = interrupt requested; Atomics.notify on it wakes a waiting board. */
    private readonly interrupt: Int32Array,
  ) {}

  /** Milliseconds of board time since the board started. */
  elapsedMs(): number {
    return this.mode === "virtual" ? this.virtualUs / 1000 : performance.now() - this.startedAt;
  }

  /** A virtual clock stops here (tests' run length): the program is interrupted at this time. */
  limitMs: number | undefined;
  /** Set once the clock has reached `limitMs`. */
  limitReached = false;

  /**
   * Lines the virtual clock up with a VM's ticks_ms, which count from the moment the VM loaded
   * (its MP_JS_EPOCH): afterwards ticks_ms() reads the board time exactly, in a VM started after
   * a reset as well. `vmEpoch` is Date.now() minus the VM's ticks_ms(), read on the real clock.
   */
  alignTo(vmEpoch: number): void {
    this.virtualEpoch = vmEpoch;
  }

  /** Waits `ms` of board time (a negative value: until interrupted), returning early on an interrupt. */
  sleep(ms: number): void {
    if (this.mode === "virtual" && (ms >= 0 || this.limitMs !== undefined)) {
      const targetUs = ms >= 0 ? this.virtualUs + Math.round(ms * 1000) : Number.POSITIVE_INFINITY;
      const limitUs = this.limitMs === undefined ? Number.POSITIVE_INFINITY : Math.round(this.limitMs * 1000);
      this.virtualUs = Math.max(this.virtualUs, Math.min(targetUs, limitUs));
      this.readsSinceWait = 0;
      if (targetUs > limitUs) {
        // The run is over: the program stops at its next check, as with Ctrl-C.
        this.limitReached = true;
        Atomics.store(this.interrupt, 0, 1);
      }
      return;
    }
    // Atomics.wait blocks this thread without spinning, and wakes as soon as the interrupt is signalled.
    Atomics.wait(this.interrupt, 0, 0, ms < 0 ? Number.POSITIVE_INFINITY : ms);
  }

  /**
   * Runs `action` (a synchronous VM call) with the VM on board time. The VM reads its clock
   * (time.ticks_ms, and the ticks asyncio's C task queue stamps pushed tasks with) from
   * Date.now(); on a virtual clock, Date.now() answers with board time for just as long as the
   * VM runs, so every clock the program can see agrees.
   */
  run<T>(action: () => T): T {
    if (this.mode === "realtime") return action();
    const realNow = Date.now;
    Date.now = () => {
      if (++this.readsSinceWait > READS_BEFORE_CREEP) this.virtualUs += CREEP_US;
      return this.virtualEpoch + this.virtualUs / 1000;
    };
    try {
      return action();
    } finally {
      Date.now = realNow;
    }
  }
}
