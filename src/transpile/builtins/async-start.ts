import { ts } from "../typescript.js";
import { moduleFacts } from "../module-facts.js";
import { startsAtCall } from "./stored-promise.js";

/**
 * Where an async call starts at the call, as JavaScript starts every async function, instead of
 * staying a MicroPython coroutine that runs only once awaited or made a task (issue #16):
 *
 * - a call whose promise is dropped: `work();`, `void work();`, `(async () => { … })();`;
 * - a call stored in a variable that the module uses only as a promise (stored-promise.ts);
 * - a call collected into an array (`[a(), b()]`, `list.push(a())`) in a module without asyncio.
 *
 * The call is started the way the Promise API starts one (`JsPromise.of` on MicroPython,
 * `startCoroutine` on Node): its body runs at once up to its first `await`, then on from
 * microtasks, or from asyncio's loop when it waits on an asyncio primitive. For that to keep
 * JavaScript's order, every `await` of the module's own async functions must take JavaScript's
 * microtask too (`JsPromise.awaited`), so the whole module switches to promise mode
 * (`runsAsPromises`).
 *
 * Decided on the syntax alone, so that the transpiler and the Node runner (which has no type
 * checker) agree. The callee must be an async function, method or arrow function declared in
 * the same module, whose awaits that switch covers; a dropped call of anything else typed as a
 * promise stays rejected (TSMP1006), and so does a stored or collected one (`isCollectedCall`,
 * `storesCallForLater`), which as a coroutine would start only where it is awaited. The Node
 * runner needs no rule for those: it runs only programs `tsmp build` accepts.
 */

const asyncNamesOf = new WeakMap<ts.SourceFile, ReadonlySet<string>>();
const modeOf = new WeakMap<ts.SourceFile, boolean>();

/** Whether a module's async code runs under JavaScript's promise rules (see above). */
export function runsAsPromises(sourceFile: ts.SourceFile): boolean {
  let mode = modeOf.get(sourceFile);
  if (mode === undefined) {
    mode = mentionsPromiseApi(sourceFile) || hasEagerStart(sourceFile);
    modeOf.set(sourceFile, mode);
  }
  return mode;
}

/** `work()` as a statement or `void work()`, where `work` is an async function of this module. */
export function isDroppedAsyncCall(call: ts.CallExpression): boolean {
  let use: ts.Node = call;
  while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
  return (ts.isExpressionStatement(use.parent) || ts.isVoidExpression(use.parent)) && callsModuleAsyncFunction(call);
}

/**
 * `[work(1), work(2)]`, `started.push(work(i))`: an async call collected into an array, which
 * JavaScript starts there, in a module that does not use asyncio (whose `gather` and
 * `create_task` need the coroutines themselves, so there they stay coroutines).
 */
export function isCollectedAsyncCall(call: ts.CallExpression): boolean {
  return isCollectedCall(call) && callsModuleAsyncFunction(call);
}

/**
 * A call collected into an array (`[f()]`, `list.push(f())`, not `Promise.all([f()])`) in a module
 * without asyncio: where JavaScript starts an async call and tsmp can start only its own.
 */
export function isCollectedCall(call: ts.CallExpression): boolean {
  let use: ts.Node = call;
  while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
  const parent = use.parent;
  const collected = (ts.isArrayLiteralExpression(parent) && !isPromiseApiArgument(parent)) || isPushed(use, parent);
  return collected && !importsAsyncio(call.getSourceFile());
}

/** `list.push(f())`, `list.unshift(f())`. */
function isPushed(use: ts.Node, parent: ts.Node): boolean {
  return (
    ts.isCallExpression(parent) &&
    parent.arguments.includes(use as ts.Expression) &&
    ts.isPropertyAccessExpression(parent.expression) &&
    ["push", "unshift"].includes(parent.expression.name.text)
  );
}

/**
 * `memo.set(k, work(k))`, `{ job: work() }`, `x = work()`, `return work()` from a function that
 * is not async: an async call of this module kept where it may be awaited more than once. A
 * MicroPython coroutine awaited a second time gives None, where a promise gives its value again,
 * so the call is started there (JsPromise.of), as JavaScript starts it. Positions that consume
 * the promise once stay as they are (`isKeptCall`). Under asyncio too: a started call handed on
 * to asyncio later is awaited by `aw_coroutine` (promise.ts `asAsyncioAwaitable`).
 */
export function isKeptAsyncCall(call: ts.CallExpression): boolean {
  return callsModuleAsyncFunction(call) && isKeptCall(call);
}

/**
 * Whether a call's value is kept where it may be used more than once. Not: `await f()`,
 * `f().then(…)`, a dropped call, a Promise API argument, a collected call (`[f()]`,
 * `list.push(f())`), a stored call (`const p = f()` used only as a promise), an argument of a
 * `tsmp/…` function (`asyncio.create_task(f())`, which takes the coroutine itself), `return f()`
 * from an async function (adopted).
 */
export function isKeptCall(call: ts.CallExpression): boolean {
  let use: ts.Node = call;
  while (
    ts.isParenthesizedExpression(use.parent) ||
    ts.isAsExpression(use.parent) ||
    ts.isSatisfiesExpression(use.parent) ||
    ts.isNonNullExpression(use.parent)
  ) {
    use = use.parent;
  }
  const parent = use.parent;
  if (ts.isAwaitExpression(parent) || ts.isExpressionStatement(parent) || ts.isVoidExpression(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return parent.expression !== use;
  if (ts.isArrayLiteralExpression(parent) || isPushed(use, parent) || isPromiseApiArgument(use as ts.Expression)) return false;
  if (ts.isCallExpression(parent) && parent.arguments.includes(use as ts.Expression) && callsTsmpModule(parent)) return false;
  if (ts.isVariableDeclaration(parent) && parent.initializer === use) return !startsAtCall(parent);
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === use)) return !inAsyncFunction(parent);
  return true;
}

/**
 * `asyncio.create_task(work())`, `gather(a(), b())`, `asyncio.run(main())`: a function of a `tsmp/…`
 * module (matched by the name its import binds) takes the coroutine once, and asyncio needs the
 * coroutine itself.
 */
function callsTsmpModule(call: ts.CallExpression): boolean {
  const root = rootName(call.expression);
  return root !== undefined && tsmpImportNames(call.getSourceFile()).has(root);
}

/** `asyncio` of `asyncio.get_event_loop().run_until_complete`, `loop` of `loop.create_task`. */
function rootName(node: ts.Expression): string | undefined {
  for (;;) {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) node = node.expression;
    else if (ts.isNewExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
    else if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
    else return ts.isIdentifier(node) ? node.text : undefined;
  }
}

const tsmpImportNamesOf = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * The names a module's imports of `tsmp/…` modules bind (`asyncio`, `sleep_ms`, `{ Pin }`), and
 * the variables initialized from them (`const loop = asyncio.get_event_loop()`).
 */
function tsmpImportNames(sourceFile: ts.SourceFile): ReadonlySet<string> {
  let names = tsmpImportNamesOf.get(sourceFile);
  if (names === undefined) {
    const found = new Set<string>();
    for (const statement of sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!statement.moduleSpecifier.text.startsWith("tsmp/")) continue;
      const clause = statement.importClause;
      if (clause?.name) found.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) found.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) found.add(element.name.text);
    }
    if (found.size > 0) {
      const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
          const root = rootName(node.initializer);
          if (root !== undefined && found.has(root)) found.add(node.name.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
    names = found;
    tsmpImportNamesOf.set(sourceFile, names);
  }
  return names;
}

function inAsyncFunction(node: ts.Node): boolean {
  let owner: ts.Node | undefined = ts.isArrowFunction(node) ? node : node.parent;
  while (owner !== undefined && !ts.isFunctionLike(owner)) owner = owner.parent;
  return owner !== undefined && isAsync(owner);
}

/** `const p = work()` started at the call: used only as a promise, calling the Promise API's way. */
export function startsStoredCall(declaration: ts.VariableDeclaration): boolean {
  if (!startsAtCall(declaration)) return false;
  const sourceFile = declaration.getSourceFile();
  if (mentionsPromiseApi(sourceFile)) return true;
  const call = skipParens(declaration.initializer!);
  return ts.isCallExpression(call) && callsModuleAsyncFunction(call);
}

/**
 * `const p = f()` used only as a promise in a module not naming the Promise API: started at the
 * call when `f` is this module's async function, else it would start only where it is awaited.
 */
export function storesCallForLater(declaration: ts.VariableDeclaration): boolean {
  return startsAtCall(declaration) && !mentionsPromiseApi(declaration.getSourceFile());
}

/** Names `Promise` (not as a type) or `.then/.catch/.finally`. */
function mentionsPromiseApi(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && node.text === "Promise" && !ts.isTypeReferenceNode(node.parent)) return true;
  if (ts.isPropertyAccessExpression(node) && ["then", "catch", "finally"].includes(node.name.text)) return true;
  return ts.forEachChild(node, mentionsPromiseApi) ?? false;
}

function hasEagerStart(sourceFile: ts.SourceFile): boolean {
  const visit = (node: ts.Node): boolean =>
    (ts.isCallExpression(node) && (isDroppedAsyncCall(node) || isCollectedAsyncCall(node) || isKeptAsyncCall(node))) ||
    (ts.isVariableDeclaration(node) && startsStoredCall(node)) ||
    (ts.forEachChild(node, visit) ?? false);
  return visit(sourceFile);
}

/** `Promise.all([…])`: the Promise API starts its items itself. */
function isPromiseApiArgument(node: ts.Expression): boolean {
  const call = node.parent;
  return (
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ts.isIdentifier(call.expression.expression) &&
    call.expression.expression.text === "Promise"
  );
}

export function importsAsyncio(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === "tsmp/asyncio",
  );
}

/** `work(…)`, `this.work(…)`, `job?.work(…)` with `work` declared async here, or `(async () => …)()`. */
export function callsModuleAsyncFunction(call: ts.CallExpression): boolean {
  const callee = skipParens(call.expression);
  if (isAsyncFunctionLike(callee)) return true;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && asyncNames(call.getSourceFile()).has(name);
}

/** The async functions, methods and function-valued variables and properties a module declares, by name. */
function asyncNames(sourceFile: ts.SourceFile): ReadonlySet<string> {
  let names = asyncNamesOf.get(sourceFile);
  if (names === undefined) {
    const found = new Set<string>();
    for (const node of moduleFacts(sourceFile).namedFunctions) {
      if (
        (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
        isAsync(node) &&
        node.asteriskToken === undefined &&
        node.name !== undefined &&
        ts.isIdentifier(node.name)
      ) {
        found.add(node.name.text);
      }
      if (
        (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) &&
        ts.isIdentifier(node.name) &&
        node.initializer !== undefined &&
        isAsyncFunctionLike(skipParens(node.initializer))
      ) {
        found.add(node.name.text);
      }
    }
    names = found;
    asyncNamesOf.set(sourceFile, names);
  }
  return names;
}

function isAsyncFunctionLike(node: ts.Expression): boolean {
  return (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && isAsync(node) && node.asteriskToken === undefined;
}

function isAsync(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

function skipParens(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  return node;
}
