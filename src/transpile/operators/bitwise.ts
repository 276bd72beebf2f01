import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isIntegral } from "./numeric.js";
import { bitWidth } from "../bit-widths.js";
import { asNumber } from "./to-number.js";
import { isAnyLike } from "../types.js";

/**
 * JavaScript's bitwise operators work on 32-bit integers: operands are truncated and wrapped
 * (ToInt32), `>>>` is unsigned, shift counts are taken mod 32, and the results wrap too
 * (`1 << 31` is -2147483648). Python's ints are unbounded, so the conversions are spelled out
 * wherever the types do not prove them unnecessary.
 */
export const bitwiseOperators = new Map<ts.SyntaxKind, "&" | "|" | "^" | "<<" | ">>" | ">>>">([
  [ts.SyntaxKind.AmpersandToken, "&"],
  [ts.SyntaxKind.BarToken, "|"],
  [ts.SyntaxKind.CaretToken, "^"],
  [ts.SyntaxKind.LessThanLessThanToken, "<<"],
  [ts.SyntaxKind.GreaterThanGreaterThanToken, ">>"],
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken, ">>>"],
]);

export const bitwiseAssignments = new Map<ts.SyntaxKind, ts.SyntaxKind>([
  [ts.SyntaxKind.AmpersandEqualsToken, ts.SyntaxKind.AmpersandToken],
  [ts.SyntaxKind.BarEqualsToken, ts.SyntaxKind.BarToken],
  [ts.SyntaxKind.CaretEqualsToken, ts.SyntaxKind.CaretToken],
  [ts.SyntaxKind.LessThanLessThanEqualsToken, ts.SyntaxKind.LessThanLessThanToken],
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanToken],
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken],
]);

function literalValue(node: ts.Expression): number | undefined {
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression);
  return ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}

const isMask = (node: ts.Expression) => {
  const value = literalValue(node);
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;
};

/** `left op right` with JavaScript's 32-bit semantics; operands already transformed. */
export function bitwise(
  kind: ts.SyntaxKind,
  leftNode: ts.Expression,
  rightNode: ts.Expression,
  left: py.Expression,
  right: py.Expression,
  context: TransformationContext,
): py.Expression {
  const operator = bitwiseOperators.get(kind)!;
  // A text, boolean, null or undefined through any: ToNumber first (to_int32 takes numbers).
  left = asNumber(leftNode, left, context);
  right = asNumber(rightNode, right, context);
  // An integer literal within 32 bits is its own ToInt32.
  const int32 = (value: py.Expression) => (isInt32Literal(value) ? value : py.call(context.useHelper("to_int32"), [value]));
  const integral = isIntegral(leftNode, context) && isIntegral(rightNode, context);
  const shiftCount = () => {
    const value = literalValue(rightNode);
    if (value !== undefined && Number.isInteger(value)) return py.num(((value % 32) + 32) % 32);
    if (isAnyLike(context.classifiedTypeOf(rightNode))) return py.binOp(int32(right), "&", py.num(31));
    return py.binOp(isIntegral(rightNode, context) ? right : py.call(py.name("int"), [right]), "&", py.num(31));
  };
  // Non-negative integers below 2^31 need no wrap before or after (bit-widths.ts).
  const leftWidth = bitWidth(leftNode, context);
  const count = literalValue(rightNode);
  if (leftWidth !== undefined) {
    if ((operator === "&" || operator === "|" || operator === "^") && bitWidth(rightNode, context) !== undefined)
      return py.binOp(left, operator, right);
    if (operator === "<<" && count !== undefined && Number.isInteger(count) && count >= 0 && leftWidth + count <= 31)
      return py.binOp(left, "<<", right);
    if (operator === ">>" || operator === ">>>") return py.binOp(left, ">>", shiftCount());
  }
  switch (operator) {
    case "&":
      // A non-negative 31-bit mask keeps only bits that ToInt32 leaves alone.
      if (integral && isMask(rightNode)) return py.binOp(withoutWraps(left), "&", right);
      if (integral && isMask(leftNode)) return py.binOp(left, "&", withoutWraps(right));
      return integral ? int32(py.binOp(left, "&", right)) : py.binOp(int32(left), "&", int32(right));
    case "|":
    case "^":
      if (operator === "|" && literalValue(rightNode) === 0) return int32(left);
      return integral ? int32(py.binOp(left, operator, right)) : py.binOp(int32(left), operator, int32(right));
    case "<<": {
      // A small typed-array element shifted by a constant stays inside 31 bits: nothing wraps.
      const bits = elementBits(leftNode, context);
      const count = literalValue(rightNode);
      if (bits !== undefined && count !== undefined && Number.isInteger(count) && count >= 0 && bits + count <= 31)
        return py.binOp(left, "<<", right);
      return int32(py.binOp(isIntegral(leftNode, context) ? left : int32(left), "<<", shiftCount()));
    }
    case ">>":
      if (elementBits(leftNode, context) !== undefined) return py.binOp(left, ">>", shiftCount());
      return py.binOp(int32(left), ">>", shiftCount());
    case ">>>":
      return py.binOp(py.call(context.useHelper("to_uint32"), [left]), ">>", shiftCount());
  }
}

function isInt32Literal(value: py.Expression): boolean {
  if (value.kind !== "Constant" || typeof value.value !== "object" || value.value === null) return false;
  const number = Number(value.value.number);
  return Number.isInteger(number) && number >= -0x80000000 && number <= 0x7fffffff;
}

/** Significant bits of an element of a small integer typed array (`bytes[i]`, or a const holding one): its ToInt32 is itself. */
function elementBits(node: ts.Expression, context: TransformationContext): number | undefined {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) {
    const declaration = context.symbolOf(node)?.valueDeclaration;
    const constant =
      declaration &&
      ts.isVariableDeclaration(declaration) &&
      ts.isVariableDeclarationList(declaration.parent) &&
      declaration.parent.flags & ts.NodeFlags.Const;
    if (!constant) return undefined;
    if (declaration.initializer) return elementBits(declaration.initializer, context);
    return ts.isForOfStatement(declaration.parent.parent)
      ? arrayElementBits(context.typeOf(declaration.parent.parent.expression))
      : undefined;
  }
  return ts.isElementAccessExpression(node) ? arrayElementBits(context.typeOf(node.expression)) : undefined;
}

const elementWidths: Record<string, number> = { Uint8Array: 8, Int8Array: 8, Uint16Array: 16, Int16Array: 16 };

function arrayElementBits(type: ts.Type): number | undefined {
  const name = type.getSymbol()?.getName();
  return name !== undefined && Object.hasOwn(elementWidths, name) ? elementWidths[name] : undefined;
}

/**
 * Under a non-negative 31-bit mask only the low bits of an integer matter, and `+ - * << ^ | &`
 * compute the low bits from the operands' low bits alone: the ToInt32 wraps inside such an
 * expression (`((crc << 1) ^ 0x1021) & 0xffff`) change nothing and are left out.
 */
function withoutWraps(expression: py.Expression): py.Expression {
  if (expression.kind === "Call" && expression.func.kind === "Name" && expression.func.id === "to_int32" && expression.args.length === 1) {
    return withoutWraps(expression.args[0]!);
  }
  if (expression.kind === "BinOp" && lowBitOperators.has(expression.op)) {
    return { ...expression, left: withoutWraps(expression.left), right: withoutWraps(expression.right) };
  }
  return expression;
}

const lowBitOperators = new Set<py.BinaryOperator>(["+", "-", "*", "<<", "^", "|", "&"]);

/** `~x`: the complement of the 32-bit value. */
export function bitwiseNot(operand: py.Expression, context: TransformationContext): py.Expression {
  return py.unaryOp("~", py.call(context.useHelper("to_int32"), [operand]));
}
