import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isArrayType, typeOf } from "../types.js";

/** The Python target for an assignment's left side (a name, attribute or subscript). */
export function transformAssignmentTarget(node: ts.Expression, context: TransformationContext): py.Expression {
  // A Python list's length is no attribute: `ArrayLength(a)[0]` reads and sets it as a subscript.
  if (ts.isPropertyAccessExpression(node) && node.name.text === "length" && isArrayType(context, typeOf(context, node.expression))) {
    return py.subscript(py.call(context.useHelper("ArrayLength"), [context.transformExpression(node.expression)]), py.num(0));
  }
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) {
    context.report(diagnostics.unsupportedAssignmentTarget(node));
    return py.name("_");
  }
  const target = context.transformExpression(node);
  if (target.kind !== "Name" && target.kind !== "Attribute" && target.kind !== "Subscript") {
    context.report(diagnostics.unsupportedAssignmentTarget(node));
    return py.name("_");
  }
  return target;
}
