import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isIntegral } from "./numeric.js";

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
  const int32 = (value: py.Expression) => py.call(context.useHelper("to_int32"), [value]);
  const integral = isIntegral(leftNode, context) && isIntegral(rightNode, context);
  const shiftCount = () => {
    const value = literalValue(rightNode);
    if (value !== undefined && Number.isInteger(value)) return py.num(((value % 32) + 32) % 32);
    return py.binOp(isIntegral(rightNode, context) ? right : py.call(py.name("int"), [right]), "&", py.num(31));
  };
  switch (operator) {
    case "&":
      // A non-negative 31-bit mask keeps only bits that ToInt32 leaves alone.
      if (integral && isMask(rightNode)) return py.binOp(left, "&", right);
      if (integral && isMask(leftNode)) return py.binOp(left, "&", right);
      return integral ? int32(py.binOp(left, "&", right)) : py.binOp(int32(left), "&", int32(right));
    case "|":
    case "^":
      if (operator === "|" && literalValue(rightNode) === 0) return int32(left);
      return integral ? int32(py.binOp(left, operator, right)) : py.binOp(int32(left), operator, int32(right));
    case "<<":
      return int32(py.binOp(isIntegral(leftNode, context) ? left : int32(left), "<<", shiftCount()));
    case ">>":
      return py.binOp(int32(left), ">>", shiftCount());
    case ">>>":
      return py.binOp(py.call(context.useHelper("to_uint32"), [left]), ">>", shiftCount());
  }
}

/** `~x`: the complement of the 32-bit value. */
export function bitwiseNot(operand: py.Expression, context: TransformationContext): py.Expression {
  return py.unaryOp("~", py.call(context.useHelper("to_int32"), [operand]));
}
