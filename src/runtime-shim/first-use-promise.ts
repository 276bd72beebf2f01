/**
 * How a parked task is resumed: with its wait's value, or with an exception thrown in (a
 * cancellation). The scheduler calls one of them when it steps the task again.
 */
export interface Wakeable {
  resume(): void;
  throwIn(error: unknown): void;
}

let capturedResolve: (value: never) => void = () => {};
let capturedReject: (reason: unknown) => void = () => {};
/** One executor for every FirstUsePromise: no closure per wait. */
function capture(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * One wait on an asyncio primitive (`ev.wait()`, `sleep_ms(t)`) as a native promise that does
 * its work when first used, not when made. MicroPython's `ev.wait()` is a generator: it looks at
 * the flag when the waiter first runs it, so `w = ev.wait(); ev.set(); await w` goes on without
 * parking. A thenable could wait until `await` calls its `then`, but V8 calls it from a job of
 * its own (PromiseResolveThenableJob): two microtasks per task switch where a native promise
 * takes one.
 *
 * The hook is the `constructor` lookup JavaScript makes on a promise it is handed: `await` and
 * `Promise.resolve` read it to see whether the value can be used as it is (PromiseResolve), and
 * `then`, `catch` and `finally` read it for the derived promise (SpeciesConstructor). For a
 * promise whose prototype is not Promise.prototype that is a real property read, so a getter
 * runs at exactly the moment of first use, synchronously, and answers `Promise`: `await` then
 * takes the promise as its own, and `then` derives plain promises. The getter is installed on
 * each subclass's prototype (`startsWhenUsed`), since class syntax gives each its own
 * `constructor`. Anything else reading `.constructor` of such a value counts as a use too:
 * asyncio's helpers test these values by `instanceof` instead.
 *
 * The promise is also the task's waker: the scheduler resumes the task by settling it.
 */
export abstract class FirstUsePromise<T> extends Promise<T> implements Wakeable {
  /** False until first use; undefined on the prototype, whose `constructor` read does nothing. */
  private used = false;
  private readonly settle: (value: unknown) => void;
  private readonly fail: (reason: unknown) => void;

  constructor() {
    super(capture);
    this.settle = capturedResolve as (value: unknown) => void;
    this.fail = capturedReject;
  }

  /** Checks the primitive and parks the running task if it must wait (it ends the task's step). */
  protected abstract begin(): void;

  /** The value the wait gives when its task is resumed. */
  protected abstract resumeValue(): T;

  resume(): void {
    this.settle(this.resumeValue());
  }

  throwIn(error: unknown): void {
    this.fail(error);
  }

  /** Ends the wait at once (the primitive was ready at first use). */
  protected done(): void {
    this.settle(this.resumeValue());
  }

  /** @internal the `constructor` getter's work */
  firstUse(): void {
    if (this.used !== false) return;
    this.used = true;
    try {
      this.begin();
    } catch (error) {
      // No task to park (no loop running): the wait fails as MicroPython's would.
      this.fail(error);
    }
  }
}

function firstUseConstructor(this: FirstUsePromise<unknown>): PromiseConstructor {
  this.firstUse?.();
  return Promise;
}

/** Installs the first-use hook on a FirstUsePromise subclass (see FirstUsePromise). */
export function startsWhenUsed(subclass: abstract new (...args: never[]) => FirstUsePromise<unknown>): void {
  Object.defineProperty(subclass.prototype, "constructor", { get: firstUseConstructor, configurable: true });
}
