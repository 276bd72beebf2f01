import ts from "typescript";
import {
  isCollectedAsyncCall,
  isDroppedAsyncCall,
  isKeptAsyncCall,
  runsAsPromises,
  startsStoredCall,
} from "../../transpile/builtins/async-start.js";

/**
 * The rewrite that makes a user's TypeScript behave on Node as the transpiled Python behaves on
 * a board. Two differences matter:
 *
 * 1. A Python coroutine's body starts when it is awaited or run as a task; a JS async
 *    function's body starts at the call. Each `async` function is rewritten to return a lazy
 *    coroutine (`coroutine(async () => body)`), so `create_task(f())` runs `f` on the next
 *    scheduler pass, as MicroPython does.
 * 2. `asyncio.run(...)`, `loop.run_forever()` and `loop.run_until_complete(...)` block on a
 *    board. Written at module top level, they are awaited here (ES modules allow top-level
 *    await), so the statements after them run once they return.
 *
 * 3. A `catch` clause is MicroPython's `except Exception` (the transpiler's rule), which lets
 *    CancelledError through; only a catch block that names `CancelledError` catches it
 *    (`except BaseException`). The rewrite rethrows BaseExceptions at the top of other catches.
 *
 * 4. An async call handed to the Promise API (`Promise.all([a(), b()])`, `Promise.resolve(a())`)
 *    starts at once, as the transpiled program's JsPromise starts it (JavaScript's order), not
 *    when the API gets round to calling its `then`. In a module using the Promise API, `await f()`
 *    awaits the started body's own promise, so the caller resumes one microtask after `f` ends,
 *    as in JavaScript (awaiting the lazy coroutine, a thenable, would take two more), and an
 *    asyncio task awaiting a plain promise parks until it settles (awaitPromise). An async call
 *    not awaited at once (dropped, stored in a variable used only as a promise, collected into
 *    an array) starts at the call too, decided by the transpiler's own rule (async-start.ts).
 *
 * Module specifiers are also rewritten: `tsmp/<name>` to the shim module file, and relative
 * imports to the emitted `.mjs` files.
 */
export interface NodeSemanticsOptions {
  /** Maps a module specifier to the one the emitted module should import. */
  resolveSpecifier(specifier: string): string;
  /** The specifier of the shim's node-helpers module. */
  helpersModule: string;
}

const BLOCKING_CALLS = new Set(["run", "run_forever", "run_until_complete"]);
const HELPER = "__tsmp_coroutine";
const EXCEPT_HELPER = "__tsmp_except_exception";
const START_HELPER = "__tsmp_start_coroutine";
const START_ALL_HELPER = "__tsmp_start_coroutines";
const COMBINATORS = new Set(["all", "allSettled", "any", "race"]);
const AWAIT_HELPER = "__tsmp_await_promise";

/** `Promise.all(…)`, `Promise.resolve(…)`: a static of the global Promise. */
function isPromiseApiCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === "Promise"
  );
}

function isThenCallee(node: ts.PropertyAccessExpression): boolean {
  return (
    ["then", "catch", "finally"].includes(node.name.text) &&
    node.parent !== undefined &&
    ts.isCallExpression(node.parent) &&
    node.parent.expression === node
  );
}

function returnsFromAsync(node: ts.Node): boolean {
  let owner = node.parent;
  while (owner !== undefined && !ts.isFunctionLike(owner)) owner = owner.parent;
  return (
    owner !== undefined && ts.canHaveModifiers(owner) && (ts.getModifiers(owner) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
  );
}

function isDroppedCall(expression: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  return ts.isCallExpression(expression) && isDroppedAsyncCall(expression);
}

function mentionsCancelledError(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && node.text === "CancelledError") return true;
  return ts.forEachChild(node, mentionsCancelledError) ?? false;
}

export function nodeSemanticsTransformer(options: NodeSemanticsOptions): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const f = context.factory;
    let usesHelper = false;
    let usesExceptHelper = false;
    let usesStartHelper = false;
    let usesAwaitHelper = false;
    let usesStartAllHelper = false;
    const usesPromiseApi = runsAsPromises(sourceFile);

    const isAsync = (node: ts.Node) =>
      ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    const withoutAsync = <M extends ts.ModifierLike>(modifiers: readonly M[] | undefined): M[] | undefined =>
      modifiers?.filter((m) => m.kind !== ts.SyntaxKind.AsyncKeyword);

    const lazy = (body: ts.ConciseBody, name: string): ts.Expression => {
      usesHelper = true;
      const asyncArrow = f.createArrowFunction(
        [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
        undefined,
        [],
        undefined,
        f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
        body,
      );
      return f.createCallExpression(f.createIdentifier(HELPER), undefined, [asyncArrow, f.createStringLiteral(name)]);
    };
    const lazyBlock = (body: ts.ConciseBody, name: string) => f.createBlock([f.createReturnStatement(lazy(body, name))], true);
    const nameOf = (node: { name?: ts.Node }) => (node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : "<lambda>");

    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return rewriteSpecifier(node);
      const visited = ts.visitEachChild(node, visit, context);
      if (isPromiseApiCall(visited)) return startArguments(visited);
      // `[work(1), work(2)]`, `list.push(work(i))`, `memo.set(k, work(k))`: started where collected or kept (async-start.ts).
      if (ts.isCallExpression(visited) && ts.isCallExpression(node) && (isCollectedAsyncCall(node) || isKeptAsyncCall(node))) {
        return started(visited);
      }
      // `work().then(…)`: the Promise API runs the coroutine, not an asyncio task.
      if (ts.isPropertyAccessExpression(visited) && ts.isPropertyAccessExpression(node) && isThenCallee(node)) {
        usesStartHelper = true;
        return f.updatePropertyAccessExpression(
          visited,
          f.createCallExpression(f.createIdentifier(START_HELPER), undefined, [visited.expression]),
          visited.name,
        );
      }
      if (ts.isAwaitExpression(visited) && usesPromiseApi) {
        usesAwaitHelper = true;
        return f.updateAwaitExpression(visited, f.createCallExpression(f.createIdentifier(AWAIT_HELPER), undefined, [visited.expression]));
      }
      // `return f()` from an async function: JavaScript adopts f's running promise.
      if (ts.isReturnStatement(visited) && usesPromiseApi && visited.expression && returnsFromAsync(node)) {
        return f.updateReturnStatement(visited, started(visited.expression));
      }
      // `const p = work()` used only as a promise starts at the call, as the transpiled program's does.
      if (ts.isVariableDeclaration(visited) && ts.isVariableDeclaration(node) && startsStoredCall(node)) {
        let call = visited.initializer!;
        while (ts.isParenthesizedExpression(call)) call = call.expression;
        return f.updateVariableDeclaration(visited, visited.name, visited.exclamationToken, visited.type, started(call));
      }
      // `work();`, `void work();`: JavaScript starts a dropped async call at the call (async-start.ts).
      if (ts.isExpressionStatement(visited) && ts.isExpressionStatement(node) && isDroppedCall(node.expression)) {
        return f.updateExpressionStatement(visited, started(visited.expression));
      }
      if (ts.isVoidExpression(visited) && ts.isVoidExpression(node) && isDroppedCall(node.expression)) {
        return f.updateVoidExpression(visited, started(visited.expression));
      }
      if (ts.isCatchClause(visited) && !mentionsCancelledError(visited.block)) return exceptException(visited);
      if (!isAsync(visited)) return visited;
      if (ts.isFunctionDeclaration(visited) && visited.body !== undefined && visited.asteriskToken === undefined) {
        return f.updateFunctionDeclaration(
          visited,
          withoutAsync(visited.modifiers),
          undefined,
          visited.name,
          visited.typeParameters,
          visited.parameters,
          visited.type,
          lazyBlock(visited.body, nameOf(visited)),
        );
      }
      if (ts.isFunctionExpression(visited) && visited.asteriskToken === undefined) {
        return f.updateFunctionExpression(
          visited,
          withoutAsync(visited.modifiers),
          undefined,
          visited.name,
          visited.typeParameters,
          visited.parameters,
          visited.type,
          lazyBlock(visited.body, nameOf(visited)),
        );
      }
      if (ts.isMethodDeclaration(visited) && visited.body !== undefined && visited.asteriskToken === undefined) {
        return f.updateMethodDeclaration(
          visited,
          withoutAsync(visited.modifiers),
          undefined,
          visited.name,
          visited.questionToken,
          visited.typeParameters,
          visited.parameters,
          visited.type,
          lazyBlock(visited.body, nameOf(visited)),
        );
      }
      if (ts.isArrowFunction(visited)) {
        return f.updateArrowFunction(
          visited,
          withoutAsync(visited.modifiers),
          visited.typeParameters,
          visited.parameters,
          visited.type,
          visited.equalsGreaterThanToken,
          lazy(visited.body, "<lambda>"),
        );
      }
      return visited;
    };

    const started = (argument: ts.Expression): ts.Expression => {
      while (ts.isParenthesizedExpression(argument)) argument = argument.expression;
      if (!ts.isCallExpression(argument)) return argument;
      usesStartHelper = true;
      return f.createCallExpression(f.createIdentifier(START_HELPER), undefined, [argument]);
    };
    // A combinator's items are started one by one: written out, or by a helper over its iterable.
    const startItems = (argument: ts.Expression): ts.Expression => {
      if (ts.isArrayLiteralExpression(argument)) return f.updateArrayLiteralExpression(argument, argument.elements.map(started));
      usesStartAllHelper = true;
      return f.createCallExpression(f.createIdentifier(START_ALL_HELPER), undefined, [argument]);
    };
    const startArguments = (call: ts.CallExpression): ts.CallExpression => {
      const combinator = COMBINATORS.has((call.expression as ts.PropertyAccessExpression).name.text);
      return f.updateCallExpression(
        call,
        call.expression,
        call.typeArguments,
        call.arguments.map((argument) => (combinator || ts.isArrayLiteralExpression(argument) ? startItems(argument) : started(argument))),
      );
    };

    const exceptException = (clause: ts.CatchClause): ts.CatchClause => {
      usesExceptHelper = true;
      const declaration = clause.variableDeclaration ?? f.createVariableDeclaration("__tsmp_error");
      const name = ts.isIdentifier(declaration.name) ? declaration.name : f.createIdentifier("__tsmp_error");
      const variable = ts.isIdentifier(declaration.name) ? declaration : f.createVariableDeclaration(name);
      const bindings = ts.isIdentifier(declaration.name)
        ? []
        : [
            f.createVariableStatement(
              undefined,
              f.createVariableDeclarationList(
                [f.createVariableDeclaration(declaration.name, undefined, undefined, name)],
                ts.NodeFlags.Let,
              ),
            ),
          ];
      const check = f.createExpressionStatement(f.createCallExpression(f.createIdentifier(EXCEPT_HELPER), undefined, [name]));
      return f.updateCatchClause(clause, variable, f.updateBlock(clause.block, [check, ...bindings, ...clause.block.statements]));
    };

    const rewriteSpecifier = (node: ts.ImportDeclaration | ts.ExportDeclaration): ts.Node => {
      const specifier = node.moduleSpecifier;
      if (specifier === undefined || !ts.isStringLiteral(specifier)) return node;
      const target = f.createStringLiteral(options.resolveSpecifier(specifier.text));
      return ts.isImportDeclaration(node)
        ? f.updateImportDeclaration(node, node.modifiers, node.importClause, target, node.attributes)
        : f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, target, node.attributes);
    };

    const isBlockingCall = (expression: ts.Expression): boolean =>
      ts.isCallExpression(expression) &&
      ts.isPropertyAccessExpression(expression.expression) &&
      BLOCKING_CALLS.has(expression.expression.name.text);

    // Only statements that run while the module loads: the top level and blocks nested in it.
    const awaitBlocking = (statement: ts.Statement): ts.Statement => {
      if (ts.isExpressionStatement(statement) && isBlockingCall(statement.expression)) {
        return f.updateExpressionStatement(statement, f.createAwaitExpression(statement.expression));
      }
      if (ts.isVariableStatement(statement)) {
        const declarations = statement.declarationList.declarations.map((d) =>
          d.initializer !== undefined && isBlockingCall(d.initializer)
            ? f.updateVariableDeclaration(d, d.name, d.exclamationToken, d.type, f.createAwaitExpression(d.initializer))
            : d,
        );
        return f.updateVariableStatement(
          statement,
          statement.modifiers,
          f.updateVariableDeclarationList(statement.declarationList, declarations),
        );
      }
      if (ts.isBlock(statement)) return f.updateBlock(statement, statement.statements.map(awaitBlocking));
      if (ts.isIfStatement(statement)) {
        return f.updateIfStatement(
          statement,
          statement.expression,
          awaitBlocking(statement.thenStatement),
          statement.elseStatement && awaitBlocking(statement.elseStatement),
        );
      }
      if (ts.isTryStatement(statement)) {
        return f.updateTryStatement(
          statement,
          awaitBlocking(statement.tryBlock) as ts.Block,
          statement.catchClause &&
            f.updateCatchClause(
              statement.catchClause,
              statement.catchClause.variableDeclaration,
              awaitBlocking(statement.catchClause.block) as ts.Block,
            ),
          statement.finallyBlock && (awaitBlocking(statement.finallyBlock) as ts.Block),
        );
      }
      return statement;
    };

    const statements = sourceFile.statements.map((s) => awaitBlocking(visit(s) as ts.Statement));
    const helpers = [
      ...(usesHelper ? [f.createImportSpecifier(false, f.createIdentifier("coroutine"), f.createIdentifier(HELPER))] : []),
      ...(usesExceptHelper
        ? [f.createImportSpecifier(false, f.createIdentifier("exceptException"), f.createIdentifier(EXCEPT_HELPER))]
        : []),
      ...(usesStartHelper ? [f.createImportSpecifier(false, f.createIdentifier("startCoroutine"), f.createIdentifier(START_HELPER))] : []),
      ...(usesAwaitHelper ? [f.createImportSpecifier(false, f.createIdentifier("awaitPromise"), f.createIdentifier(AWAIT_HELPER))] : []),
      ...(usesStartAllHelper
        ? [f.createImportSpecifier(false, f.createIdentifier("startCoroutines"), f.createIdentifier(START_ALL_HELPER))]
        : []),
    ];
    if (helpers.length > 0) {
      statements.unshift(
        f.createImportDeclaration(
          undefined,
          f.createImportClause(false, undefined, f.createNamedImports(helpers)),
          f.createStringLiteral(options.helpersModule),
        ),
      );
    }
    return f.updateSourceFile(sourceFile, statements);
  };
}
