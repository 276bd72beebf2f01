import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { writesTo, type Write } from "./integers.js";
import { moduleFacts } from "./module-facts.js";
import { bitwiseAssignments } from "./operators/bitwise.js";
import { isNonNegative } from "./operators/numeric.js";
import { isTypedArrayName } from "./typed-array-names.js";
import { isArrayType, isStringType } from "./types.js";
import { isFinalClass } from "./getter-methods.js";

/**
 * How large a number can be: a bound on its absolute value, or undefined when tsmp cannot
 * tell. JavaScript holds every number as a double, so an integer result past 2^53 is rounded;
 * a Python int is exact. Where the bound of an integer operation's result stays within 2^53
 * the two agree and the operation stays native; elsewhere it is rounded (exact-integers.ts).
 * The bound holds for floats as well (their rounding is native), so int-ness is not asked.
 */
export function magnitudeOf(
  node: ts.Expression,
  context: TransformationContext,
  assumed = new Map<ts.Symbol, number>(),
): number | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node))
    return magnitudeOf(node.expression, context, assumed);
  if (ts.isNumericLiteral(node)) return Math.abs(Number(node.text));
  if (ts.isPrefixUnaryExpression(node)) {
    if (node.operator === ts.SyntaxKind.TildeToken) return 2 ** 31;
    if (node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken)
      return numeric(node.operand, context) ? magnitudeOf(node.operand, context, assumed) : undefined;
    return undefined;
  }
  if (ts.isConditionalExpression(node)) {
    return larger(magnitudeOf(node.whenTrue, context, assumed), magnitudeOf(node.whenFalse, context, assumed));
  }
  if (ts.isBinaryExpression(node)) return binaryMagnitude(node.operatorToken.kind, node.left, node.right, context, assumed);
  if (ts.isElementAccessExpression(node)) return elementMagnitude(context.typeOf(node.expression));
  if (ts.isIdentifier(node)) return variableMagnitude(node, context, assumed);
  if (ts.isPropertyAccessExpression(node)) return propertyMagnitude(node, context, assumed);
  if (ts.isCallExpression(node)) return callMagnitude(node, context, assumed);
  return undefined;
}

/**
 * Whether an integer prints as Python's `str()` prints it: within 2^53. Past it JavaScript
 * prints the fewest digits that read back to the double (121932631112635260, not
 * 121932631112635264), which num_str and num_log do.
 */
export function hasPythonText(integral: boolean, node: ts.Expression, context: TransformationContext): boolean {
  return integral && isWithinExactRange(magnitudeOf(node, context));
}

/** JavaScript's integers are exact up to 2^53; a bound computed in doubles keeps a margin for its own rounding. */
export function isWithinExactRange(bound: number | undefined): boolean {
  return bound !== undefined && bound <= 2 ** 53 * (1 - 2 ** -40);
}

function numeric(node: ts.Expression, context: TransformationContext): boolean {
  return (context.typeOf(node).flags & ts.TypeFlags.NumberLike) !== 0;
}

const larger = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.max(a, b));

function literalOf(node: ts.Expression): number | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand))
    return -Number(node.operand.text);
  return ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

export function binaryMagnitude(
  kind: ts.SyntaxKind,
  leftNode: ts.Expression,
  rightNode: ts.Expression,
  context: TransformationContext,
  assumed = new Map<ts.Symbol, number>(),
): number | undefined {
  const left = () => magnitudeOf(leftNode, context, assumed);
  const right = () => magnitudeOf(rightNode, context, assumed);
  const both = (combine: (a: number, b: number) => number) => {
    const [a, b] = [left(), right()];
    return a === undefined || b === undefined ? undefined : combine(a, b);
  };
  switch (kind) {
    case ts.SyntaxKind.AmpersandToken: {
      // ToInt32(a) & m, for a mask 0 ≤ m < 2^31, lies in [0, m].
      const masks = [literalOf(leftNode), literalOf(rightNode)].filter(
        (value): value is number => value !== undefined && Number.isInteger(value) && value >= 0 && value < 2 ** 31,
      );
      return masks.length > 0 ? Math.min(...masks) : 2 ** 31;
    }
    case ts.SyntaxKind.BarToken:
    case ts.SyntaxKind.CaretToken:
    case ts.SyntaxKind.LessThanLessThanToken:
    case ts.SyntaxKind.GreaterThanGreaterThanToken:
      return 2 ** 31;
    case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
      return 2 ** 32;
    case ts.SyntaxKind.PlusToken:
      return numeric(leftNode, context) && numeric(rightNode, context) ? both((a, b) => a + b) : undefined;
    case ts.SyntaxKind.MinusToken:
      return both((a, b) => a + b);
    case ts.SyntaxKind.AsteriskToken:
      return both((a, b) => a * b);
    case ts.SyntaxKind.PercentToken: {
      // A remainder is smaller than the divisor and no larger than the dividend.
      const [a, b] = [left(), right()];
      return a === undefined ? b : b === undefined ? a : Math.min(a, b);
    }
    case ts.SyntaxKind.SlashToken: {
      const divisor = literalOf(rightNode);
      const a = left();
      return a !== undefined && divisor !== undefined && Math.abs(divisor) >= 1 ? a / Math.abs(divisor) : undefined;
    }
    case ts.SyntaxKind.AsteriskAsteriskToken: {
      const exponent = literalOf(rightNode);
      const a = left();
      return a !== undefined && exponent !== undefined && Number.isInteger(exponent) && exponent >= 0
        ? Math.max(a, 1) ** exponent
        : undefined;
    }
    default:
      return undefined;
  }
}

const elementMagnitudes: Record<string, number> = {
  Uint8Array: 255,
  Uint8ClampedArray: 255,
  Int8Array: 128,
  Uint16Array: 65535,
  Int16Array: 32768,
  Uint32Array: 2 ** 32,
  Int32Array: 2 ** 31,
};

function elementMagnitude(type: ts.Type): number | undefined {
  const name = type.getSymbol()?.getName();
  return name !== undefined && Object.hasOwn(elementMagnitudes, name) ? elementMagnitudes[name] : undefined;
}

// Library results with a bound of their own: lengths and positions (an array has fewer than
// 2^32 elements), code points, DataView's integers, 32-bit Math results.
const boundedResults: Record<string, number> = {
  length: 2 ** 32,
  size: 2 ** 32,
  byteLength: 2 ** 32,
  indexOf: 2 ** 32,
  lastIndexOf: 2 ** 32,
  findIndex: 2 ** 32,
  findLastIndex: 2 ** 32,
  charCodeAt: 0x10ffff,
  codePointAt: 0x10ffff,
  getInt8: 128,
  getUint8: 255,
  getInt16: 32768,
  getUint16: 65535,
  getInt32: 2 ** 31,
  getUint32: 2 ** 32,
  imul: 2 ** 31,
  clz32: 32,
  sign: 1,
  MAX_SAFE_INTEGER: 2 ** 53 - 1,
  MIN_SAFE_INTEGER: 2 ** 53 - 1,
};

// Math functions whose result is no larger than their argument.
const magnitudeKeeping = new Set(["floor", "ceil", "round", "trunc", "abs"]);

function propertyMagnitude(
  node: ts.PropertyAccessExpression,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
): number | undefined {
  const constant = context.checker.getConstantValue(node);
  if (typeof constant === "number") return Math.abs(constant);
  if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const field = fieldMagnitude(node, context, assumed);
    if (field !== undefined) return field;
  }
  const getter = context.symbolOf(node.name)?.declarations?.find(ts.isGetAccessorDeclaration);
  if (getter && ts.isClassDeclaration(getter.parent) && isFinalClass(getter.parent))
    return returnedMagnitude(context.symbolOf(node.name)!, getter, context, assumed);
  if (!Object.hasOwn(boundedResults, node.name.text) || !isLibraryMember(node, context)) return undefined;
  if (node.name.text === "length") {
    const receiver = context.typeOf(node.expression);
    if (!isArrayType(context, receiver) && !isStringType(receiver) && !isTypedArrayName(receiver.getSymbol()?.getName())) return undefined;
  }
  return boundedResults[node.name.text];
}

function callMagnitude(node: ts.CallExpression, context: TransformationContext, assumed: Map<ts.Symbol, number>): number | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return returnMagnitude(callee, context, assumed);
  if (!ts.isPropertyAccessExpression(callee) || !isLibraryMember(callee, context)) return undefined;
  const name = callee.name.text;
  if (magnitudeKeeping.has(name) && node.arguments.length === 1 && isMathCall(callee)) {
    // Math.round(2.5) is 3: a rounding can step one past its argument.
    const bound = magnitudeOf(node.arguments[0]!, context, assumed);
    return bound === undefined ? undefined : bound + 1;
  }
  if ((name === "min" || name === "max") && isMathCall(callee) && node.arguments.length > 0 && !node.arguments.some(ts.isSpreadElement)) {
    return node.arguments.reduce<number | undefined>((bound, argument) => larger(bound, magnitudeOf(argument, context, assumed)), 0);
  }
  if (!Object.hasOwn(boundedResults, name) || name === "length" || name === "size") return undefined;
  return boundedResults[name];
}

/**
 * A call, by its name, of a function declared in this module (not async, not a generator)
 * whose every `return` gives a bounded number: `crc16(data)`.
 */
function returnMagnitude(callee: ts.Identifier, context: TransformationContext, assumed: Map<ts.Symbol, number>): number | undefined {
  const symbol = context.symbolOf(callee);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isFunctionDeclaration(declaration) || declaration.asteriskToken) return undefined;
  if (writesTo(symbol, context.sourceFile, context).length > 0) return undefined;
  return returnedMagnitude(symbol, declaration, context, assumed);
}

/** The bound of every `return` of a function or getter of this module, not async. */
function returnedMagnitude(
  symbol: ts.Symbol,
  declaration: ts.FunctionDeclaration | ts.GetAccessorDeclaration,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
): number | undefined {
  if (!declaration.body || declaration.getSourceFile() !== context.sourceFile || assumed.has(symbol)) return undefined;
  if (ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
  // Recursion assumes nothing: a function reached again while being decided has no bound.
  assumed.set(symbol, Infinity);
  try {
    let bound: number | undefined = 0;
    const visit = (node: ts.Node): void => {
      if (bound === undefined) return;
      if (ts.isReturnStatement(node)) {
        const returned = node.expression ? magnitudeOf(node.expression, context, assumed) : undefined;
        bound = returned === undefined ? undefined : Math.max(bound, returned);
      } else if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
    };
    ts.forEachChild(declaration.body, visit);
    return bound === undefined || !isWithinExactRange(bound) ? undefined : bound;
  } finally {
    assumed.delete(symbol);
  }
}

function isMathCall(callee: ts.PropertyAccessExpression): boolean {
  return ts.isIdentifier(callee.expression) && callee.expression.text === "Math";
}

function isLibraryMember(node: ts.PropertyAccessExpression, context: TransformationContext): boolean {
  const symbol = context.symbolOf(node.name);
  return symbol !== undefined && !context.isDeclaredByUser(symbol);
}

/**
 * A variable's bound: its initializer's, widened until every write, computed as if the
 * variable had that bound, stays inside it (by induction the variable never leaves it). A
 * counter stepped in a `for` loop's update and compared there with a bounded limit
 * (`for (let i = 0; i < n; i++)`) is bounded by the limit plus the step.
 */
function variableMagnitude(node: ts.Identifier, context: TransformationContext, assumed: Map<ts.Symbol, number>): number | undefined {
  const symbol = context.symbolOf(node);
  if (!symbol) return undefined;
  if (assumed.has(symbol)) return assumed.get(symbol);
  const declaration = symbol.valueDeclaration;
  if (declaration && ts.isParameter(declaration)) return callbackParameterMagnitude(declaration, symbol, context);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  if (ts.isForOfStatement(declaration.parent.parent) || ts.isForInStatement(declaration.parent.parent)) {
    const loop = declaration.parent.parent;
    const constant = ts.isVariableDeclarationList(declaration.parent) && declaration.parent.flags & ts.NodeFlags.Const;
    return constant && ts.isForOfStatement(loop) ? elementMagnitude(context.typeOf(loop.expression)) : undefined;
  }
  // This module's own variables only: another module's can change without this one being re-emitted.
  if (!declaration.initializer || declaration.getSourceFile() !== context.sourceFile) return undefined;
  return holderMagnitude(symbol, declaration, declaration.initializer, context, assumed);
}

const elementCallbacks = new Set(["map", "filter", "forEach", "some", "every", "find", "findIndex", "flatMap"]);

/** `v` in `[1, 2, 3].map((v) => …)`: an element of an array literal of numbers, never written. */
function callbackParameterMagnitude(
  declaration: ts.ParameterDeclaration,
  symbol: ts.Symbol,
  context: TransformationContext,
): number | undefined {
  const callback = declaration.parent;
  if (!(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) || callback.parameters[0] !== declaration) return undefined;
  const call = callback.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== callback || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  if (!elementCallbacks.has(call.expression.name.text)) return undefined;
  let receiver: ts.Expression = call.expression.expression;
  while (ts.isParenthesizedExpression(receiver)) receiver = receiver.expression;
  if (!ts.isArrayLiteralExpression(receiver) || declaration.getSourceFile() !== context.sourceFile) return undefined;
  if (writesTo(symbol, context.sourceFile, context).length > 0) return undefined;
  const values = receiver.elements.map((element) => (ts.isSpreadElement(element) ? undefined : literalOf(element)));
  return values.every((value) => value !== undefined) ? Math.max(0, ...values.map((value) => Math.abs(value!))) : undefined;
}

/**
 * `this.head` of a private instance field of this module (only its class writes it), bounded
 * as a variable is: by its initializer and every write.
 */
function fieldMagnitude(
  node: ts.PropertyAccessExpression,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
): number | undefined {
  const symbol = context.symbolOf(node.name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isPropertyDeclaration(declaration) || !declaration.initializer) return undefined;
  if (assumed.has(symbol)) return assumed.get(symbol);
  const modifiers = ts.getCombinedModifierFlags(declaration);
  if (!(modifiers & ts.ModifierFlags.Private) && !ts.isPrivateIdentifier(declaration.name)) return undefined;
  if (modifiers & ts.ModifierFlags.Static || declaration.getSourceFile() !== context.sourceFile) return undefined;
  return holderMagnitude(symbol, declaration, declaration.initializer, context, assumed);
}

function holderMagnitude(
  symbol: ts.Symbol,
  declaration: ts.VariableDeclaration | ts.PropertyDeclaration,
  initializer: ts.Expression,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
): number | undefined {
  const cached = decided.get(context.checker)?.get(symbol);
  if (cached !== undefined || decided.get(context.checker)?.has(symbol)) return cached;
  const writes = writesTo(symbol, declaration.getSourceFile(), context);
  if (destructuredIn(declaration.getSourceFile(), context).has(symbol)) return remember(context, symbol, assumed, undefined);
  const initial = magnitudeOf(initializer, context, assumed);
  let bound = widened(symbol, initial, writes, declaration, context, assumed, new Set());
  if (bound === undefined) {
    // Small steps (`n++`, `sum += byte`) are taken to stay within an allowance (see below).
    assumed.set(symbol, Infinity);
    const small = new Set(writes.filter((write) => (stepSize(write, context, assumed) ?? Infinity) <= largestSmallStep));
    const largest = Math.max(0, ...[...small].map((write) => stepSize(write, context, assumed)!));
    assumed.delete(symbol);
    if (small.size > 0) bound = widened(symbol, initial, writes, declaration, context, assumed, small, stepCount * largest);
  }
  return remember(context, symbol, assumed, bound);
}

/**
 * Steps `x++`, `x--`, `x += v`, `x -= v` with |v| ≤ 4096 (outside a bounded `for` update) are
 * taken to number at most 2^40 in a run, carrying a variable at most 2^40 · v past its other
 * values. No program steps one variable that often: MicroPython manages some 10^7 simple steps
 * a second on a desktop (over a day of nothing else), 10^5–10^6 on a board (weeks to months).
 * So a counter (`count++`) and a sum of bytes (`sum += b`) keep a bound and cost nothing.
 */
const stepCount = 2 ** 40;
const largestSmallStep = 4096;

function stepSize(write: Write, context: TransformationContext, assumed: Map<ts.Symbol, number>): number | undefined {
  if (!ts.isBinaryExpression(write)) return 1;
  const kind = write.operatorToken.kind;
  if (kind !== ts.SyntaxKind.PlusEqualsToken && kind !== ts.SyntaxKind.MinusEqualsToken) return undefined;
  if (!numeric(write.left, context) || !numeric(write.right, context)) return undefined;
  return magnitudeOf(write.right, context, assumed);
}

/** The fixed point: a bound every write, computed within it, stays inside (plus the allowance for small steps). */
function widened(
  symbol: ts.Symbol,
  initial: number | undefined,
  writes: Write[],
  declaration: ts.VariableDeclaration | ts.PropertyDeclaration,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
  small: Set<Write>,
  allowance = 0,
): number | undefined {
  let bound = initial === undefined ? undefined : initial + allowance;
  for (let round = 0; bound !== undefined && isWithinExactRange(bound) && round < 4; round++) {
    assumed.set(symbol, bound);
    let widest = 0;
    for (const write of writes) {
      const counted = ts.isVariableDeclaration(declaration) ? counterMagnitude(write, symbol, declaration, context, assumed) : undefined;
      const written = counted ?? (small.has(write) ? 0 : writeMagnitude(write, symbol, context, assumed));
      widest = written === undefined ? Infinity : Math.max(widest, written);
      if (!isWithinExactRange(widest)) break;
    }
    assumed.delete(symbol);
    if (widest + allowance <= bound) return bound;
    bound = isWithinExactRange(widest) ? Math.max(bound, widest + allowance) : undefined;
  }
  return undefined;
}

// Only an answer reached with no other variable assumed is settled; inside a cycle it leaned on an assumption.
const decided = new WeakMap<ts.TypeChecker, Map<ts.Symbol, number | undefined>>();

function remember(context: TransformationContext, symbol: ts.Symbol, assumed: Map<ts.Symbol, number>, bound: number | undefined) {
  if (assumed.size === 0) {
    const table = decided.get(context.checker) ?? new Map<ts.Symbol, number | undefined>();
    table.set(symbol, bound);
    decided.set(context.checker, table);
  }
  return bound;
}

/** The variables and fields a destructuring assignment (`[a, b] = …`) writes: their values are unknown. */
const destructuredByFile = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Set<ts.Symbol>>>();

function destructuredIn(file: ts.SourceFile, context: TransformationContext): Set<ts.Symbol> {
  const files = destructuredByFile.get(context.checker) ?? new WeakMap<ts.SourceFile, Set<ts.Symbol>>();
  destructuredByFile.set(context.checker, files);
  const known = files.get(file);
  if (known) return known;
  const found = new Set<ts.Symbol>();
  for (const pattern of moduleFacts(file).patternTargets) {
    if ((pattern.parent as ts.BinaryExpression).operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const names = (node: ts.Node): void => {
      const symbol = ts.isShorthandPropertyAssignment(node)
        ? context.checker.getShorthandAssignmentValueSymbol(node)
        : ts.isIdentifier(node)
          ? context.symbolOf(node)
          : undefined;
      if (symbol) found.add(symbol);
      ts.forEachChild(node, names);
    };
    names(pattern);
  }
  files.set(file, found);
  return found;
}

const compoundOperators = new Map<ts.SyntaxKind, ts.BinaryOperator>([
  [ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.AsteriskToken],
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken, ts.SyntaxKind.AsteriskAsteriskToken],
  [ts.SyntaxKind.SlashEqualsToken, ts.SyntaxKind.SlashToken],
  [ts.SyntaxKind.PercentEqualsToken, ts.SyntaxKind.PercentToken],
  ...(bitwiseAssignments as Map<ts.SyntaxKind, ts.BinaryOperator>),
]);

/** The bound of the value a write stores, the variable assumed within its current bound. */
function writeMagnitude(
  write: Write,
  symbol: ts.Symbol,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
): number | undefined {
  const current = assumed.get(symbol)!;
  if (!ts.isBinaryExpression(write)) return current + 1;
  const kind = write.operatorToken.kind;
  if (kind === ts.SyntaxKind.EqualsToken) return magnitudeOf(write.right, context, assumed);
  const operator = compoundOperators.get(kind);
  if (operator === undefined) return undefined;
  return binaryMagnitude(operator, write.left, write.right, context, assumed);
}

/**
 * `i++`, `i--`, `i += s`, `i -= s` (s ≥ 0) as the update of a `for` statement whose condition
 * compares `i` with a limit in the step's direction (`i < n`, `i >= 0`): before each update the
 * condition held, so the counter ends within the limit's bound plus the step. Only when nothing
 * else in the loop writes `i` and every write of `i` is in the function that declares it (a
 * closure called from the body could otherwise move it between the test and the update).
 */
function counterMagnitude(
  write: Write,
  symbol: ts.Symbol,
  declaration: ts.VariableDeclaration,
  context: TransformationContext,
  assumed: Map<ts.Symbol, number>,
): number | undefined {
  const loop = write.parent;
  if (!ts.isForStatement(loop) || loop.incrementor !== write || !loop.condition) return undefined;
  const step = stepOf(write, context, assumed);
  if (!step) return undefined;
  const home = functionOf(declaration);
  const writes = writesTo(symbol, declaration.getSourceFile(), context);
  if (writes.some((other) => other !== write && (functionOf(other) !== home || within(other, loop)))) return undefined;
  let limit: number | undefined;
  const conjuncts = (condition: ts.Expression): ts.Expression[] => {
    while (ts.isParenthesizedExpression(condition)) condition = condition.expression;
    return ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
      ? [...conjuncts(condition.left), ...conjuncts(condition.right)]
      : [condition];
  };
  for (const test of conjuncts(loop.condition)) {
    if (!ts.isBinaryExpression(test)) continue;
    const kind = test.operatorToken.kind;
    const isCounter = (side: ts.Expression) => ts.isIdentifier(side) && context.symbolOf(side) === symbol;
    const below = kind === ts.SyntaxKind.LessThanToken || kind === ts.SyntaxKind.LessThanEqualsToken;
    const above = kind === ts.SyntaxKind.GreaterThanToken || kind === ts.SyntaxKind.GreaterThanEqualsToken;
    // `i < n` or `n > i` bounds an upward counter; `i > n` or `n < i` a downward one.
    let other: ts.Expression | undefined;
    if (isCounter(test.left) && ((step.up && below) || (!step.up && above))) other = test.right;
    else if (isCounter(test.right) && ((step.up && above) || (!step.up && below))) other = test.left;
    if (!other) continue;
    const bound = magnitudeOf(other, context, assumed);
    if (bound !== undefined) limit = limit === undefined ? bound : Math.min(limit, bound);
  }
  // From a value the test let through: within the limit plus one step (on the far side, within
  // where the other writes left it, which they account for).
  return limit === undefined ? undefined : limit + step.size;
}

function stepOf(write: Write, context: TransformationContext, assumed: Map<ts.Symbol, number>): { up: boolean; size: number } | undefined {
  if (!ts.isBinaryExpression(write)) return { up: write.operator === ts.SyntaxKind.PlusPlusToken, size: 1 };
  const kind = write.operatorToken.kind;
  if (kind !== ts.SyntaxKind.PlusEqualsToken && kind !== ts.SyntaxKind.MinusEqualsToken) return undefined;
  if (!isNonNegative(write.right, context)) return undefined;
  const size = magnitudeOf(write.right, context, assumed);
  return size === undefined ? undefined : { up: kind === ts.SyntaxKind.PlusEqualsToken, size };
}

function functionOf(node: ts.Node): ts.Node | undefined {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isClassStaticBlockDeclaration(current)) current = current.parent;
  return current;
}

function within(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}
