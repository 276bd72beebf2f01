import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import * as py from "./python-ast.js";
import { isIntegerValued } from "./integers.js";
import { isNonNegative, unsignedElementMaximum } from "./operators/numeric.js";
import { isAssignedWithin } from "./scope.js";
import { isTypedArrayName } from "./typed-array-names.js";
import { isArrayType, isMatchArray, isNumberType, isStringType, typeOf } from "./types.js";
import { isTransparentWrapper, skipParentheses } from "./visitors/transparent.js";

/**
 * Element reads of arrays, strings and typed arrays. JavaScript reads `undefined` before the
 * start, past the end and at a fractional index; Python's `a[i]` raises past the end and counts
 * a negative index from the end. Where the index is provably in range (a loop counter bounded by
 * the receiver's `length`, a literal within a tuple) the read is Python's own; elsewhere it is
 * tested inline when the index is an integer (`a[i] if i < len(a) else None`) and goes through
 * `js_item` otherwise.
 */
export function elementRead(
  node: ts.ElementAccessExpression,
  receiver: py.Expression,
  index: py.Expression,
  context: TransformationContext,
): py.Expression {
  const read = py.subscript(receiver, index);
  const argument = node.argumentExpression;
  if (readsNatively(node, context)) return read;
  // `a[a.length - k]` (k ≥ 1): the k-th element from the end, when there are k.
  const array =
    receiver.kind === "Name" &&
    ts.isIdentifier(skipParentheses(node.expression)) &&
    context.symbolOf(skipParentheses(node.expression) as ts.Identifier);
  const fromEnd = array ? lengthMinus(argument, array, context) : undefined;
  if (fromEnd !== undefined && fromEnd >= 1) {
    const present = py.compare(py.call(py.name("len"), [receiver]), ">=", py.num(fromEnd));
    return py.ifExp(present, py.subscript(receiver, py.unaryOp("-", py.num(fromEnd))), py.none());
  }
  if (receiver.kind === "Name" && isPure(index) && isIntegerValued(argument, context)) {
    const below = py.compare(index, "<", py.call(py.name("len"), [receiver]));
    const test = isNonNegative(argument, context) ? below : py.boolOp(py.compare(py.num(0), "<=", index), "and", below);
    return py.ifExp(test, read, py.none());
  }
  return py.call(context.useHelper("js_item"), [receiver, index]);
}

/** In range, or asserted present (`a[i]!`) at a whole index ≥ 0: Python's own indexing. */
function readsNatively(node: ts.ElementAccessExpression, context: TransformationContext): boolean {
  if (isIndexInRange(node, context)) return true;
  const index = node.argumentExpression;
  return isAssertedPresent(node) && isIntegerValued(index, context) && isNonNegative(index, context);
}

/**
 * `a[i]!`: the program asserts the element is there (as it must under noUncheckedIndexedAccess),
 * so a whole index ≥ 0 reads natively. Should the assertion be wrong, Python raises IndexError
 * where JavaScript would go on with undefined.
 */
function isAssertedPresent(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  return ts.isNonNullExpression(current.parent);
}

/** A Python expression that gives the same value when evaluated twice and runs no code of the program's. */
function isPure(expression: py.Expression): boolean {
  switch (expression.kind) {
    case "Name":
    case "Constant":
      return true;
    case "BinOp":
      return isPure(expression.left) && isPure(expression.right);
    case "Call":
      return (
        expression.func.kind === "Name" &&
        expression.func.id === "len" &&
        expression.args.length === 1 &&
        expression.args[0]!.kind === "Name"
      );
    default:
      return false;
  }
}

/**
 * An element read converted to a string (printed, concatenated, in a template): an undefined
 * element is the text "undefined". A string element tested inline gives that text in place of
 * `None`; other reads go through js_str.
 */
export function elementAsText(node: ts.Expression, expression: py.Expression, context: TransformationContext): py.Expression | undefined {
  if (!mayReadPastEnd(node, context)) return undefined;
  const missing = expression.kind === "IfExp" && expression.orelse.kind === "Constant" && expression.orelse.value === null;
  if (missing && isStringType(typeOf(context, node)) && !holdsUnmatchedGroups(node, context)) {
    return py.ifExp(expression.test, expression.body, py.str("undefined"));
  }
  return py.call(context.useHelper("js_str"), [expression]);
}

/**
 * An element read of a number that may be past the end, as an operand of arithmetic: undefined
 * there is NaN (`xs[5] * 2`, `t += xs[j]`), so the inline test gives NaN in place of `None`,
 * which Python's operators refuse (an arithmetic operand, a Math argument, a numeric comparison;
 * equality keeps `None`: undefined is not NaN to `===`).
 */
export function elementAsNumber(node: ts.Expression, expression: py.Expression, context: TransformationContext): py.Expression {
  const missing = expression.kind === "IfExp" && expression.orelse.kind === "Constant" && expression.orelse.value === null;
  if (!missing || !isNumberType(typeOf(context, node)) || !mayReadPastEnd(node, context)) return expression;
  // An element the build takes for an integer (a typed array's) is printed and combined as
  // one: NaN there would print as "nan". Such a read keeps None, which raises TypeError.
  if (isIntegerValued(node, context)) return expression;
  return py.ifExp(expression.test, expression.body, context.useHelper("js_nan"));
}

/** `match[i]`: an element in range is undefined too when its group took part in no match. */
function holdsUnmatchedGroups(node: ts.Expression, context: TransformationContext): boolean {
  const value = skipParentheses(node);
  return ts.isElementAccessExpression(value) && isMatchArray(context.checker.getNonNullableType(typeOf(context, value.expression)));
}

/** Whether `receiver[index]` surely names an element (so Python's indexing gives JavaScript's). */
export function isIndexInRange(node: ts.ElementAccessExpression, context: TransformationContext): boolean {
  const index = skipParentheses(node.argumentExpression);
  if (ts.isNumericLiteral(index)) return isLiteralInRange(Number(index.text), node.expression, context);
  return isBoundedByLoop(node, context) || isBelowConstantLength(index, node.expression, context);
}

/** `digits[b & 15]` with `const digits = "0123456789abcdef"`: the index cannot reach the length. */
function isBelowConstantLength(index: ts.Expression, receiverNode: ts.Expression, context: TransformationContext): boolean {
  const length = constantLength(skipParentheses(receiverNode), context);
  const most = largestValue(index, context);
  return length !== undefined && most !== undefined && most < length && isNonNegative(index, context);
}

/**
 * The length of a `const` holding a string literal or `new Uint8Array(n)` (a typed array never
 * resizes), or the least length of a `const` array made by `new Array(n).fill(v)` or an array
 * literal whose length nothing can shrink (`onlyGrows`).
 */
function constantLength(receiver: ts.Expression, context: TransformationContext): number | undefined {
  const symbol = ts.isIdentifier(receiver) ? context.symbolOf(receiver) : undefined;
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
  const value = declaration.initializer;
  if (ts.isStringLiteralLike(value)) return [...value.text].length;
  const arrayLength = initialArrayLength(value, context);
  if (arrayLength !== undefined) return onlyGrows(symbol, declaration, context) ? arrayLength : undefined;
  if (!ts.isNewExpression(value) || !ts.isIdentifier(value.expression) || !isTypedArrayName(value.expression.text)) return undefined;
  const [size, ...rest] = value.arguments ?? [];
  const length = size && rest.length === 0 ? integerLiteral(size) : undefined;
  return length !== undefined && length >= 0 ? length : undefined;
}

/** `new Array(n).fill(v)` or an array literal without spreads: its length. */
function initialArrayLength(value: ts.Expression, context: TransformationContext): number | undefined {
  if (ts.isArrayLiteralExpression(value)) return value.elements.some(ts.isSpreadElement) ? undefined : value.elements.length;
  if (!ts.isCallExpression(value) || !ts.isPropertyAccessExpression(value.expression) || value.expression.name.text !== "fill")
    return undefined;
  const made = value.expression.expression;
  if (value.arguments.length !== 1 || !ts.isNewExpression(made) || !ts.isIdentifier(made.expression) || made.expression.text !== "Array") {
    return undefined;
  }
  const [size, ...rest] = made.arguments ?? [];
  const length = size && rest.length === 0 ? constantInteger(size, context) : undefined;
  return length !== undefined && length >= 0 ? length : undefined;
}

/**
 * Whether an array variable keeps at least its first length: its module does not export it and
 * uses it only to read its length and to read and write elements (a write past the end grows
 * it; nothing else — a method, a call it is passed to — can reach it).
 */
function onlyGrows(symbol: ts.Symbol, declaration: ts.VariableDeclaration, context: TransformationContext): boolean {
  const statement = declaration.parent.parent;
  if (ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
    return false;
  }
  let escapes = false;
  const visit = (node: ts.Node): void => {
    if (escapes) return;
    if (ts.isIdentifier(node) && node !== declaration.name && context.symbolOf(node) === symbol) {
      const parent = node.parent;
      const readsLength = ts.isPropertyAccessExpression(parent) && parent.name.text === "length" && !isWritten(parent);
      const usesElement = ts.isElementAccessExpression(parent) && parent.expression === node && !ts.isDeleteExpression(parent.parent);
      if (!readsLength && !usesElement) escapes = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.getSourceFile());
  return !escapes;
}

/** An integer the build knows: a literal, a `const` holding one, and sums, differences and products of those. */
function constantInteger(node: ts.Expression, context: TransformationContext, depth = 0): number | undefined {
  const value = skipParentheses(node);
  const literal = integerLiteral(value);
  if (literal !== undefined || depth > 8) return literal;
  if (ts.isIdentifier(value)) {
    const declaration = context.symbolOf(value)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    return ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
      ? constantInteger(declaration.initializer, context, depth + 1)
      : undefined;
  }
  if (!ts.isBinaryExpression(value)) return undefined;
  const left = constantInteger(value.left, context, depth + 1);
  const right = constantInteger(value.right, context, depth + 1);
  if (left === undefined || right === undefined) return undefined;
  const kind = value.operatorToken.kind;
  if (kind === ts.SyntaxKind.PlusToken) return left + right;
  if (kind === ts.SyntaxKind.MinusToken) return left - right;
  return kind === ts.SyntaxKind.AsteriskToken ? left * right : undefined;
}

/** The largest value a whole-number index can take, where its form bounds it (`x & k`, `x % k`, a loop counter below a constant). */
function largestValue(node: ts.Expression, context: TransformationContext): number | undefined {
  const index = skipParentheses(node);
  const literal = integerLiteral(index);
  if (literal !== undefined) return literal;
  if (ts.isElementAccessExpression(index)) return unsignedElementMaximum(index, context);
  if (ts.isIdentifier(index)) {
    const counted = counterMaximum(index, context);
    if (counted !== undefined) return counted;
    // A const holding such a value (`const b = bytes[i]!`).
    const declaration = context.symbolOf(index)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    return ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const ? largestValue(declaration.initializer, context) : undefined;
  }
  if (!ts.isBinaryExpression(index) || !isIntegerValued(index, context)) return undefined;
  const kind = index.operatorToken.kind;
  if (kind === ts.SyntaxKind.AmpersandToken) {
    const masks = [integerLiteral(index.left), integerLiteral(index.right)].filter((mask) => mask !== undefined && mask >= 0);
    return masks.length > 0 ? Math.min(...(masks as number[])) : undefined;
  }
  const right = integerLiteral(index.right);
  if (kind === ts.SyntaxKind.PercentToken && right !== undefined && right > 0) return right - 1;
  const left = largestValue(index.left, context);
  const isShift = kind === ts.SyntaxKind.GreaterThanGreaterThanToken || kind === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken;
  if (isShift && left !== undefined && right !== undefined && right >= 0 && right < 32) return Math.floor(left / 2 ** right);
  return undefined;
}

/** A literal index below a tuple's fixed length or a string literal's. */
function isLiteralInRange(value: number, receiverNode: ts.Expression, context: TransformationContext): boolean {
  if (!Number.isInteger(value) || value < 0) return false;
  const receiver = skipParentheses(receiverNode);
  if (ts.isStringLiteral(receiver) || ts.isNoSubstitutionTemplateLiteral(receiver)) return value < [...receiver.text].length;
  const length = constantLength(receiver, context);
  if (length !== undefined) return value < length;
  const type = typeOf(context, receiver);
  if (!context.checker.isTupleType(type)) return false;
  return value < (type as ts.TupleTypeReference).target.minLength;
}

/**
 * `R[i + c]` inside `for (let i = s; i < R.length - k; i++)` (or counting down from
 * `R.length - k` to a literal) where the body never assigns `i` and cannot change `R`'s length:
 * every value `i + c` takes is an element of `R`.
 */
function isBoundedByLoop(node: ts.ElementAccessExpression, context: TransformationContext): boolean {
  const receiver = skipParentheses(node.expression);
  if (!ts.isIdentifier(receiver)) return false;
  const array = context.symbolOf(receiver);
  const loop = counterLoop(node, context);
  if (!array || !loop || !fitsLoop(node, loop, array, context)) return false;
  return keepsLength(array, receiver, loop, context);
}

interface CounterLoop {
  statement: ts.ForStatement;
  counter: ts.Symbol;
  start: ts.Expression;
  step: number;
}

/** The `for` loop whose `let` counter the index reads, when the read is inside its body. */
function counterLoop(node: ts.ElementAccessExpression, context: TransformationContext): CounterLoop | undefined {
  const linear = linearIndex(node.argumentExpression);
  return linear && loopOfCounter(node, linear.counter, context);
}

/**
 * The largest value of a `for` loop's counter read in its body, when the loop counts up to a
 * constant (`for (let i = 2; i <= limit; i++)`, `limit` a `const` the build knows).
 */
function counterMaximum(use: ts.Identifier, context: TransformationContext): number | undefined {
  const loop = loopOfCounter(use, use, context);
  const condition = loop?.statement.condition && skipParentheses(loop.statement.condition);
  if (!loop || loop.step <= 0 || !condition || !ts.isBinaryExpression(condition) || !ts.isIdentifier(condition.left)) return undefined;
  if (context.symbolOf(condition.left) !== loop.counter) return undefined;
  const bound = constantInteger(condition.right, context);
  if (bound === undefined) return undefined;
  if (condition.operatorToken.kind === ts.SyntaxKind.LessThanEqualsToken) return bound;
  return condition.operatorToken.kind === ts.SyntaxKind.LessThanToken ? bound - 1 : undefined;
}

/** The `for` loop declaring `counterName`'s `let` counter, when `node` is inside its body. */
function loopOfCounter(node: ts.Node, counterName: ts.Identifier, context: TransformationContext): CounterLoop | undefined {
  const counter = context.symbolOf(counterName);
  const declaration = counter?.valueDeclaration;
  if (!counter || !declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const list = declaration.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Let) || list.declarations.length !== 1) return undefined;
  if (!ts.isForStatement(statement) || statement.initializer !== list || !statement.incrementor) return undefined;
  // Inside the body, not inside a function defined there (which could run later).
  let inside = false;
  for (let current: ts.Node = node; current !== statement; current = current.parent) {
    if (ts.isFunctionLike(current)) return undefined;
    if (current === statement.statement) inside = true;
  }
  if (!inside || isAssignedWithin(counter, statement.statement, context)) return undefined;
  if (statement.condition && isAssignedWithin(counter, statement.condition, context)) return undefined;
  const step = stepOf(statement.incrementor, counter, context);
  if (step === undefined || !isIntegerValued(declaration.initializer, context)) return undefined;
  return { statement, counter, start: declaration.initializer, step };
}

/** Whether every value the loop gives `i + c` is at least 0 and below `R.length`. */
function fitsLoop(node: ts.ElementAccessExpression, loop: CounterLoop, array: ts.Symbol, context: TransformationContext): boolean {
  const { offset } = linearIndex(node.argumentExpression)!;
  const condition = loop.statement.condition && skipParentheses(loop.statement.condition);
  if (!condition || !ts.isBinaryExpression(condition) || !ts.isIdentifier(condition.left)) return false;
  if (context.symbolOf(condition.left) !== loop.counter) return false;
  const comparison = condition.operatorToken.kind;
  if (loop.step > 0) {
    // i < R.length - k: i + c ≤ R.length - k - 1 + c, an element when c ≤ k.
    const k = lengthMinus(condition.right, array, context);
    if (k === undefined) return false;
    if (comparison === ts.SyntaxKind.LessThanToken ? offset > k : comparison !== ts.SyntaxKind.LessThanEqualsToken || offset > k - 1)
      return false;
    const start = integerLiteral(loop.start);
    return start !== undefined ? start + offset >= 0 : offset >= 0 && isNonNegative(loop.start, context);
  }
  // Counting down from R.length - k (k ≥ 1) while i ≥ m (or i > m).
  const k = lengthMinus(loop.start, array, context);
  const bound = integerLiteral(condition.right);
  if (k === undefined || bound === undefined || offset > k - 1) return false;
  if (comparison === ts.SyntaxKind.GreaterThanEqualsToken) return bound + offset >= 0;
  return comparison === ts.SyntaxKind.GreaterThanToken && bound + 1 + offset >= 0;
}

/**
 * Whether the loop cannot change `R`'s length: it never assigns `R`, and (for an array) its body
 * uses `R` only to read its length and elements or to write elements in range, and calls no
 * function that could reach it through a closure. A string's or a typed array's length never
 * changes.
 */
function keepsLength(array: ts.Symbol, receiver: ts.Identifier, loop: CounterLoop, context: TransformationContext): boolean {
  if (isAssignedWithin(array, loop.statement, context)) return false;
  const type = typeOf(context, receiver);
  if (isStringType(type) || isTypedArrayName(type.getSymbol()?.getName())) return true;
  let touched = false;
  const visit = (node: ts.Node): void => {
    if (touched) return;
    if (ts.isIdentifier(node) && context.symbolOf(node) === array) {
      const parent = node.parent;
      const readsLength = ts.isPropertyAccessExpression(parent) && parent.name.text === "length" && !isWritten(parent);
      const usesElement =
        ts.isElementAccessExpression(parent) &&
        parent.expression === node &&
        (!isWritten(parent) || (counterLoop(parent, context)?.statement === loop.statement && fitsLoop(parent, loop, array, context)));
      if (!readsLength && !usesElement) touched = true;
    }
    // A call of a plain function could change the array through a closure.
    if (ts.isCallExpression(node) && !ts.isPropertyAccessExpression(node.expression)) touched = true;
    ts.forEachChild(node, visit);
  };
  visit(loop.statement);
  return !touched;
}

/**
 * Whether an expression is written: the left of an assignment, the operand of `++`/`--`, an
 * element of a destructuring pattern (`[a[0], a[1]] = …`, `for (a[i] of …)`), or `delete`d.
 */
export function isWritten(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (isTransparentWrapper(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isBinaryExpression(parent) && parent.left === current) {
    const kind = parent.operatorToken.kind;
    // `[a[0] = 5] = …`: a pattern element with a default.
    if (kind === ts.SyntaxKind.EqualsToken && isPatternElement(parent)) return true;
    return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if (ts.isDeleteExpression(parent)) return true;
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === current) return true;
  return isPatternElement(current);
}

/** An element of an array or object literal that is itself assigned to (a pattern). */
function isPatternElement(node: ts.Node): boolean {
  let parent = node.parent;
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) parent = parent.parent;
  else if (ts.isPropertyAssignment(parent) && parent.initializer === node) parent = parent.parent;
  if (!ts.isArrayLiteralExpression(parent) && !ts.isObjectLiteralExpression(parent)) return false;
  return isWritten(parent);
}

/** `i`, `i + c`, `c + i`, `i - c` with an integer literal c. */
function linearIndex(node: ts.Expression): { counter: ts.Identifier; offset: number } | undefined {
  const index = skipParentheses(node);
  if (ts.isIdentifier(index)) return { counter: index, offset: 0 };
  if (!ts.isBinaryExpression(index)) return undefined;
  const kind = index.operatorToken.kind;
  const left = skipParentheses(index.left);
  const right = integerLiteral(index.right);
  if (ts.isIdentifier(left) && right !== undefined) {
    if (kind === ts.SyntaxKind.PlusToken) return { counter: left, offset: right };
    if (kind === ts.SyntaxKind.MinusToken) return { counter: left, offset: -right };
  }
  const first = integerLiteral(index.left);
  const second = skipParentheses(index.right);
  if (kind === ts.SyntaxKind.PlusToken && first !== undefined && ts.isIdentifier(second)) return { counter: second, offset: first };
  return undefined;
}

/** k for `R.length - k` (0 for `R.length`), R being the array's own variable. */
function lengthMinus(node: ts.Expression, array: ts.Symbol, context: TransformationContext): number | undefined {
  const bound = skipParentheses(node);
  const isLength = (expression: ts.Expression): boolean => {
    const length = skipParentheses(expression);
    return (
      ts.isPropertyAccessExpression(length) &&
      length.name.text === "length" &&
      ts.isIdentifier(length.expression) &&
      context.symbolOf(length.expression) === array
    );
  };
  if (isLength(bound)) return 0;
  if (!ts.isBinaryExpression(bound) || bound.operatorToken.kind !== ts.SyntaxKind.MinusToken || !isLength(bound.left)) return undefined;
  const k = integerLiteral(bound.right);
  return k !== undefined && k >= 0 ? k : undefined;
}

function integerLiteral(node: ts.Expression): number | undefined {
  const value = skipParentheses(node);
  if (ts.isNumericLiteral(value)) return Number.isInteger(Number(value.text)) ? Number(value.text) : undefined;
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.MinusToken) {
    const operand = integerLiteral(value.operand);
    return operand === undefined ? undefined : -operand;
  }
  return undefined;
}

/**
 * Whether a value is an element read that may be undefined although its type says `T` (past
 * the end of an array or string): printing and string conversion must then show `undefined`
 * rather than what the type alone would pick (Python's `None`, or `false` for a boolean).
 */
export function mayReadPastEnd(node: ts.Expression, context: TransformationContext, linkOfChain = false): boolean {
  const value = skipParentheses(node);
  if (!ts.isElementAccessExpression(value) || (value.questionDotToken && !linkOfChain) || isWritten(value)) return false;
  const type = typeOf(context, value.expression);
  const isSequence = isArrayType(context, type) || isStringType(type) || isTypedArrayName(type.getSymbol()?.getName());
  return isSequence && !readsNatively(value, context);
}

/** The step of a `for` loop's update (`i++`, `i--`, `i += k`, `i -= k`, k an integer literal). */
export function stepOf(node: ts.Expression, counter: ts.Symbol, context: TransformationContext): number | undefined {
  if ((ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) && ts.isIdentifier(node.operand)) {
    if (context.symbolOf(node.operand) !== counter) return undefined;
    if (node.operator === ts.SyntaxKind.PlusPlusToken) return 1;
    if (node.operator === ts.SyntaxKind.MinusMinusToken) return -1;
    return undefined;
  }
  if (
    ts.isBinaryExpression(node) &&
    ts.isIdentifier(node.left) &&
    context.symbolOf(node.left) === counter &&
    ts.isNumericLiteral(node.right)
  ) {
    const amount = Number(node.right.text);
    if (!Number.isInteger(amount) || amount === 0) return undefined;
    if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return amount;
    if (node.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken) return -amount;
  }
  return undefined;
}
