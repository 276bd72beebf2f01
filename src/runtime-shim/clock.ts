import { performance } from "node:perf_hooks";

/** Something that happens at a set time on the clock: a Timer firing, a scripted button press. */
interface ClockEvent {
  readonly atUs: number;
  readonly seq: number;
  readonly run: () => void;
  cancelled: boolean;
}

export interface ClockEventHandle {
  cancel(): void;
}

/**
 * The board's time base. Virtual by default: time stands still while code runs and jumps to
 * the next thing that is due, so a 10 s blink test takes milliseconds. In real-time mode it
 * follows the wall clock.
 *
 * Hardware events (timer callbacks, scripted inputs) live here rather than in the asyncio
 * scheduler because on a board they are interrupts: they fire whether or not a loop runs,
 * including in the middle of a blocking `time.sleep_ms`.
 */
export class Clock {
  private virtualUs = 0;
  private readonly originMs = performance.now();
  private readonly events: ClockEvent[] = [];
  private seq = 0;
  private firing = false;

  /** Set by tests: time may not pass this point (SimulationLimitReached is thrown instead). */
  limitMs: number | undefined;

  constructor(readonly realtime: boolean) {}

  /** Microseconds since the board started. */
  nowUs(): number {
    return this.realtime ? Math.floor((performance.now() - this.originMs) * 1000) : this.virtualUs;
  }

  nowMs(): number {
    return Math.floor(this.nowUs() / 1000);
  }

  /** Runs `run` when the clock reaches `atMs` (immediately at the next advance if already past). */
  at(atMs: number, run: () => void): ClockEventHandle {
    const event: ClockEvent = { atUs: Math.round(atMs * 1000), seq: this.seq++, run, cancelled: false };
    this.events.push(event);
    this.events.sort((a, b) => a.atUs - b.atUs || a.seq - b.seq);
    return {
      cancel: () => {
        event.cancelled = true;
        const index = this.events.indexOf(event);
        if (index >= 0) this.events.splice(index, 1);
      },
    };
  }

  /** When the next hardware event is due, in ms, or undefined when none is pending. */
  nextEventMs(): number | undefined {
    const next = this.events[0];
    return next === undefined ? undefined : next.atUs / 1000;
  }

  /**
   * Moves virtual time forward to `ms`, firing each due event at its own time on the way.
   * In real-time mode it only fires the events whose time has come.
   */
  advanceTo(ms: number): void {
    const limited = this.limitMs !== undefined && ms > this.limitMs;
    const targetUs = Math.round((limited ? this.limitMs! : ms) * 1000);
    this.fireDue(targetUs);
    if (!this.realtime && targetUs > this.virtualUs) this.virtualUs = targetUs;
    if (limited) throw new SimulationLimitReached(this.limitMs!);
  }

  /** A blocking sleep (`time.sleep_ms`): the whole board stops, but interrupts still fire. */
  sleepBlocking(ms: number): void {
    const untilUs = this.nowUs() + Math.max(0, Math.round(ms * 1000));
    if (!this.realtime) {
      this.advanceTo(untilUs / 1000);
      return;
    }
    for (;;) {
      if (this.limitMs !== undefined && this.nowUs() >= this.limitMs * 1000) throw new SimulationLimitReached(this.limitMs);
      this.fireDue(this.nowUs());
      const now = this.nowUs();
      if (now >= untilUs) return;
      const nextUs = Math.min(untilUs, this.events[0]?.atUs ?? untilUs);
      blockFor(Math.max(0, (nextUs - now) / 1000));
    }
  }

  private fireDue(limitUs: number): void {
    // An event handler that sleeps must not re-enter the queue it is being run from.
    if (this.firing) return;
    this.firing = true;
    try {
      for (;;) {
        const next = this.events[0];
        if (next === undefined || next.atUs > Math.max(limitUs, this.realtime ? this.nowUs() : limitUs)) return;
        this.events.shift();
        if (!this.realtime && next.atUs > this.virtualUs) this.virtualUs = next.atUs;
        if (!next.cancelled) next.run();
      }
    } finally {
      this.firing = false;
    }
  }
}

/** A test's time limit was reached: the run stops here (not an error of the program). */
export class SimulationLimitReached extends Error {
  constructor(readonly atMs: number) {
    super(`simulation stopped at ${atMs} ms`);
    this.name = "SimulationLimitReached";
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function blockFor(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
