import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isPromiseType, typeOf } from "../types.js";
import { isLibrarySymbol } from "./library.js";
import { unsupportedPromise } from "./diagnostics.js";

/**
 * tsmp's async functions are MicroPython coroutines: they run when awaited or made asyncio
 * tasks, never on their own, and there is no microtask queue for `then` callbacks. So the
 * Promise API is mapped only where an `await` settles it on the spot, and every other use is
 * rejected with the asyncio way of writing it.
 */

/** What to write instead, for each member of the Promise API. */
const alternatives: Record<string, string> = {
  all: "await asyncio.gather(a(), b()) (from tsmp/asyncio) runs coroutines concurrently and gives their results in order",
  allSettled:
    "await asyncio.gather(a(), b(), { return_exceptions: true }) (from tsmp/asyncio) gives each result, or the exception in its place",
  race: "run the coroutines as asyncio.create_task tasks that set an asyncio.Event, await the event, then cancel the rest; asyncio.wait_for_ms bounds one coroutine by a timeout",
  any: "run the coroutines as asyncio.create_task tasks that set an asyncio.Event on success, and await the event",
  resolve: "await the value itself, or return it from an async function (await Promise.resolve(v) alone is accepted)",
  reject: "throw the reason inside the async function (await Promise.reject(e) alone is accepted)",
  then: "await the coroutine inside an async function: const value = await work()",
  catch: "await the coroutine inside try { … } catch (e) { … }",
  finally: "await the coroutine inside try { … } finally { … }",
  Promise:
    "to wait for a callback (an IRQ, a timer), set an asyncio.ThreadSafeFlag or asyncio.Event in the callback and await flag.wait() (from tsmp/asyncio)",
};

function isPromiseLibrary(node: ts.Node, context: TransformationContext): boolean {
  const symbol = context.symbolOf(node);
  return symbol !== undefined && isLibrarySymbol(symbol, context);
}

/** `Promise.resolve(…)` / `Promise.reject(…)` as the operand of an `await`, if it is one. */
function promiseStatic(node: ts.Expression, context: TransformationContext): { member: string; call: ts.CallExpression } | undefined {
  const call = ts.isParenthesizedExpression(node) ? node.expression : node;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const receiver = call.expression.expression;
  if (!ts.isIdentifier(receiver) || receiver.text !== "Promise" || !isPromiseLibrary(receiver, context)) return undefined;
  return { member: call.expression.name.text, call };
}

/**
 * `await Promise.resolve(v)` is `v` (or `await v` when v is itself a promise) and
 * `await Promise.reject(e)` throws `e`: what awaiting a settled promise gives, at once.
 */
export function transformAwaitedPromise(node: ts.AwaitExpression, context: TransformationContext): py.Expression | undefined {
  const settled = promiseStatic(node.expression, context);
  if (!settled || (settled.member !== "resolve" && settled.member !== "reject") || settled.call.arguments.length > 1) return undefined;
  const argument = settled.call.arguments[0];
  if (settled.member === "reject") {
    return py.call(context.useHelper("promise_reject"), [argument ? context.transformExpression(argument) : py.none()]);
  }
  if (!argument) return py.none();
  const value = context.transformExpression(argument);
  return isPromiseType(typeOf(context, argument)) ? py.awaitExpr(value) : value;
}

/** The diagnostic for a Promise API member used any other way (`Promise.all`, `.then`, `new Promise`). */
export function rejectPromiseMember(node: ts.Node, member: string, context: TransformationContext): py.Expression {
  const shown = member === "Promise" ? "new Promise" : ["then", "catch", "finally"].includes(member) ? `.${member}()` : `Promise.${member}`;
  context.report(unsupportedPromise(node, shown, alternatives[member] ?? alternatives["then"]!));
  return py.none();
}
