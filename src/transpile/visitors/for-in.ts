import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isArrayType, isStringType, typeOf } from "../types.js";
import * as libraryDiagnostics from "../builtins/diagnostics.js";
import { unorderedInstanceClass } from "../builtins/instance-order.js";

/**
 * `for (const k in o)`: the own keys in insertion order. Records (OrderedDicts) and object
 * literals (JsObjects) iterate over their keys already; other objects through obj_keys; arrays
 * and strings over their indexes.
 */
export function transformForInStatement(node: ts.ForInStatement, context: TransformationContext): py.Statement[] {
  const initializer = node.initializer;
  let target: py.Expression;
  if (ts.isVariableDeclarationList(initializer)) {
    const declaration = initializer.declarations[0]!;
    if (!ts.isIdentifier(declaration.name)) {
      context.report(diagnostics.unsupportedSyntax(declaration.name));
      return [];
    }
    target = py.name(context.pythonName(declaration.name));
  } else {
    target = context.transformExpression(initializer as ts.Expression);
  }
  const type = typeOf(context, node.expression);
  const object = context.transformExpression(node.expression);
  // The keys of an array or a string are its indexes as strings, "0", "1"…, fixed when the loop starts.
  const indexes = isArrayType(context, type) || isStringType(type);
  const className = indexes ? undefined : unorderedInstanceClass(type, context);
  if (className) context.report(libraryDiagnostics.unorderedInstanceFields(node.expression, "for…in", className));
  // A snapshot of the keys, integer-like ones first (obj_keys): the body may add or delete properties.
  const iter = indexes
    ? py.call(py.name("map"), [py.name("str"), py.call(py.name("range"), [py.call(py.name("len"), [object])])])
    : py.call(context.useHelper("obj_keys"), [object]);
  const body = context.withLoop({ beforeContinue: () => [] }, () => context.transformBlock(node.statement));
  return [{ kind: "For", target, iter, body }];
}
