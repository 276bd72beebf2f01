import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import type * as py from "../python-ast.js";

/** The value inside parentheses and type assertions, which only wrap it. */
export function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T`: only the value remains. */
export function transformTransparentExpression(
  node: ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.TypeAssertion | ts.SatisfiesExpression,
  context: TransformationContext,
): py.Expression {
  return context.transformExpression(node.expression);
}
