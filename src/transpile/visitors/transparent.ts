import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import type * as py from "../python-ast.js";
import { assertsDictAsObject, typeOf } from "../types.js";

/** Parentheses, `!` and type assertions: they only wrap a value (an assignment's target too: `(x as T) = v`). */
export function isTransparentWrapper(
  node: ts.Node,
): node is ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.TypeAssertion | ts.SatisfiesExpression {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isSatisfiesExpression(node)
  );
}

/** The value inside parentheses and type assertions, which only wrap it. */
export function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (isTransparentWrapper(current)) current = current.expression;
  return current;
}

/** `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T`, `f<T>` (an instantiation expression): only the value remains. */
export function transformTransparentExpression(
  node:
    | ts.ParenthesizedExpression
    | ts.AsExpression
    | ts.NonNullExpression
    | ts.TypeAssertion
    | ts.SatisfiesExpression
    | ts.ExpressionWithTypeArguments,
  context: TransformationContext,
): py.Expression {
  if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !ts.isConstTypeReference(node.type)) {
    // Checked against the innermost value, so `x as unknown as T` is caught too.
    const value = skipParentheses(node);
    if (assertsDictAsObject(context, typeOf(context, value), context.checker.getTypeFromTypeNode(node.type))) {
      context.report(diagnostics.dictAssertedAsObject(node));
    }
  }
  return context.transformExpression(node.expression);
}
