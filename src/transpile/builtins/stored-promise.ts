import { ts } from "../typescript.js";

/**
 * `const p = work(); …; p.then(…)`: JavaScript starts `work` at the call, where a MicroPython
 * coroutine would start only when first awaited or handed to the Promise API — too late when
 * the code between relies on what `work` did up to its first `await` (TypeScriptToLua's
 * "deferred promise" cases, #1706). A call stored in a variable that the program uses only as a
 * promise is therefore started at the call, as the Promise API starts it (JsPromise.of on
 * MicroPython, startCoroutine on Node). A variable used any other way (handed to
 * `asyncio.create_task`, passed on, returned) keeps the coroutine lazy: asyncio needs one.
 *
 * Decided on the syntax alone, so the transpiler and the Node runner agree: every other
 * identifier of the same name in the declaration's scope must be a promise use — the receiver
 * of `.then/.catch/.finally(…)`, the operand of `await`, or an argument of `Promise.*(…)`,
 * directly or in an array literal. A shadowing declaration of the name gives up.
 */
export function startsAtCall(declaration: ts.VariableDeclaration): boolean {
  const name = declaration.name;
  if (!ts.isIdentifier(name) || declaration.initializer === undefined) return false;
  if (!ts.isCallExpression(skipParens(declaration.initializer))) return false;
  const scope = scopeOf(declaration);
  let uses = 0;
  let onlyPromiseUses = true;
  const visit = (node: ts.Node): void => {
    if (!onlyPromiseUses) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && !isPropertyName(node)) {
      if (isDeclarationName(node) || !isPromiseUse(node)) onlyPromiseUses = false;
      else uses += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return onlyPromiseUses && uses > 0;
}

function skipParens(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? skipParens(node.expression) : node;
}

/** The block, function or module a declaration's name is visible in (all of it, for `var`). */
function scopeOf(declaration: ts.VariableDeclaration): ts.Node {
  const isVar = (declaration.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
  let node: ts.Node = declaration.parent;
  while (node.parent !== undefined) {
    node = node.parent;
    if (ts.isFunctionLike(node) || ts.isSourceFile(node) || ts.isModuleBlock(node)) return node;
    if (!isVar && (ts.isBlock(node) || ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node))) return node;
  }
  return node;
}

/** `o.name`, `{ name: … }`, `name()` as a method: a property, not a reference to the variable. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node)
  );
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent)) &&
    parent.name === node
  );
}

function isPromiseUse(node: ts.Identifier): boolean {
  let use: ts.Node = node;
  while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
  const parent = use.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === use) {
    return (
      ["then", "catch", "finally"].includes(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent
    );
  }
  if (ts.isArrayLiteralExpression(parent)) return isPromiseApiArgument(parent);
  return isPromiseApiArgument(use);
}

/** An argument of `Promise.all(…)`, `Promise.resolve(…)`, … */
function isPromiseApiArgument(node: ts.Node): boolean {
  const call = node.parent;
  return (
    ts.isCallExpression(call) &&
    call.arguments.includes(node as ts.Expression) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ts.isIdentifier(call.expression.expression) &&
    call.expression.expression.text === "Promise"
  );
}
