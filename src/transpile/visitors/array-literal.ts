import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isArrayType, typeOf } from "../types.js";

/**
 * Array literals; spreads become list concatenation (`[0, ...a]` → `[0] + a`), since
 * MicroPython has no `[*a]`. A spread of something other than an array (a Set, a Map, a
 * string, an iterator) is copied with list() first.
 */
export function transformArrayLiteral(node: ts.ArrayLiteralExpression, context: TransformationContext): py.Expression {
  const hole = node.elements.find(ts.isOmittedExpression);
  if (hole) {
    context.report(diagnostics.arrayHole(hole));
    return py.list([]);
  }
  if (!node.elements.some(ts.isSpreadElement)) {
    return py.list(node.elements.map((element) => context.transformExpression(element)));
  }
  const parts: py.Expression[] = [];
  let run: py.Expression[] = [];
  for (const element of node.elements) {
    if (ts.isSpreadElement(element)) {
      if (run.length > 0) parts.push(py.list(run));
      run = [];
      const value = context.transformExpression(element.expression);
      const isArray = isArrayType(context, typeOf(context, element.expression));
      // A lone array spread must still be a copy: `[...a]` is `a[:]`.
      parts.push(isArray ? value : py.call(py.name("list"), [value]));
    } else {
      run.push(context.transformExpression(element));
    }
  }
  if (run.length > 0) parts.push(py.list(run));
  if (parts.length === 1) {
    const only = parts[0]!;
    return only.kind === "Call" ? only : py.subscript(only, { kind: "Slice" } as py.Expression);
  }
  return parts.reduce((joined, next) => py.binOp(joined, "+", next));
}
