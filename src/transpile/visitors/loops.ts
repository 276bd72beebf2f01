import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { negate } from "../conversions.js";
import * as py from "../python-ast.js";
import { isIntegerValued as isIntegerInferred, isNegativeZeroLiteral } from "../integers.js";
import { isAssignedWithin } from "../scope.js";
import { isTypedArrayName } from "../typed-array-names.js";
import { stepOf } from "../element-bounds.js";
import { isArrayType, isStringType, typeOf } from "../types.js";
import { conditionOf } from "./condition.js";
import { transformExpressionAsStatements, transformVariableDeclarationList } from "./statements.js";

/** `while (test)`; a test that needs statements of its own becomes `while True: ...; if not test: break`. */
function whileLoop(context: TransformationContext, test: ts.Expression | undefined, body: () => py.Statement[]): py.Statement[] {
  if (!test) return [py.whileStatement(py.bool(true), body())];
  const { result: condition, preceding } = context.collectPreceding(() => conditionOf(test, context));
  if (preceding.length === 0) return [py.whileStatement(condition, body())];
  return [py.whileStatement(py.bool(true), [...preceding, py.ifStatement(negate(condition), [py.breakStatement()]), ...body()])];
}

export function transformWhileStatement(node: ts.WhileStatement, context: TransformationContext): py.Statement[] {
  return whileLoop(context, node.expression, () =>
    context.withLoop({ beforeContinue: () => [] }, () => context.transformBlock(node.statement)),
  );
}

/** `do { body } while (test)` runs the body first; a `continue` must still check the test. */
export function transformDoStatement(node: ts.DoStatement, context: TransformationContext): py.Statement[] {
  const exitUnlessTest = (): py.Statement[] => {
    const { result: condition, preceding } = context.collectPreceding(() => conditionOf(node.expression, context));
    return [...preceding, py.ifStatement(negate(condition), [py.breakStatement()])];
  };
  const body = context.withLoop({ beforeContinue: exitUnlessTest }, () => context.transformBlock(node.statement));
  return [py.whileStatement(py.bool(true), [...body, ...exitUnlessTest()])];
}

export function transformForStatement(node: ts.ForStatement, context: TransformationContext): py.Statement[] {
  const range = rangeLoop(node, context);
  if (range) return range;
  const initializer: py.Statement[] = [];
  if (node.initializer) {
    const { result, preceding } = context.collectPreceding(() =>
      ts.isVariableDeclarationList(node.initializer!)
        ? transformVariableDeclarationList(node.initializer, context)
        : transformExpressionAsStatements(node.initializer as ts.Expression, context),
    );
    initializer.push(...preceding, ...result);
  }
  const incrementor = (): py.Statement[] => {
    if (!node.incrementor) return [];
    const { result, preceding } = context.collectPreceding(() => transformExpressionAsStatements(node.incrementor!, context));
    return [...preceding, ...result];
  };
  // `continue` in a C-style for must still run the incrementor: it is repeated before each one.
  const loop = whileLoop(context, node.condition, () => [
    ...context.withLoop({ beforeContinue: incrementor }, () => context.transformBlock(node.statement)),
    ...incrementor(),
  ]);
  return [...initializer, ...loop];
}

/**
 * `for (let i = a; i < b; i++)` with a bound that cannot change and a counter the body never
 * writes is `for i in range(a, b)`: what a person would write, and faster on a board.
 */
function rangeLoop(node: ts.ForStatement, context: TransformationContext): py.Statement[] | undefined {
  const { initializer, condition, incrementor } = node;
  if (!initializer || !condition || !incrementor || !ts.isVariableDeclarationList(initializer)) return undefined;
  if (!(initializer.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) || initializer.flags & ts.NodeFlags.Using) return undefined;
  if (initializer.declarations.length !== 1) return undefined;
  const declaration = initializer.declarations[0]!;
  if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  const counter = context.symbolOf(declaration.name);
  if (!counter || isAssignedWithin(counter, node.statement, context)) return undefined;
  if (!isIntegerValued(declaration.initializer, context) && !isIntegerInferred(declaration.initializer, context)) return undefined;

  const step = stepOf(incrementor, counter, context);
  const stepVariable = step === undefined ? positiveStepVariable(incrementor, counter, node, context) : undefined;
  if (step === undefined && !stepVariable) return undefined;
  if (!ts.isBinaryExpression(condition) || !ts.isIdentifier(condition.left) || context.symbolOf(condition.left) !== counter) {
    return undefined;
  }
  const bound = condition.right;
  if (!isFixedBound(bound, node.statement, context)) return undefined;
  const comparison = condition.operatorToken.kind;
  let stop = context.transformExpression(bound);
  if (stepVariable || step! > 0) {
    if (comparison === ts.SyntaxKind.LessThanEqualsToken) stop = py.binOp(stop, "+", py.num(1));
    else if (comparison !== ts.SyntaxKind.LessThanToken) return undefined;
  } else {
    if (comparison === ts.SyntaxKind.GreaterThanEqualsToken) stop = py.binOp(stop, "-", py.num(1));
    else if (comparison !== ts.SyntaxKind.GreaterThanToken) return undefined;
  }
  const start = context.transformExpression(declaration.initializer);
  const stepArgument = stepVariable ? context.transformExpression(stepVariable) : py.num(step!);
  const args = step === 1 && isZero(start) ? [stop] : step === 1 ? [start, stop] : [start, stop, stepArgument];
  const body = context.withLoop({ beforeContinue: () => [] }, () => context.transformBlock(node.statement));
  return [{ kind: "For", target: py.name(context.pythonName(declaration.name)), iter: py.call(py.name("range"), args), body }];
}

function isZero(expression: py.Expression): boolean {
  return expression.kind === "Constant" && typeof expression.value === "object" && expression.value?.number === "0";
}

/**
 * `counter += k` where `k` is a positive integer the loop cannot change: a `const` set to a
 * positive integer literal, or the `let` counter of an enclosing loop that starts at a positive
 * integer literal, only counts up and is not written in its body (a sieve's
 * `for (let j = i * i; j <= n; j += i)`). range() reads the step once, JS on every iteration.
 */
function positiveStepVariable(
  node: ts.Expression,
  counter: ts.Symbol,
  loop: ts.ForStatement,
  context: TransformationContext,
): ts.Identifier | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken) return undefined;
  if (!ts.isIdentifier(node.left) || context.symbolOf(node.left) !== counter || !ts.isIdentifier(node.right)) return undefined;
  const symbol = context.symbolOf(node.right);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  if (!ts.isNumericLiteral(declaration.initializer)) return undefined;
  const start = Number(declaration.initializer.text);
  if (!Number.isInteger(start) || start <= 0) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list)) return undefined;
  if (list.flags & ts.NodeFlags.Const) return node.right;
  const outer = list.parent;
  if (!(list.flags & ts.NodeFlags.Let) || !ts.isForStatement(outer) || outer.initializer !== list || !isWithin(loop, outer.statement))
    return undefined;
  const outerStep = outer.incrementor && stepOf(outer.incrementor, symbol, context);
  if (outerStep === undefined || outerStep <= 0 || isAssignedWithin(symbol, outer.statement, context)) return undefined;
  if (outer.condition && isAssignedWithin(symbol, outer.condition, context)) return undefined;
  return node.right;
}

function isWithin(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** Integer literals, and `const` names initialised with one. */
function isIntegerValued(node: ts.Expression, context: TransformationContext): boolean {
  if (ts.isNumericLiteral(node)) return Number.isInteger(Number(node.text));
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return !isNegativeZeroLiteral(node) && isIntegerValued(node.operand, context);
  if (ts.isIdentifier(node)) {
    const declaration = context.symbolOf(node)?.valueDeclaration;
    return (
      declaration !== undefined &&
      ts.isVariableDeclaration(declaration) &&
      (declaration.parent.flags & ts.NodeFlags.Const) !== 0 &&
      declaration.initializer !== undefined &&
      isIntegerValued(declaration.initializer, context)
    );
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === "length") {
    const receiverType = typeOf(context, node.expression);
    return isArrayType(context, receiverType) || isStringType(receiverType) || isTypedArray(receiverType);
  }
  return false;
}

const isTypedArray = (type: ts.Type) => isTypedArrayName(type.getSymbol()?.getName());

/** A loop bound evaluated once by `range()` must not change while the loop runs. */
function isFixedBound(bound: ts.Expression, body: ts.Statement, context: TransformationContext): boolean {
  if (!isIntegerValued(bound, context)) return false;
  if (ts.isPropertyAccessExpression(bound)) {
    // `items.length`: the body must not touch `items` except by reading elements.
    if (!ts.isIdentifier(bound.expression)) return false;
    const symbol = context.symbolOf(bound.expression);
    if (!symbol || isAssignedWithin(symbol, body, context)) return false;
    if (isStringType(typeOf(context, bound.expression))) return true;
    // A typed array's length never changes (a tsmp project's library has no resizable
    // ArrayBuffer): only another array in the variable could change the bound.
    if (isTypedArray(typeOf(context, bound.expression)) && holdsOneValue(symbol, context)) return true;
    let touched = false;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && context.symbolOf(node) === symbol) {
        const parent = node.parent;
        const readsElement = ts.isElementAccessExpression(parent) && parent.expression === node && !isWritten(parent);
        const readsLength = ts.isPropertyAccessExpression(parent) && parent.name.text === "length";
        if (!readsElement && !readsLength) touched = true;
      }
      if (ts.isCallExpression(node) && !ts.isPropertyAccessExpression(node.expression)) {
        // A call to a local function could change the array through a closure.
        touched = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return !touched;
  }
  return true;
}

/**
 * A `const`, or a parameter its function never writes: not by assignment, and not by a
 * destructuring pattern (every reference is checked to stand outside any literal).
 */
function holdsOneValue(symbol: ts.Symbol, context: TransformationContext): boolean {
  const declaration = symbol.valueDeclaration;
  if (declaration && ts.isVariableDeclaration(declaration)) return (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
  if (!declaration || !ts.isParameter(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const fn = declaration.parent;
  if (isAssignedWithin(symbol, fn, context)) return false;
  let inPattern = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== declaration.name && context.symbolOf(node) === symbol) {
      const parent = node.parent;
      if (
        ts.isArrayLiteralExpression(parent) ||
        ts.isShorthandPropertyAssignment(parent) ||
        ts.isPropertyAssignment(parent) ||
        ts.isSpreadElement(parent)
      )
        inPattern = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return !inPattern;
}

function isWritten(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}
