import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { binaryMagnitude, isWithinExactRange } from "../magnitudes.js";
import * as py from "../python-ast.js";

const limit = () => py.num("9007199254740992");

/**
 * JavaScript rounds an integer result past 2^53 to a double; a Python int stays exact, so
 * `seed * 1103515245` or `h * 16777619` would keep low bits JavaScript has lost, and a mask
 * (`& 0x7fffffff`, `>>> 0`) then shows them. Where the operands' bounds (magnitudes.ts) keep
 * the result within 2^53 the operation is native; elsewhere its value is tested inline and,
 * only when it is past 2^53, rounded by js_int to the int the double holds:
 * `t if -2**53 <= (t := a * b) <= 2**53 else js_int(t)`. A float result passes the test or
 * js_int unchanged (its rounding is native), and a result that is a float by construction
 * (an operand is a fractional literal) is not tested at all.
 */
export function exactArithmetic(
  kind: ts.SyntaxKind,
  leftNode: ts.Expression,
  rightNode: ts.Expression,
  value: py.Expression,
  context: TransformationContext,
): py.Expression {
  if (isFractionalLiteral(leftNode) || isFractionalLiteral(rightNode)) return value;
  if (isWithinExactRange(binaryMagnitude(kind, leftNode, rightNode, context))) return value;
  return roundedToDouble(value, context);
}

/** `value` rounded as a double holds it, when it is an int past 2^53. */
export function roundedToDouble(value: py.Expression, context: TransformationContext): py.Expression {
  const result = context.temporary("exact");
  return py.ifExp(
    py.between(py.unaryOp("-", limit()), py.namedExpr(result, value), limit()),
    result,
    py.call(context.useHelper("js_int"), [result]),
  );
}

function isFractionalLiteral(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return ts.isNumericLiteral(node) && !Number.isInteger(Number(node.text));
}
