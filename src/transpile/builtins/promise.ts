import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isPromiseType, typeOf } from "../types.js";
import { transformArgs } from "./arguments.js";
import { callbackArity } from "./callbacks.js";
import { isLibrarySymbol } from "./library.js";
import type { CallMappings } from "./mapping.js";
import { unsupportedPromise } from "./diagnostics.js";
import {
  callsModuleAsyncFunction,
  importsAsyncio,
  isCollectedCall,
  isDroppedAsyncCall,
  isKeptAsyncCall,
  isKeptCall,
  runsAsPromises,
  startsStoredCall,
  storesCallForLater,
} from "./async-start.js";
import { asyncCallBesideAsyncio, asyncCallStartedLate, floatingPromise } from "../diagnostics.js";

/**
 * JavaScript promises are `JsPromise` (runtime/JsPromise.py): callbacks run as microtasks from a
 * queue that runs when the module's top-level code ends and, under asyncio, in a task of its
 * own. tsmp's async functions stay MicroPython coroutines (they start when awaited or made a
 * task); a coroutine handed to the Promise API (`work().then(…)`, `Promise.all([a(), b()])`),
 * or not awaited at once (async-start.ts), is started there and run as JavaScript runs an async
 * function, see docs/semantics.md.
 */

/** The number of arguments JsPromise passes each callback: (value), (reason), (resolve, reject). */
function adaptArity(node: ts.Expression | undefined, expected: number, member: string, context: TransformationContext): py.Expression {
  if (!node || node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === "undefined")) return py.none();
  const value = context.transformExpression(node);
  const arity = callbackArity(node, context, member, expected);
  return arity >= expected ? value : py.call(context.useHelper("js_arity"), [value, py.num(arity)]);
}

/** A receiver as a promise: a coroutine (an async function's call) is started by JsPromise.of. */
function asPromise(receiver: ts.Expression, value: py.Expression, context: TransformationContext): py.Expression {
  const call = skipParens(receiver);
  if (producesJsPromise(call, context)) return value;
  return py.call(py.attribute(context.useHelper("JsPromise"), "of"), [value]);
}

function skipParens(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? skipParens(node.expression) : node;
}

/** `new Promise(…)`, `Promise.x(…)` and `.then(…)` chains give a JsPromise already. */
export function producesJsPromise(node: ts.Expression, context: TransformationContext): boolean {
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && isPromiseGlobal(node.expression, context);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const symbol = context.symbolOf(node.expression.name);
  return symbol !== undefined && isLibrarySymbol(symbol, context) && ["Promise", "PromiseConstructor"].includes(ownerName(symbol) ?? "");
}

function ownerName(symbol: ts.Symbol): string | undefined {
  const owner = symbol.declarations?.[0]?.parent;
  return owner && ts.isInterfaceDeclaration(owner) ? owner.name.text : undefined;
}

function isPromiseGlobal(node: ts.Identifier, context: TransformationContext): boolean {
  const symbol = context.symbolOf(node);
  return node.text === "Promise" && symbol !== undefined && isLibrarySymbol(symbol, context);
}

function thenCall(method: string, expected: readonly number[]) {
  return (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression): py.Expression => {
    // `main().catch(…)` at the top level beside asyncio stops at main's first asyncio wait, as `main();` would.
    const started = skipParens((node.expression as ts.PropertyAccessExpression).expression);
    if (ts.isCallExpression(started) && callsModuleAsyncFunction(started) && importsAsyncio(node.getSourceFile()) && isAtTopLevel(node)) {
      context.report(asyncCallBesideAsyncio(started));
    }
    for (const argument of node.arguments) {
      const returned = context.checker.getSignaturesOfType(typeOf(context, argument), ts.SignatureKind.Call)[0]?.getReturnType();
      if (returned) rejectThenable(argument, `returning from a ${method} callback`, context, returned);
    }
    const promise = asPromise((node.expression as ts.PropertyAccessExpression).expression, receiver, context);
    const args = node.arguments.map((argument, index) => adaptArity(argument, expected[index] ?? 1, method, context));
    return py.call(py.attribute(promise, method), args);
  };
}

/** `.then(onFulfilled, onRejected)`, `.catch(onRejected)`, `.finally(onFinally)` on a promise. */
export const promiseCalls: CallMappings = {
  then: thenCall("then", [1, 1]),
  catch: thenCall("catch", [1]),
  // `finally` is a Python keyword.
  finally: thenCall("finally_", [0]),
};

function staticCall(member: string) {
  return (node: ts.CallExpression, context: TransformationContext): py.Expression => {
    for (const argument of node.arguments) {
      const items = ts.isArrayLiteralExpression(argument) && member !== "resolve" ? argument.elements : [argument];
      for (const item of items) rejectThenable(item, `Promise.${member}(…) of`, context);
    }
    return py.call(py.attribute(context.useHelper("JsPromise"), member), transformArgs(node, context));
  };
}

/**
 * A thenable of the program's own (an object with a `then` method that is not a Promise):
 * JavaScript adopts it by calling its `then`; JsPromise and MicroPython's `await` do not, and
 * the awaiting code would never resume (issue #16). Rejected where the checker sees one.
 */
function rejectThenable(node: ts.Expression, use: string, context: TransformationContext, type = typeOf(context, node)): boolean {
  const parts = type.isUnion() ? type.types : [type];
  const thenable = parts.some((part) => {
    if (isPromiseType(part)) return false;
    const then = part.getProperty("then");
    const declarations = then?.declarations ?? [];
    return declarations.length > 0 && !isLibrarySymbol(then!, context) && !context.isDeclaredByFacade(then!);
  });
  if (thenable) {
    context.report(
      unsupportedPromise(
        node,
        `${use} a thenable (an object with a then method that is not a Promise)`,
        "wrap it in a promise, `new Promise((resolve) => thenable.then(resolve))`, or make it a Promise",
      ),
    );
  }
  return thenable;
}

/** `Promise.resolve/reject/all/allSettled/any/race`. */
export const promiseStaticCalls: CallMappings = Object.fromEntries(
  ["resolve", "reject", "all", "allSettled", "any", "race"].map((member) => [member, staticCall(member)]),
);

/** `new Promise((resolve, reject) => …)`, if the expression is one. */
export function transformNewPromise(node: ts.NewExpression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isIdentifier(node.expression) || !isPromiseGlobal(node.expression, context)) return undefined;
  const executor = node.arguments?.[0];
  if (!executor) return py.call(context.useHelper("JsPromise"));
  // An inline executor takes surplus arguments as `*_` already (see extraArguments).
  const inline = ts.isArrowFunction(executor) || ts.isFunctionExpression(executor);
  if (inline) rejectResolvedThenables(node, executor, context);
  return py.call(context.useHelper("JsPromise"), [
    inline ? context.transformExpression(executor) : adaptArity(executor, 2, "new Promise", context),
  ]);
}

/**
 * `new Promise<Later>(…)`, `new Promise((resolve) => resolve(thenable))`: JavaScript's `resolve`
 * adopts a thenable by calling its `then`; JsPromise's settles with the object itself.
 */
function rejectResolvedThenables(
  node: ts.NewExpression,
  executor: ts.ArrowFunction | ts.FunctionExpression,
  context: TransformationContext,
): void {
  const valueType = context.checker.getTypeArguments(typeOf(context, node) as ts.TypeReference)[0];
  if (valueType && rejectThenable(node, "new Promise(…) resolved with", context, valueType)) return;
  const resolve = executor.parameters[0]?.name;
  const resolveSymbol = resolve && ts.isIdentifier(resolve) ? context.symbolOf(resolve) : undefined;
  if (!resolveSymbol) return;
  const visit = (child: ts.Node): void => {
    if (
      ts.isCallExpression(child) &&
      ts.isIdentifier(child.expression) &&
      child.arguments.length > 0 &&
      context.symbolOf(child.expression) === resolveSymbol
    ) {
      rejectThenable(child.arguments[0]!, "resolve(…) of", context);
    }
    ts.forEachChild(child, visit);
  };
  visit(executor.body);
}

/**
 * `await v` of a value that is no promise (a number, an object) is the value, a microtask
 * later, as awaiting `Promise.resolve(v)` gives it.
 */
export function transformAwaitedValue(node: ts.AwaitExpression, context: TransformationContext): py.Expression | undefined {
  if (rejectThenable(node.expression, "await of", context)) return undefined;
  const type = typeOf(context, node.expression);
  const operand = skipParens(node.expression);
  if (
    runsAsPromises(node.getSourceFile()) &&
    ts.isCallExpression(operand) &&
    isPromiseType(type) &&
    !isLibraryOrFacadeCall(operand, context)
  ) {
    return py.awaitExpr(py.call(py.attribute(context.useHelper("JsPromise"), "awaited"), [context.transformExpression(node.expression)]));
  }
  // A value typed any is awaited as it is (a coroutine or a task, as before promises existed).
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return undefined;
  const parts = type.isUnion() ? type.types : [type];
  const awaitable = parts.filter((part) => isPromiseType(part) || isAwaitableOfFacade(part));
  if (awaitable.length === parts.length) return undefined;
  // `T | Promise<T>`: whichever it is at run time.
  const convert = awaitable.length > 0 ? "of" : "resolve";
  return py.awaitExpr(py.call(py.attribute(context.useHelper("JsPromise"), convert), [context.transformExpression(node.expression)]));
}

/**
 * `const p = work()` used only as a promise: started at the call, as JavaScript starts it (see
 * stored-promise.ts); `value` is the initializer's Python.
 */
export function startedAtCall(declaration: ts.VariableDeclaration, value: py.Expression, context: TransformationContext): py.Expression {
  const call = declaration.initializer && skipParens(declaration.initializer);
  if (
    call === undefined ||
    !ts.isCallExpression(call) ||
    !isPromiseType(typeOf(context, call)) ||
    producesJsPromise(call, context) ||
    isLibraryOrFacadeCall(call, context)
  ) {
    return value;
  }
  if (storesCallForLater(declaration) && !startsHere(call, context)) {
    context.report(asyncCallStartedLate(call, "stored in a variable"));
    return value;
  }
  if (!startsStoredCall(declaration)) return value;
  return py.call(py.attribute(context.useHelper("JsPromise"), "of"), [value]);
}

/** async-start.ts's syntactic rule, confirmed by the checker: a call tsmp can start at the call. */
function startsHere(call: ts.CallExpression, context: TransformationContext): boolean {
  return callsModuleAsyncFunction(call) && calleeIsAsyncHere(call, context);
}

/**
 * An async call whose promise is dropped (`work();`, `void work();`): started at the call, as
 * JavaScript starts it, when async-start.ts can keep JavaScript's order; rejected otherwise
 * (TSMP1006), since a MicroPython coroutine nobody awaits never runs. `value` is the call's Python.
 */
export function startDroppedCall(call: ts.CallExpression, value: py.Expression, context: TransformationContext): py.Expression {
  if (!isDroppedAsyncCall(call) || !calleeIsAsyncHere(call, context)) {
    context.report(floatingPromise(call));
    return value;
  }
  if (importsAsyncio(call.getSourceFile()) && isAtTopLevel(call)) {
    context.report(asyncCallBesideAsyncio(call));
    return value;
  }
  return py.call(py.attribute(context.useHelper("JsPromise"), "of"), [value]);
}

/**
 * The checker's word on what async-start.ts matched by name: the callee really is an async
 * function of this module (not another module's function that shares a name with one).
 */
function calleeIsAsyncHere(call: ts.CallExpression, context: TransformationContext): boolean {
  const callee = skipParens(call.expression);
  if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return true;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  const declarations = context.symbolOf(name)?.declarations ?? [];
  const here = call.getSourceFile();
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => declaration.getSourceFile() === here) &&
    declarations.some((declaration) => isAsyncDeclaration(declaration))
  );
}

function isAsyncDeclaration(declaration: ts.Declaration): boolean {
  const isAsync = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return isAsync(declaration);
  if (
    (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) &&
    declaration.initializer
  ) {
    let initializer = declaration.initializer;
    while (ts.isParenthesizedExpression(initializer) || ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))
      initializer = initializer.expression;
    return (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) && isAsync(initializer);
  }
  return false;
}

/** Written outside every function and class: runs while the module loads. */
function isAtTopLevel(node: ts.Node): boolean {
  for (let owner = node.parent; !ts.isSourceFile(owner); owner = owner.parent) {
    if (ts.isFunctionLike(owner) || ts.isClassLike(owner)) return false;
  }
  return true;
}

/** `[work(1), work(2)]`, `list.push(work(i))`, `memo.set(k, work(k))`: started where it is collected or kept (async-start.ts). */
export function startCollectedCall(call: ts.CallExpression, value: py.Expression, context: TransformationContext): py.Expression {
  // `this.loop.create_task(work())`: a facade function takes the coroutine itself.
  if (isFacadeArgument(call, context)) return value;
  // `memo.set(k, work(k))`: a promise kept to be awaited again (async-start.ts).
  if (isKeptAsyncCall(call) && calleeIsAsyncHere(call, context) && isPromiseType(typeOf(context, call))) {
    return py.call(py.attribute(context.useHelper("JsPromise"), "of"), [value]);
  }
  // `memo.set(k, other.work(k))`, `{ p: this.source.get() }`: another module's async function, a
  // parameter or an interface's method, kept the same way. JsPromise.of takes a coroutine or a
  // promise (returned as it is).
  if (
    isKeptCall(call) &&
    isPromiseType(typeOf(context, call)) &&
    !producesJsPromise(call, context) &&
    !isLibraryOrFacadeCall(call, context)
  ) {
    return py.call(py.attribute(context.useHelper("JsPromise"), "of"), [value]);
  }
  if (!isCollectedCall(call) || !isPromiseType(typeOf(context, call)) || producesJsPromise(call, context)) return value;
  if (!startsHere(call, context)) {
    if (!isLibraryOrFacadeCall(call, context)) context.report(asyncCallStartedLate(call, "collected into an array"));
    return value;
  }
  return py.call(py.attribute(context.useHelper("JsPromise"), "of"), [value]);
}

/** An argument of a facade function (`asyncio.create_task(work())`, seen by the checker). */
function isFacadeArgument(call: ts.CallExpression, context: TransformationContext): boolean {
  let use: ts.Node = call;
  while (ts.isParenthesizedExpression(use.parent) || ts.isAsExpression(use.parent) || ts.isNonNullExpression(use.parent)) use = use.parent;
  const parent = use.parent;
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(use as ts.Expression)) return false;
  const callee = ts.isPropertyAccessExpression(parent.expression) ? parent.expression.name : parent.expression;
  const symbol = context.symbolOf(callee);
  return symbol !== undefined && context.isDeclaredByFacade(symbol);
}

/** A call of the Promise API (a JsPromise) or of a facade function (an asyncio awaitable). */
export function isLibraryOrFacadeCall(node: ts.CallExpression, context: TransformationContext): boolean {
  const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
  const symbol = context.symbolOf(callee);
  return symbol !== undefined && (isLibrarySymbol(symbol, context) || context.isDeclaredByFacade(symbol));
}

/** A facade awaitable (`Task<T>`, `Event.wait()`'s result) declares `then`; awaiting it is native. */
function isAwaitableOfFacade(type: ts.Type): boolean {
  return type.getProperty("then") !== undefined;
}

/** The diagnostic for a Promise API member used any other way (`Promise` as a value, `instanceof Promise`). */
export function rejectPromiseMember(node: ts.Node, member: string, context: TransformationContext): py.Expression {
  const shown = member === "Promise" ? "Promise as a value" : `Promise.${member}`;
  context.report(
    unsupportedPromise(
      node,
      shown,
      "call the Promise API directly (new Promise(…), Promise.all(…), p.then(…)), or await coroutines with asyncio.gather (from tsmp/asyncio)",
    ),
  );
  return py.none();
}

/**
 * What an async function returns: a promise returned from one is adopted, so the awaiting code
 * gets its value (`return work()` is `return await work()`), not the coroutine or JsPromise.
 */
export function transformReturnedValue(node: ts.Expression, context: TransformationContext): py.Expression {
  const value = context.transformExpression(node);
  let owner: ts.Node = node.parent;
  while (!ts.isSourceFile(owner) && !ts.isFunctionLike(owner)) owner = owner.parent;
  const isAsync = ts.canHaveModifiers(owner) && (ts.getModifiers(owner) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  if (!isAsync || rejectThenable(node, "returning from an async function", context)) return value;
  const type = typeOf(context, node);
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((part) => isPromiseType(part))) return value;
  return runsAsPromises(node.getSourceFile())
    ? py.awaitExpr(py.call(py.attribute(context.useHelper("JsPromise"), "returned"), [value]))
    : py.awaitExpr(value);
}

/**
 * An argument typed `Promise` handed to a facade or Python function (`asyncio.gather(p, …)`,
 * `create_task(p)`, `wait_for_ms(p, 50)`): asyncio takes coroutines and tasks only, so a
 * JsPromise (`Promise.resolve(v)`, `new Promise(…)`, a started call) is awaited by a coroutine
 * of its own (aw_coroutine, which checks when it runs). A call of an async function or of the
 * facade gives a coroutine or a task already. Any other value may be a JsPromise, even in a module
 * not naming the Promise API: a kept call started by the caller (`spawn(work())`, async-start.ts).
 */
export function asAsyncioAwaitable(argument: ts.Expression, value: py.Expression, context: TransformationContext): py.Expression {
  const symbol = context.checker.getTypeAtLocation(argument).getSymbol();
  if (!symbol || symbol.name !== "Promise" || !isLibrarySymbol(symbol, context)) return value;
  const call = skipParens(argument);
  if (producesJsPromise(call, context)) return py.call(context.useHelper("aw_coroutine"), [value]);
  if (ts.isCallExpression(call)) {
    const declaration = context.checker.getResolvedSignature(call)?.getDeclaration();
    const isAsync = declaration !== undefined && ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Async;
    if (isAsync || isLibraryOrFacadeCall(call, context)) return value;
  }
  return py.call(context.useHelper("aw_coroutine"), [value]);
}
