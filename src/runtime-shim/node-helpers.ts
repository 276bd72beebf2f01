/**
 * What the Node runner's rewrite of user code calls (see runner/node-semantics.ts). Not part
 * of the facade.
 */
import { BaseException } from "./exceptions.js";

export { coroutine, startCoroutine, startCoroutines } from "./coroutine.js";
export { awaitPromise } from "./await-promise.js";

/**
 * Start of a rewritten `catch (e)` that, like MicroPython's `except Exception`, must not catch
 * a BaseException such as CancelledError: it rethrows those.
 */
export function exceptException(error: unknown): void {
  if (error instanceof BaseException) throw error;
}
