import { isCoroutine, promiseDriven } from "./coroutine.js";
import { FirstUsePromise } from "./first-use-promise.js";
import { runtime } from "./runtime.js";

/**
 * `await p` of a JavaScript promise inside an asyncio task (the Node runner's rewrite calls this
 * in modules naming the Promise API). The shim's loop steps one task until it parks on an asyncio
 * primitive; a task awaiting a plain promise would never park, and the loop would stall. So the
 * task parks here until the promise settles and is queued again, as the transpiled program's
 * task waits on an asyncio Event set by the promise's reaction. A promise already settled does
 * not park the task.
 */
export function awaitPromise(value: unknown): unknown {
  if (isCoroutine(value)) return value.start();
  // (A FirstUsePromise is an asyncio wait: awaiting it parks the task by itself.)
  if (!(value instanceof Promise) || value instanceof FirstUsePromise) return value;
  const scheduler = runtime().scheduler;
  // A Promise-driven call's code parks only its own task, and only while the loop runs it
  // (after its first asyncio wait); before that, its awaits are plain JavaScript ones.
  const call = promiseDriven.getStore();
  const task = scheduler.current;
  // Only the running task's own code parks it (not a parked task's, nor code between steps).
  if (!scheduler.isRunning || task === null || (call !== undefined && call.task !== task) || task.waker !== null) return value;
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;
  let waiting = false;
  const stopWaiting = () => {
    if (waiting) scheduler.promiseWaits--;
    waiting = false;
  };
  const parking = { remove: stopWaiting };
  const settle = (settled: NonNullable<typeof outcome>) => {
    outcome = settled;
    if (waiting && task.waitingOn === parking) scheduler.schedule(task);
    stopWaiting();
  };
  value.then(
    (result: unknown) => settle({ ok: true, value: result }),
    (error: unknown) => settle({ ok: false, error }),
  );
  const take = () => {
    if (outcome === undefined) return undefined;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
  // A settled promise's reaction was queued by `then` above, so it runs before a microtask
  // queued now: if it has run by then, the task goes on in the same step, as MicroPython's does
  // past a settled promise. Meanwhile the task is still the running one: no other task steps.
  return new Promise((resolve, reject) => {
    queueMicrotask(() => {
      if (outcome === undefined) {
        resolve(
          scheduler.suspend((parked) => {
            parked.waitingOn = parking;
            waiting = true;
            scheduler.promiseWaits++;
          }, take),
        );
      } else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  });
}
