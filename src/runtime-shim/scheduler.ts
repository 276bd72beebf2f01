import type { Clock } from "./clock.js";
import { isCoroutine, promiseDriven, type Coroutine } from "./coroutine.js";
import type { Wakeable } from "./first-use-promise.js";
import { AssertionError, CancelledError, RuntimeError } from "./exceptions.js";
import { RunQueue, WaitingTasks, type Queued } from "./task-queue.js";
import { TsmpError } from "../errors.js";

/** A place a parked task can be pulled out of when it is cancelled (MicroPython's `task.data`). */
export interface Parking {
  remove(task: Task<unknown>): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

type Settle = (value: unknown) => void;
type Callback = ((value: unknown) => unknown) | null | undefined;

/**
 * How a parked task is resumed. For a `then` on an awaitable (what `await` calls), the
 * callbacks are called directly at resume time and settle the promise `then` returned: a
 * chained promise would add two microtask hops to every task switch.
 */
class Waker implements Wakeable {
  constructor(
    /** Computes the resume value at resume time (awaiting a task reads its result then). */
    private readonly produce: (() => unknown) | undefined,
    private readonly settle: Settle,
    private readonly fail: Settle,
    private readonly onfulfilled: Callback = undefined,
    private readonly onrejected: Callback = undefined,
  ) {}

  resume(): void {
    let value: unknown;
    try {
      value = this.produce === undefined ? undefined : this.produce();
    } catch (error) {
      this.throwIn(error);
      return;
    }
    this.call(this.onfulfilled, value, this.settle);
  }

  throwIn(error: unknown): void {
    this.call(this.onrejected, error, this.fail);
  }

  private call(callback: Callback, argument: unknown, otherwise: Settle): void {
    if (typeof callback !== "function") {
      otherwise(argument);
      return;
    }
    try {
      this.settle(callback(argument));
    } catch (error) {
      this.fail(error);
    }
  }
}

/** A done-callback registered by `gather` instead of a waiting task. */
type DoneCallback = (task: Task<unknown>, outcome: Outcome) => void;

/** The context a Loop exception handler receives, as MicroPython passes it (a dict). */
export type ExceptionContext = {
  message: string;
  exception: unknown;
  future: Task<unknown>;
};

/** Settles like a JS promise so `.then/.catch/.finally` work on everything the facade returns. */
export abstract class Awaitable<T> implements PromiseLike<T> {
  abstract then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>;

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then(
      (value) => {
        onfinally?.();
        return value;
      },
      (reason: unknown) => {
        onfinally?.();
        throw reason;
      },
    );
  }
}

/**
 * asyncio.Task: a coroutine scheduled on the loop. Awaiting it returns its value or raises
 * its exception; `cancel()` throws CancelledError into it at its current await point.
 */
export class Task<T> extends Awaitable<T> implements Queued {
  /** @internal run-queue bookkeeping */
  key = 0;
  /** @internal */
  seq = 0;
  /** @internal */
  heapIndex = -1;
  /** @internal what the parked task waits in: a primitive's queue, or another task it awaits */
  waitingOn: Parking | Task<unknown> | null = null;
  /** @internal an exception to throw in at the next step (a cancellation) */
  pendingError: unknown = undefined;
  /** @internal */
  waker: Wakeable | null = null;
  /** @internal */
  started = false;
  /** @internal */
  outcome: Outcome | null = null;
  /** @internal tasks awaiting this one */
  waiters: WaitingTasks<Task<unknown>> | null = null;
  /** @internal */
  doneCallback: DoneCallback | null = null;
  /** @internal whether someone took this task's result (MicroPython's state False vs None) */
  retrieved = false;

  /** @internal tasks are made by `create_task` */
  constructor(
    /** @internal */ readonly coro: PromiseLike<T>,
    private readonly scheduler: Scheduler,
  ) {
    super();
  }

  /** True once the task has finished (returned, raised or been cancelled). */
  done(): boolean {
    return this.outcome !== null;
  }

  /** Cancels the task; returns false if it had already finished. */
  cancel(): boolean {
    return this.scheduler.cancel(this as Task<unknown>);
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.scheduler.awaitTask(this as Task<unknown>, onfulfilled as Callback, onrejected as Callback) as Promise<R1 | R2>;
  }

  override toString(): string {
    return `<Task>`;
  }

  /** @internal the result, or throws the task's exception */
  result(): T {
    const outcome = this.outcome;
    if (outcome === null) throw new RuntimeError("task not done");
    if (!outcome.ok) throw outcome.error;
    return outcome.value as T;
  }
}

/** Something the loop polls for readiness: a socket, a server, a ThreadSafeFlag, a UART. */
export interface IoSource {
  readable(): boolean;
  writable(): boolean;
  /**
   * True for the board's own peripherals (a UART): they turn ready only at board-clock events,
   * so waiting for them is waiting for the clock, not for the host's real world.
   */
  readonly boardClocked?: boolean;
}

/** MicroPython's IOQueue: at most one reader and one writer task per source. */
class IoQueue implements Parking {
  private readonly entries = new Map<IoSource, { reader: Task<unknown> | null; writer: Task<unknown> | null }>();

  constructor(private readonly scheduler: Scheduler) {}

  get waiting(): boolean {
    return this.entries.size > 0;
  }

  /** Whether a waiting source becomes ready through the host (a socket), not the board clock. */
  get waitingOnHost(): boolean {
    // Checked on every pass of the loop: an empty queue answers without an iterator.
    if (this.entries.size === 0) return false;
    for (const source of this.entries.keys()) if (source.boardClocked !== true) return true;
    return false;
  }

  queue(source: IoSource, task: Task<unknown>, direction: "reader" | "writer"): void {
    const entry = this.entries.get(source);
    if (entry === undefined) {
      this.entries.set(source, { reader: null, writer: null, [direction]: task });
    } else {
      // MicroPython asserts the slot is free: a second reader of one stream (or one
      // ThreadSafeFlag) gets an AssertionError.
      if (entry[direction] !== null) throw new AssertionError();
      entry[direction] = task;
    }
    task.waitingOn = this;
  }

  remove(task: Task<unknown>): void {
    // As in MicroPython, cancelling a waiter drops the whole entry of its stream.
    for (const [source, entry] of this.entries) {
      if (entry.reader === task || entry.writer === task) this.entries.delete(source);
    }
  }

  poll(): void {
    if (this.entries.size === 0) return;
    for (const [source, entry] of this.entries) {
      if (entry.reader !== null && source.readable()) {
        this.scheduler.schedule(entry.reader);
        entry.reader = null;
      }
      if (entry.writer !== null && source.writable()) {
        this.scheduler.schedule(entry.writer);
        entry.writer = null;
      }
      if (entry.reader === null && entry.writer === null) this.entries.delete(source);
    }
  }
}

/** Every task waits and nothing (timer, input, socket) can ever wake one. */
export class AsyncioDeadlock extends TsmpError {}

export interface SchedulerHooks {
  /** Runs callbacks queued with `micropython.schedule`. */
  runScheduled(): void;
  stderr(text: string): void;
}

/** One `run_until_complete` in progress: the task it waits for, and how it ends. */
interface LoopRun {
  main: Task<unknown> | null;
  /** Whether `main` has had a step in this run (its outcome ends the run after that step). */
  mainStepped: boolean;
  /** Whether this pass already let Node's event loop turn (sockets, real-time timers). */
  yielded: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The event loop, designed after MicroPython's `run_until_complete`: one run queue ordered by
 * wake time (FIFO among equals), an IO queue polled before each step, exactly one task step
 * at a time. A step ends when the task parks on an asyncio primitive or finishes; the next
 * task starts only then, so prints interleave as on the board.
 *
 * The loop is driven from the end of each step rather than awaiting a promise per step: the
 * task that parks carries the loop on to the next step in the same microtask, which is what
 * makes a task switch cost little more than a native promise's resumption.
 */
export class Scheduler {
  readonly runQueue = new RunQueue<Task<unknown>>();
  readonly io = new IoQueue(this);
  current: Task<unknown> | null = null;
  exceptionHandler: ((context: ExceptionContext) => void) | null = null;
  /** Tasks parked on a JavaScript promise (awaitPromise); its settling queues them again. */
  promiseWaits = 0;
  /** The unqueued task `run_forever` waits for; `stop()` queues it. */
  stopTask: Task<unknown> | null = null;
  private run: LoopRun | null = null;
  /** True while `pump` is on the stack: a step that ends inside it lets it go on instead of nesting. */
  private pumping = false;
  /** True while the loop waits for a timer or IO between steps. */
  private waiting = false;
  private running = false;
  private wakeIdle: (() => void) | null = null;

  constructor(
    readonly clock: Clock,
    private readonly hooks: SchedulerHooks,
  ) {}

  ticks(): number {
    return this.clock.nowMs();
  }

  get isRunning(): boolean {
    return this.running;
  }

  createTask<T>(coro: PromiseLike<T>): Task<T> {
    if (!isCoroutineLike(coro)) throw new TypeError("coroutine expected");
    const task = new Task<T>(coro, this);
    this.schedule(task as Task<unknown>);
    return task;
  }

  /** Puts a task on the run queue, due now or at `key`; like MicroPython's push, it clears what it waited on. */
  schedule(task: Task<unknown>, key: number = this.ticks()): void {
    task.waitingOn = null;
    this.runQueue.push(task, key);
  }

  requireCurrent(): Task<unknown> {
    if (this.current === null) throw new RuntimeError("no running event loop");
    return this.current;
  }

  /**
   * The task whose code runs now: the running task, or, for an async call the Promise API runs
   * (startCoroutine), a task of its own, made when it first waits on asyncio, as the transpiled
   * program's JsPromise gives it one. That task is not queued until it parks; from then on the
   * loop resumes it like any other.
   */
  parkingTask(): Task<unknown> {
    const call = promiseDriven.getStore();
    if (call === undefined) return this.requireCurrent();
    return (call.task ??= this.adopt(call.coroutine)) as Task<unknown>;
  }

  /**
   * Parks the task whose code runs now: `park` files it where it waits, `waker` resumes it. If
   * it is the running task, its step ends.
   */
  park(park: (task: Task<unknown>) => void, waker: Wakeable): void {
    const task = this.parkingTask();
    park(task);
    task.waker = waker;
    if (task === this.current) this.endStep();
  }

  /**
   * Parks the running task; `park` files it where it waits. Resolves when the loop resumes it
   * (with `produce()`'s value) or rejects with the exception thrown in (a cancellation).
   */
  suspend<V>(park: (task: Task<unknown>) => void, produce?: () => V): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.park(park, new Waker(produce, resolve as Settle, reject));
    });
  }

  /** A started Promise-driven call's task; its body's end is the task's end (not an error: the promise carries that). */
  private adopt(coroutine: Coroutine<unknown>): Task<unknown> {
    const task = new Task<unknown>(coroutine, this);
    task.started = true;
    const ended = () => this.finish(task, { ok: true, value: undefined }, null);
    // Its first wait comes from inside its body's first run, before `start()` has the body's
    // promise to give: ask for it once that run is over.
    queueMicrotask(() => void coroutine.start().then(ended, ended));
    return task;
  }

  /** `await task` from the running task: `then` on the task, resuming straight into the callbacks. */
  awaitTask(task: Task<unknown>, onfulfilled: Callback, onrejected: Callback): Promise<unknown> {
    const outcome = task.outcome;
    if (outcome !== null) {
      task.retrieved = true;
      return (outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error)).then(onfulfilled, onrejected);
    }
    if (task.doneCallback !== null) return Promise.reject(new RuntimeError("can't wait")).then(onfulfilled, onrejected);
    let waiter: Task<unknown>;
    try {
      waiter = this.parkingTask();
    } catch (error) {
      return Promise.reject(error).then(onfulfilled, onrejected);
    }
    return new Promise((resolve, reject) => {
      (task.waiters ??= new WaitingTasks()).push(waiter);
      waiter.waitingOn = task;
      waiter.waker = new Waker(() => task.result(), resolve, reject, onfulfilled, onrejected);
      if (waiter === this.current) this.endStep();
    });
  }

  cancel(task: Task<unknown>, error: unknown = new CancelledError()): boolean {
    if (task.outcome !== null) return false;
    if (task === this.current) throw new RuntimeError("can't cancel self");
    let target = task;
    // A task awaiting another task passes the cancellation on to that one, as in MicroPython.
    while (target.waitingOn instanceof Task) target = target.waitingOn;
    const now = this.ticks();
    if (target.waitingOn !== null) {
      target.waitingOn.remove(target);
      this.schedule(target, now);
    } else if (this.runQueue.has(target) && target.key > now) {
      this.runQueue.remove(target);
      this.schedule(target, now);
    }
    target.pendingError = error;
    return true;
  }

  /** Called by IO sources (socket data, ThreadSafeFlag.set) so an idle loop looks again. */
  wakeIo(): void {
    const wake = this.wakeIdle;
    this.wakeIdle = null;
    wake?.();
  }

  /** MicroPython's `run_until_complete(main_task)`; with no main task it runs until nothing is left. */
  async runUntilComplete(main: Task<unknown> | null): Promise<unknown> {
    if (this.running) throw new RuntimeError("asyncio loop already running");
    this.running = true;
    try {
      return await new Promise<unknown>((resolve, reject) => {
        this.run = { main, mainStepped: false, yielded: false, resolve, reject };
        this.pump();
      });
    } finally {
      this.run = null;
      this.running = false;
      this.current = null;
    }
  }

  /**
   * Runs passes of the loop until a step is in progress (its end calls this again), the loop
   * must wait (a timer, IO: the wait calls this again), or the run is over.
   */
  private pump(): void {
    const run = this.run;
    if (run === null || this.pumping) return;
    this.pumping = true;
    try {
      while (this.current === null && !this.waiting && this.run === run) this.pass(run);
    } catch (error) {
      this.endRun(run, () => run.reject(error));
    } finally {
      this.pumping = false;
    }
  }

  /** One pass: poll, then start the next due task's step, or arrange to wait. */
  private pass(run: LoopRun): void {
    const main = run.main;
    if (main !== null && run.mainStepped && main.outcome !== null) {
      const outcome = main.outcome;
      this.endRun(run, () => (outcome.ok ? run.resolve(outcome.value) : run.reject(outcome.error)));
      return;
    }
    // Socket events and real-time timers arrive through Node's event loop, which only turns
    // when the loop yields to it: do so on every pass while anything waits on IO.
    if (this.io.waitingOnHost && !run.yielded) {
      run.yielded = true;
      this.waitThenPump(run, new Promise((resolve) => setImmediate(resolve)));
      return;
    }
    run.yielded = false;
    if (this.clock.realtime) this.clock.advanceTo(this.clock.nowUs() / 1000);
    this.hooks.runScheduled();
    this.io.poll();
    const head = this.runQueue.peek();
    if (head === undefined) {
      if (!this.io.waiting && (main === null || main.outcome !== null)) this.endRun(run, () => run.resolve(undefined));
      else this.waitThenPump(run, this.idle(undefined));
      return;
    }
    if (head.key > this.ticks()) {
      this.waitThenPump(run, this.idle(head.key));
      return;
    }
    this.runQueue.pop();
    if (head === main) run.mainStepped = true;
    this.step(head, main);
  }

  /** Ends the run once: a pump on the stack sees `run` change and stops. */
  private endRun(run: LoopRun, settle: () => void): void {
    if (this.run !== run) return;
    this.run = null;
    this.current = null;
    settle();
  }

  /** Goes on with the loop once `waiting` settles; nothing may pump it meanwhile. */
  private waitThenPump(run: LoopRun, waiting: Promise<unknown>): void {
    this.waiting = true;
    waiting.then(
      () => {
        this.waiting = false;
        this.pump();
      },
      (error: unknown) => {
        this.waiting = false;
        this.endRun(run, () => run.reject(error));
      },
    );
  }

  /** Starts (or resumes) one step of `task`; it ends, now or later, with `endStep`. */
  private step(task: Task<unknown>, main: Task<unknown> | null): void {
    if (task.outcome !== null) {
      // A detached task ended with an exception and was queued once more: if nobody has
      // retrieved it since, report it through the loop's exception handler.
      if (!task.retrieved) this.reportUnretrieved(task);
      return;
    }
    this.current = task;
    if (!task.started) {
      task.started = true;
      if (task.pendingError !== undefined) {
        // Cancelled before it ever ran: the body never starts.
        this.finish(task, { ok: false, error: takePending(task) }, main);
        return;
      }
      try {
        task.coro.then(
          (value) => this.finish(task, { ok: true, value }, main),
          (error: unknown) => this.finish(task, { ok: false, error }, main),
        );
      } catch (error) {
        this.finish(task, { ok: false, error }, main);
      }
      return;
    }
    const waker = task.waker;
    task.waker = null;
    if (waker === null) {
      // Rescheduled by a cancellation while it was not parked: nothing to resume.
      this.endStep();
      return;
    }
    if (task.pendingError !== undefined) waker.throwIn(takePending(task));
    else waker.resume();
  }

  private finish(task: Task<unknown>, outcome: Outcome, main: Task<unknown> | null): void {
    task.outcome = outcome;
    task.waitingOn = null;
    task.pendingError = undefined;
    let awaited = task === main;
    if (task.doneCallback !== null) {
      const callback = task.doneCallback;
      task.doneCallback = null;
      callback(task, outcome);
      awaited = true;
    } else if (task.waiters !== null && task.waiters.size > 0) {
      for (let waiter = task.waiters.shift(); waiter !== undefined; waiter = task.waiters.shift()) this.schedule(waiter);
      awaited = true;
    }
    task.retrieved = awaited;
    if (!awaited && !outcome.ok && !(outcome.error instanceof CancelledError)) this.schedule(task);
    // A Promise-driven call's task may end outside a step (it never waited on asyncio again).
    if (task === this.current) this.endStep();
  }

  private endStep(): void {
    this.current = null;
    this.pump();
  }

  callExceptionHandler(context: ExceptionContext): void {
    (this.exceptionHandler ?? ((c: ExceptionContext) => this.defaultExceptionHandler(c)))(context);
  }

  defaultExceptionHandler(context: ExceptionContext): void {
    const coro = context.future.coro;
    const name = isCoroutine(coro) ? (coro as Coroutine<unknown>).name : "coro";
    this.hooks.stderr(`${context.message}\nfuture: <Task> coro= <generator object '${name}'>\n${describeException(context.exception)}\n`);
  }

  private reportUnretrieved(task: Task<unknown>): void {
    const outcome = task.outcome;
    if (outcome === null || outcome.ok) return;
    this.callExceptionHandler({ message: "Task exception wasn't retrieved", exception: outcome.error, future: task });
  }

  /** Waits for the next thing that can happen: a wake time, a hardware event, or IO. */
  private async idle(untilMs: number | undefined): Promise<void> {
    if (this.promiseWaits > 0) {
      // A promise a task waits for (awaitPromise) settles from a microtask: let those run, and
      // go on with a task they queued, before time moves on or the loop calls it a deadlock.
      await new Promise((resolve) => setImmediate(resolve));
      const head = this.runQueue.peek();
      if (head !== undefined && head.key <= this.ticks()) return;
      // A Promise-driven call may have parked its task meanwhile (an asyncio sleep).
      if (head !== undefined) untilMs = untilMs === undefined ? head.key : Math.min(untilMs, head.key);
    }
    const eventMs = this.clock.nextEventMs();
    let nextMs = untilMs === undefined ? eventMs : eventMs === undefined ? untilMs : Math.min(untilMs, eventMs);
    // A test's time limit counts as the next thing that happens: the clock stops there.
    if (this.clock.limitMs !== undefined && (nextMs === undefined || nextMs > this.clock.limitMs)) nextMs = this.clock.limitMs + 1;
    const waitingOnHost = this.io.waitingOnHost;
    if (nextMs === undefined && !waitingOnHost) {
      throw new AsyncioDeadlock(`asyncio: every task is waiting and nothing can wake one (at ${this.ticks()} ms)`);
    }
    if (!this.clock.realtime && !waitingOnHost) {
      this.clock.advanceTo(nextMs!);
      return;
    }
    // Real waiting: in real-time mode always; on the virtual clock only while a socket or
    // flag may still deliver something (virtual time then passes at wall-clock pace).
    const waitMs = nextMs === undefined ? undefined : Math.max(0, nextMs - this.clock.nowUs() / 1000);
    const woken = await new Promise<boolean>((resolve) => {
      const timer = waitMs === undefined ? undefined : setTimeout(() => resolve(false), waitMs);
      this.wakeIdle = () => {
        if (timer !== undefined) clearTimeout(timer);
        resolve(true);
      };
    });
    this.wakeIdle = null;
    if (this.clock.realtime) this.clock.advanceTo(this.clock.nowUs() / 1000);
    else if (!woken && nextMs !== undefined) this.clock.advanceTo(nextMs);
  }
}

function takePending(task: Task<unknown>): unknown {
  const error = task.pendingError;
  task.pendingError = undefined;
  return error;
}

function isCoroutineLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === "function" &&
    !(value instanceof Task) &&
    !(value as { notACoroutine?: boolean }).notACoroutine
  );
}

function describeException(error: unknown): string {
  return error instanceof Error && error.stack !== undefined ? error.stack : String(error);
}
