import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { isIntegerValued, writesTo } from "../integers.js";
import { moduleFacts } from "../module-facts.js";
import * as py from "../python-ast.js";

/** Library members whose result is always an integer (a Python int) when they return a number. */
const integralResults = new Set(["indexOf", "lastIndexOf", "findIndex", "findLastIndex", "size"]);

/** Math's rounding functions give an int only for a finite argument (NaN stays NaN): for an int. */
const roundings = new Set(["floor", "ceil", "round", "trunc"]);

/**
 * Whether a number is provably a Python int, so it prints and formats natively. The core's
 * inference (integers.ts) decides for operators and variables; this adds the library calls
 * tsmp maps to int-returning Python.
 */
export function isIntegral(node: ts.Expression, context: TransformationContext): boolean {
  if (isIntegerValued(node, context)) return true;
  const target = ts.isCallExpression(node) ? node.expression : node;
  if (!ts.isPropertyAccessExpression(target)) return false;
  if (roundings.has(target.name.text) && ts.isCallExpression(node)) {
    const [value] = node.arguments;
    if (!value || !isIntegral(value, context)) return false;
  } else if (!integralResults.has(target.name.text)) return false;
  const symbol = context.symbolOf(target.name);
  return symbol !== undefined && !context.isDeclaredByUser(symbol);
}

/**
 * `a % b` is plain Python when `b` is a positive literal and `a` is provably not negative: the
 * two remainders differ only in sign, for a negative dividend (and JS gives NaN for b = 0).
 */
export function isNativeRemainder(left: ts.Expression, right: ts.Expression, context: TransformationContext): boolean {
  const divisor = literalValue(right);
  if (divisor === undefined || divisor <= 0) return false;
  return isComparedWithZero(left.parent) || isNonNegative(left, context, new Set());
}

/**
 * JavaScript's `a % b` as Python. Native when isNativeRemainder proves it. Otherwise, when the
 * divisor is a plain name or number literal (reading it twice costs nothing and has no effect),
 * the usual non-negative case runs the native operator inline and only the rest calls js_mod:
 * `a % b if a >= 0 and b > 0 else js_mod(a, b)`, with any other dividend kept in a temporary
 * (`tmp_1 % 7 if (tmp_1 := f()) >= 0 else js_mod(tmp_1, 7)`). On MicroPython a helper call costs
 * far more than the remainder itself; for a >= 0 and b > 0 both forms agree, but for the float
 * -0, whose remainder is -0 in JavaScript: a dividend not provably an int is tested with `a > 0`.
 */
export function remainder(
  leftNode: ts.Expression,
  rightNode: ts.Expression,
  left: py.Expression,
  right: py.Expression,
  context: TransformationContext,
): py.Expression {
  const native = py.binOp(left, "%", right);
  if (isNativeRemainder(leftNode, rightNode, context)) return native;
  if (!isCheapToRepeat(right)) return py.call(context.useHelper("js_mod"), [left, right]);
  // Any other dividend is evaluated once, into a temporary, by the test that runs first.
  const dividend = isCheapToRepeat(left) ? left : context.temporary();
  const helper = py.call(context.useHelper("js_mod"), [dividend, right]);
  const leftValue = numberValue(left);
  const rightValue = numberValue(right);
  if ((leftValue !== undefined && !(leftValue > 0 || Object.is(leftValue, 0))) || (rightValue !== undefined && !(rightValue > 0))) {
    return py.call(context.useHelper("js_mod"), [left, right]);
  }
  const tests: py.Expression[] = [
    // A dividend that may be the float -0 takes js_mod at 0 too: its zero remainder is -0.
    ...(leftValue === undefined
      ? [
          py.compare(
            dividend === left ? left : py.namedExpr(dividend as py.Name, left),
            isIntegral(leftNode, context) ? ">=" : ">",
            py.num(0),
          ),
        ]
      : []),
    ...(rightValue === undefined ? [py.compare(right, ">", py.num(0))] : []),
  ];
  if (tests.length === 0) return native;
  return py.ifExp(
    tests.reduce((all, test) => py.boolOp(all, "and", test)),
    py.binOp(dividend, "%", right),
    helper,
  );
}

function isCheapToRepeat(expression: py.Expression): boolean {
  return expression.kind === "Name" || numberValue(expression) !== undefined;
}

/** The value of a number constant (its Python spelling: `3`, `-2`, `0xff`, `1.5`). */
function numberValue(expression: py.Expression): number | undefined {
  if (expression.kind !== "Constant" || typeof expression.value !== "object" || expression.value === null) return undefined;
  return Number(expression.value.number);
}

/** `a % b === 0`: whether a remainder is zero does not depend on its sign. */
function isComparedWithZero(remainder: ts.Node): boolean {
  let node = remainder;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!ts.isBinaryExpression(parent)) return false;
  const equality = [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ];
  if (!equality.includes(parent.operatorToken.kind)) return false;
  const other = parent.left === node ? parent.right : parent.left;
  return literalValue(other) === 0;
}

function literalValue(node: ts.Expression): number | undefined {
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  return ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

const nonNegativeResults = new Set(["length", "size", "charCodeAt", "abs", "indexOf", "getUint8", "getUint16", "getUint32"]);

/** Whether a number is provably ≥ 0 (literals, lengths, loop counters, sums and products of such). */
export function isNonNegative(node: ts.Expression, context: TransformationContext, visiting = new Set<ts.Symbol>()): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return isNonNegative(node.expression, context, visiting);
  const literal = literalValue(node);
  if (literal !== undefined) return literal >= 0;
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    if (kind === ts.SyntaxKind.PlusToken || kind === ts.SyntaxKind.AsteriskToken) {
      return isNonNegative(node.left, context, visiting) && isNonNegative(node.right, context, visiting);
    }
    // A JavaScript remainder takes the dividend's sign.
    if (kind === ts.SyntaxKind.PercentToken) return isNonNegative(node.left, context, visiting);
    if (kind === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken) return true;
    // A mask below 2^31 keeps the sign bit clear; `>>` keeps a non-negative number's sign.
    if (kind === ts.SyntaxKind.AmpersandToken) return isMask(node.left) || isMask(node.right);
    if (kind === ts.SyntaxKind.GreaterThanGreaterThanToken) return isNonNegative(node.left, context, visiting);
    return false;
  }
  if (ts.isPropertyAccessExpression(node) && isNonNegativeField(node, context, visiting)) return true;
  if (ts.isElementAccessExpression(node)) return unsignedElementMaximum(node, context) !== undefined;
  if (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) {
    const target = ts.isCallExpression(node) ? node.expression : node;
    if (!ts.isPropertyAccessExpression(target) || !nonNegativeResults.has(target.name.text)) return false;
    // indexOf can be -1: only length-like and code results qualify.
    if (target.name.text === "indexOf") return false;
    const symbol = context.symbolOf(target.name);
    return symbol !== undefined && !context.isDeclaredByUser(symbol);
  }
  if (ts.isIdentifier(node)) return isNonNegativeVariable(node, context, visiting);
  return false;
}

const unsignedMaximum: Record<string, number> = { Uint8Array: 255, Uint8ClampedArray: 255, Uint16Array: 65535, Uint32Array: 2 ** 32 - 1 };

/** The largest element of an unsigned typed array (`bytes[i]` of a Uint8Array is at most 255). */
export function unsignedElementMaximum(node: ts.ElementAccessExpression, context: TransformationContext): number | undefined {
  const name = context.typeOf(node.expression).getSymbol()?.getName();
  return name === undefined ? undefined : unsignedMaximum[name];
}

function isMask(node: ts.Expression): boolean {
  const value = literalValue(node);
  return value !== undefined && Number.isInteger(value) && value >= 0 && value < 2 ** 31;
}

/**
 * A private instance field of this module (`this.head`) whose initializer and every write keep
 * it ≥ 0: `= v`, `+= v`, `*= v` with v ≥ 0, `++` (a ring buffer's `(this.head + 1) & 255`).
 */
function isNonNegativeField(node: ts.PropertyAccessExpression, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const symbol = context.symbolOf(node.name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isPropertyDeclaration(declaration) || !declaration.initializer) return false;
  const modifiers = ts.getCombinedModifierFlags(declaration);
  if (!(modifiers & ts.ModifierFlags.Private) && !ts.isPrivateIdentifier(declaration.name)) return false;
  if (modifiers & ts.ModifierFlags.Static || declaration.getSourceFile() !== context.sourceFile) return false;
  if (visiting.has(symbol)) return true;
  visiting.add(symbol);
  try {
    if (!isNonNegative(declaration.initializer, context, visiting)) return false;
    const file = declaration.getSourceFile();
    if (destructuringTargets(file).some((text) => text.includes(node.name.text))) return false;
    return writesTo(symbol, file, context).every((write) => {
      if (!ts.isBinaryExpression(write)) return write.operator === ts.SyntaxKind.PlusPlusToken;
      const kind = write.operatorToken.kind;
      if (kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.PlusEqualsToken || kind === ts.SyntaxKind.AsteriskEqualsToken) {
        return isNonNegative(write.right, context, visiting);
      }
      return false;
    });
  } finally {
    visiting.delete(symbol);
  }
}

/** A local variable whose initializer and every later write keep it ≥ 0 (a loop counter). */
function isNonNegativeVariable(node: ts.Identifier, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const symbol = context.symbolOf(node);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isIdentifier(declaration.name))
    return false;
  if (visiting.has(symbol)) return true;
  const cached = nonNegativeVariables.get(symbol);
  if (cached !== undefined) return cached;
  visiting.add(symbol);
  try {
    const result = writesKeepNonNegative(symbol, declaration, node, context, visiting);
    if (visiting.size === 1) nonNegativeVariables.set(symbol, result);
    return result;
  } finally {
    visiting.delete(symbol);
  }
}

const nonNegativeVariables = new WeakMap<ts.Symbol, boolean>();

function writesKeepNonNegative(
  symbol: ts.Symbol,
  declaration: ts.VariableDeclaration,
  node: ts.Identifier,
  context: TransformationContext,
  visiting: Set<ts.Symbol>,
): boolean {
  if (!isNonNegative(declaration.initializer!, context, visiting)) return false;
  const file = declaration.getSourceFile();
  // Destructuring assignment: unknown values.
  if (destructuringTargets(file).some((text) => text.includes(node.text))) return false;
  // The module's writes are indexed once (integers.ts), not searched for each variable.
  return writesTo(symbol, file, context).every((write) => {
    if (!ts.isBinaryExpression(write)) return write.operator !== ts.SyntaxKind.MinusMinusToken || !ts.isIdentifier(write.operand);
    if (!ts.isIdentifier(write.left)) return true;
    const kind = write.operatorToken.kind;
    if (kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.PlusEqualsToken || kind === ts.SyntaxKind.AsteriskEqualsToken) {
      return isNonNegative(write.right, context, visiting);
    }
    if (kind === ts.SyntaxKind.PercentEqualsToken) return (literalValue(write.right) ?? 0) > 0;
    return false;
  });
}

/** The source text of each array or object pattern a module assigns to (`[a, b] = …`), by module. */
function destructuringTargets(file: ts.SourceFile): string[] {
  let texts = destructuringByFile.get(file);
  if (!texts) {
    texts = moduleFacts(file).patternTargets.map((pattern) => pattern.getText());
    destructuringByFile.set(file, texts);
  }
  return texts;
}

const destructuringByFile = new WeakMap<ts.SourceFile, string[]>();
