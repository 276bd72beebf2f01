/**
 * `tsmp/asyncio` ⇔ MicroPython's `asyncio`: the typed facade and its Node implementation.
 * Names and signatures follow https://docs.micropython.org/en/latest/library/asyncio.html.
 */
import { awaitPromise } from "./await-promise.js";
import { coroutine, isCoroutine } from "./coroutine.js";
import { CancelledError, RuntimeError, TimeoutError, type PythonException } from "./exceptions.js";
import type { KwArgs } from "./kwargs.js";
import { runtime } from "./runtime.js";
import { FirstUsePromise, startsWhenUsed } from "./first-use-promise.js";
import { Task, type ExceptionContext } from "./scheduler.js";
import { WaitingTasks } from "./task-queue.js";

export { CancelledError, TimeoutError } from "./exceptions.js";
export { Task } from "./scheduler.js";
export { Stream, StreamReader, StreamWriter, Server, open_connection, start_server } from "./streams.js";

/** A Loop exception handler: `loop.set_exception_handler((loop, context) => …)`. */
export type ExceptionHandler = (loop: Loop, context: ExceptionContext) => void;
export type { ExceptionContext };

const scheduler = () => runtime().scheduler;

function isTask(value: unknown): value is Task<unknown> {
  if (value instanceof Task) return true;
  // (Reading a FirstUsePromise's constructor would start its wait: no promise is a task.)
  return (
    typeof value === "object" && value !== null && !(value instanceof Promise) && value.constructor?.name === "Task" && "cancel" in value
  );
}

/** Ensures the awaitable is a task (MicroPython's `_promote_to_task`). */
function promoteToTask<T>(aw: PromiseLike<T>): Task<T> {
  return isTask(aw) ? (aw as Task<T>) : create_task(aw);
}

// ---------------------------------------------------------------------------------------
// Core functions

/** Schedules `coro` as a new task; it starts on the scheduler's next pass. */
export function create_task<T>(coro: PromiseLike<T>): Task<T> {
  // A JavaScript promise (`Promise.resolve(v)`, `Promise.all(…)`): a coroutine awaiting it, as
  // the transpiled program's aw_coroutine makes; stepped as it is, the task would never park.
  if (coro instanceof Promise && !isCoroutine(coro) && !(coro instanceof FirstUsePromise)) {
    const promise = coro;
    return scheduler().createTask(coroutine(async () => (await awaitPromise(promise)) as T, "awaiting"));
  }
  return scheduler().createTask(coro);
}

/** The task running now (an async call the Promise API runs has its own); RuntimeError outside a task. */
export function current_task(): Task<unknown> {
  return scheduler().parkingTask();
}

/**
 * Runs `coro` as the main task until it finishes and returns its value. Blocks as on a board:
 * write it at module top level without `await` (the Node runner awaits it for you).
 */
export function run<T>(coro: PromiseLike<T>): T {
  return scheduler().runUntilComplete(create_task(coro) as Task<unknown>) as unknown as T;
}

/**
 * What `sleep_ms` returns: awaitable, but not a coroutine (MicroPython's SingletonGenerator),
 * so `create_task(asyncio.sleep(1))` raises TypeError as on a board. The wake time is fixed at
 * the call; the task is queued for it when it first awaits.
 */
class Sleep extends FirstUsePromise<void> {
  readonly notACoroutine = true;

  constructor(private readonly wakeMs: number) {
    super();
  }

  protected begin(): void {
    const loop = scheduler();
    loop.park((task) => loop.schedule(task, this.wakeMs), this);
  }

  protected resumeValue(): void {}
}
startsWhenUsed(Sleep);

/** Sleeps for `t` seconds (a float). */
export function sleep(t: number): Promise<void> {
  return sleep_ms(Math.trunc(t * 1000));
}

/** Sleeps for `t` milliseconds (MicroPython extension). The wake time is fixed at the call. */
export function sleep_ms(t: number): Promise<void> {
  const wakeMs = scheduler().ticks() + Math.max(0, Math.trunc(t));
  return new Sleep(wakeMs) as unknown as Promise<void>;
}

/**
 * Waits for `aw` at most `timeout` seconds (null: forever). On timeout `aw` is cancelled (it
 * sees CancelledError) and the caller gets TimeoutError.
 */
export function wait_for<T>(aw: PromiseLike<T>, timeout: number | null): Promise<T> {
  return waitFor(aw, timeout, sleep);
}

/** `wait_for` with the timeout in milliseconds. */
export function wait_for_ms<T>(aw: PromiseLike<T>, timeout: number): Promise<T> {
  return waitFor(aw, timeout, sleep_ms);
}

/** A CancelledError that tells the waiter how the awaited task ended, from the runner task. */
class CompletionNotice extends CancelledError {
  constructor(
    readonly status: true | { error: unknown },
    readonly value: unknown,
  ) {
    super();
  }
}

function waitFor<T>(aw: PromiseLike<T>, timeout: number | null, sleeper: (t: number) => Promise<void>): Promise<T> {
  return coroutine(async () => {
    const task = promoteToTask(aw);
    if (timeout === null) return await task;
    const loop = scheduler();
    const waiter = loop.requireCurrent();
    // A runner task awaits `aw` and, if the waiter is still sleeping, cancels the sleep with
    // the outcome attached — the same extra task (and so the same ordering) as MicroPython.
    const runnerTask = create_task(
      coroutine(async () => {
        let status: true | { error: unknown };
        let value: unknown;
        try {
          value = await task;
          status = true;
        } catch (error) {
          status = { error };
        }
        if (waiter.waitingOn === null && waiter.pendingError === undefined && waiter.outcome === null) {
          loop.cancel(waiter, new CompletionNotice(status, value));
        }
      }, "_run"),
    );
    try {
      await sleeper(timeout);
    } catch (error) {
      // (instanceof would not tell the two apart: Python classes match by their Python name.)
      const notice = error instanceof CancelledError ? (error as Partial<CompletionNotice>) : undefined;
      if (notice?.status === undefined) {
        runnerTask.cancel();
        throw error;
      }
      if (notice.status === true) return notice.value as T;
      throw notice.status.error;
    }
    runnerTask.cancel();
    await runnerTask;
    throw new TimeoutError();
  }, "wait_for");
}

type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };
type ResultsOrExceptions<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> | PythonException };

/**
 * Runs the awaitables concurrently and returns their results in order. The first exception
 * propagates (remaining tasks keep running) unless `return_exceptions` is true, in which case
 * exceptions are returned in place of results. Cancelling the gather cancels them all.
 */
export function gather<T extends readonly PromiseLike<unknown>[]>(...aws: T): Promise<Results<T>>;
export function gather<T extends readonly PromiseLike<unknown>[]>(
  ...args: [...aws: T, options: KwArgs<{ return_exceptions: true }>]
): Promise<ResultsOrExceptions<T>>;
export function gather<T extends readonly PromiseLike<unknown>[]>(
  ...args: [...aws: T, options: KwArgs<{ return_exceptions?: boolean }>]
): Promise<ResultsOrExceptions<T>>;
export function gather(...args: unknown[]): Promise<unknown[]> {
  const last = args.at(-1);
  const hasOptions =
    last !== undefined && typeof last === "object" && last !== null && typeof (last as PromiseLike<unknown>).then !== "function";
  const returnExceptions = hasOptions && (last as { return_exceptions?: boolean }).return_exceptions === true;
  const aws = (hasOptions ? args.slice(0, -1) : args) as PromiseLike<unknown>[];
  return coroutine(() => gatherTasks(aws, returnExceptions), "gather");
}

const nowhere = { remove(): void {} };

async function gatherTasks(aws: PromiseLike<unknown>[], returnExceptions: boolean): Promise<unknown[]> {
  const loop = scheduler();
  const tasks = aws.map((aw) => promoteToTask(aw));
  const gatherTask = loop.requireCurrent();
  let pending = 0;
  let failure: { error: unknown } | null = null;
  const onDone = (_task: Task<unknown>, outcome: { ok: boolean; error?: unknown }) => {
    // Already woken (by another sub-task's exception) or cancelled: nothing more to do.
    if (gatherTask.waitingOn !== nowhere) return;
    if (!returnExceptions && !outcome.ok) failure = { error: outcome.error };
    else if (--pending > 0) return;
    loop.schedule(gatherTask);
  };
  let skip = false;
  for (const task of tasks) {
    if (task.outcome === null && task.doneCallback === null && task.waiters === null) {
      task.doneCallback = onDone;
      pending += 1;
    } else if (task.outcome !== null) {
      if (!task.outcome.ok && !returnExceptions) skip = true;
    } else {
      throw new RuntimeError("can't gather");
    }
  }
  let cancelAll = false;
  if (pending > 0 && !skip) {
    try {
      await loop.suspend((task) => {
        task.waitingOn = nowhere;
      });
    } catch (error) {
      cancelAll = true;
      failure = { error };
    }
  }
  const results: unknown[] = [];
  for (const task of tasks) {
    if (task.doneCallback === onDone) {
      task.doneCallback = null;
      if (cancelAll) task.cancel();
      results.push(undefined);
      continue;
    }
    task.retrieved = true;
    const outcome = task.outcome!;
    if (outcome.ok) results.push(outcome.value);
    else if (returnExceptions) results.push(outcome.error);
    else {
      failure ??= { error: outcome.error };
      results.push(undefined);
    }
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}

// ---------------------------------------------------------------------------------------
// Synchronisation primitives

/** A flag tasks can wait on; `set()` wakes every waiter. */
export class Event {
  private state = false;
  private readonly waiting = new WaitingTasks<Task<unknown>>();
  /** @internal files a task among the waiters; made once per event, not per wait */
  readonly park = (task: Task<unknown>): void => {
    this.waiting.push(task);
    task.waitingOn = this.waiting;
  };

  is_set(): boolean {
    return this.state;
  }

  /** Sets the event and schedules every waiting task. Call it from a task, not from an IRQ. */
  set(): void {
    const loop = scheduler();
    for (let task = this.waiting.shift(); task !== undefined; task = this.waiting.shift()) loop.schedule(task);
    this.state = true;
  }

  clear(): void {
    this.state = false;
  }

  /** Waits until the event is set; returns true. */
  wait(): Promise<true> {
    return new EventWait(this) as unknown as Promise<true>;
  }
}

/**
 * `Event.wait()`: checks the event at first use (as MicroPython's generator does at its first
 * step), parking the task only if it is not set. Not an async function: it is the scheduler's
 * hottest path, and a native promise resumes its waiter in one microtask.
 */
class EventWait extends FirstUsePromise<true> {
  constructor(private readonly event: Event) {
    super();
  }

  protected begin(): void {
    if (this.event.is_set()) this.done();
    else scheduler().park(this.event.park, this);
  }

  protected resumeValue(): true {
    return true;
  }
}
startsWhenUsed(EventWait);

/**
 * An event that can be set from outside the loop (an IRQ or Timer callback). Only one task
 * may wait on it at a time; `wait()` clears it.
 */
export class ThreadSafeFlag {
  private state = 0;
  private readonly source = { readable: () => this.state === 1, writable: () => false };

  set(): void {
    this.state = 1;
    scheduler().wakeIo();
  }

  clear(): void {
    this.state = 0;
  }

  wait(): Promise<void> {
    return coroutine(async () => {
      if (this.state === 0) {
        const loop = scheduler();
        await loop.suspend((task) => loop.io.queue(this.source, task, "reader"));
      }
      this.state = 0;
    }, "wait");
  }
}

/** A mutex; waiting tasks acquire it in arrival order. */
export class Lock {
  /** 0 unlocked, 1 locked, or the task it has been handed to but which has not resumed yet. */
  private state: 0 | 1 | Task<unknown> = 0;
  private readonly waiting = new WaitingTasks<Task<unknown>>();

  locked(): boolean {
    return this.state === 1;
  }

  /** Releases the lock; RuntimeError("Lock not acquired") if it is not locked. */
  release(): void {
    if (this.state !== 1) throw new RuntimeError("Lock not acquired");
    const next = this.waiting.shift();
    if (next !== undefined) {
      this.state = next;
      scheduler().schedule(next);
    } else {
      this.state = 0;
    }
  }

  /** Waits until the lock is free and takes it; returns true. */
  acquire(): Promise<true> {
    return coroutine(async () => {
      if (this.state !== 0) {
        const loop = scheduler();
        const me = loop.requireCurrent();
        try {
          await loop.suspend((task) => {
            this.waiting.push(task);
            task.waitingOn = this.waiting;
          });
        } catch (error) {
          if (error instanceof CancelledError && this.state === me) {
            // Cancelled after the lock was handed over: pass it on to the next waiter.
            this.state = 1;
            this.release();
          }
          throw error;
        }
      }
      this.state = 1;
      return true as const;
    }, "acquire");
  }
}

// ---------------------------------------------------------------------------------------
// Event loop

/** MicroPython's Loop: the one event loop, as returned by `get_event_loop()`. */
export interface Loop {
  create_task<T>(coro: PromiseLike<T>): Task<T>;
  /** Runs until `stop()` is called. Blocks: write it at module top level without `await`. */
  run_forever(): void;
  /** Runs until `awaitable` finishes and returns its value. Blocks like `run`. */
  run_until_complete<T>(awaitable: PromiseLike<T>): T;
  stop(): void;
  close(): void;
  set_exception_handler(handler: ExceptionHandler | null): void;
  get_exception_handler(): ExceptionHandler | undefined;
  /**
   * Prints the context to stderr. MicroPython's docs write `default_exception_handler(context)`,
   * but its code takes `(loop, context)` (the one-argument call raises TypeError on a board).
   */
  default_exception_handler(loop: Loop, context: ExceptionContext): void;
  call_exception_handler(context: ExceptionContext): void;
}

/** The handler as the user passed it, per loop, so get_exception_handler returns the same function. */
const handlers = new WeakMap<object, ExceptionHandler | null>();

const loop: Loop = {
  create_task,
  run_forever(): void {
    const sched = scheduler();
    // The stopper task is not queued: the loop runs until stop() queues it.
    const stopper = new Task<void>(
      coroutine(async () => undefined, "_stopper"),
      sched,
    );
    sched.stopTask = stopper as Task<unknown>;
    return sched.runUntilComplete(stopper as Task<unknown>) as unknown as void;
  },
  run_until_complete<T>(awaitable: PromiseLike<T>): T {
    return scheduler().runUntilComplete(promoteToTask(awaitable) as Task<unknown>) as unknown as T;
  },
  stop(): void {
    const sched = scheduler();
    if (sched.stopTask !== null) {
      sched.schedule(sched.stopTask);
      sched.stopTask = null;
    }
  },
  close(): void {},
  set_exception_handler(handler: ExceptionHandler | null): void {
    handlers.set(scheduler(), handler);
    scheduler().exceptionHandler = handler === null ? null : (context) => handler(loop, context);
  },
  get_exception_handler(): ExceptionHandler | undefined {
    return handlers.get(scheduler()) ?? undefined;
  },
  default_exception_handler(_loop: Loop, context: ExceptionContext): void {
    scheduler().defaultExceptionHandler(context);
  },
  call_exception_handler(context: ExceptionContext): void {
    scheduler().callExceptionHandler(context);
  },
};

/** The event loop (there is only one). The arguments exist for legacy uasyncio code. */
export function get_event_loop(runq_len?: number, waitq_len?: number): Loop {
  void runq_len;
  void waitq_len;
  return loop;
}

/** Resets the loop's queues (tasks still queued are dropped) and returns it. */
export function new_event_loop(): Loop {
  runtime().resetScheduler();
  return loop;
}
