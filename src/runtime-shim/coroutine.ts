import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A Python-style coroutine: calling an `async` function creates it, but its body starts only
 * when it is first awaited or run as a task. JavaScript starts an async function's body at
 * the call, which would reorder prints around `create_task(f())`; the Node runner therefore
 * rewrites each user `async` function to return one of these (see runner/lazy-coroutines.ts).
 */
export class Coroutine<T> implements PromiseLike<T> {
  private started: Promise<T> | undefined;

  constructor(
    private readonly body: () => Promise<T>,
    /** The function's name, for `repr` in exception-handler messages. */
    readonly name: string = "coro",
  ) {}

  /** Starts the body (once) and returns its promise. */
  start(): Promise<T> {
    this.started ??= this.body();
    return this.started;
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.start().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.start().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.start().finally(onfinally);
  }
}

/** Wraps an async body as a lazy coroutine; the runner's rewrite of user `async` functions calls this. */
export function coroutine<T>(body: () => Promise<T>, name?: string): Promise<T> {
  // Typed as Promise so rewritten functions keep their declared `Promise<T>` return type.
  return new Coroutine(body, name) as unknown as Promise<T>;
}

const coroutineBrand = Symbol.for("tsmp.Coroutine");
(Coroutine.prototype as unknown as Record<symbol, boolean>)[coroutineBrand] = true;

/** True for a lazy coroutine from any copy of this module. */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[coroutineBrand] === true;
}

/** An async call the Promise API runs; `task` is the asyncio task made when it first waits on asyncio. */
export interface PromiseDrivenCall {
  readonly coroutine: Coroutine<unknown>;
  task: object | null;
}

/**
 * Marks the code of async calls the Promise API runs (startCoroutine) through all their awaits:
 * that code belongs to no asyncio task, so its awaits never park the task that happens to run;
 * an asyncio wait in it parks the call's own task (Scheduler.parkingTask).
 */
export const promiseDriven = new AsyncLocalStorage<PromiseDrivenCall>();

/**
 * An async call handed to the Promise API (`Promise.all([a(), b()])`): JavaScript starts it at
 * the call, as the transpiled program does (JsPromise), not when the API first calls `then`.
 */
export function startCoroutine<T>(value: T): T {
  return isCoroutine(value) ? (promiseDriven.run({ coroutine: value, task: null }, () => value.start()) as T) : value;
}

/**
 * The iterable handed to `Promise.all`/`race`/`allSettled`/`any` when it is not an array literal
 * (`Promise.all(ids.map(async (id) => …))`): its async calls start at the combinator's call, as
 * JsPromise starts each item there on MicroPython.
 */
export function startCoroutines<T>(value: T): T {
  if (typeof value !== "object" || value === null || !(Symbol.iterator in value)) return value;
  return Array.from(value as Iterable<unknown>, startCoroutine) as T;
}
