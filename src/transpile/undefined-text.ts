import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import * as py from "./python-ast.js";
import { elementAsText } from "./element-bounds.js";

/**
 * A value the checker types as a string that may be undefined when it runs, converted to text
 * (concatenated, in a template, `String(x)`): "undefined" for undefined, as JavaScript gives.
 * Such values are an element read past the end and JSON.stringify's result (undefined for
 * undefined and functions). Undefined for any other value.
 */
export function maybeUndefinedAsText(
  node: ts.Expression,
  expression: py.Expression,
  context: TransformationContext,
): py.Expression | undefined {
  const element = elementAsText(node, expression, context);
  if (element) return element;
  return isJsonStringify(node) ? py.call(context.useHelper("js_str"), [expression]) : undefined;
}

/** `JSON.stringify(v)`, typed string but undefined for undefined and functions. */
export function isJsonStringify(node: ts.Expression): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === "stringify" &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === "JSON"
  );
}
