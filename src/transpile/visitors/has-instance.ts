import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isWellKnownSymbol } from "../builtins/library.js";

/**
 * `static [Symbol.hasInstance](value)` of a class: JavaScript's `x instanceof C` calls it (an
 * inherited one too) and takes the truthiness of its result. It is the Python class's
 * `_js_has_instance`, and `x instanceof C` calls it where C's type has one the program
 * declares; other `instanceof` tests stay `isinstance`.
 */
export const hasInstanceMethodName = "_js_has_instance";

/** `Symbol.hasInstance`, the library's, written as a computed name. */
export function isSymbolHasInstance(name: ts.Node | undefined, context: TransformationContext): boolean {
  return isWellKnownSymbol(name, "hasInstance", context);
}

/** `x instanceof C` through C's own `[Symbol.hasInstance]`, or undefined where C's type has none of the program's. */
export function hasInstanceTest(
  node: ts.BinaryExpression,
  left: py.Expression,
  right: py.Expression,
  context: TransformationContext,
): py.Expression | undefined {
  const type = context.checker.getTypeAtLocation(node.right);
  const member = type.getProperties().find((property) => property.getName().startsWith("__@hasInstance"));
  if (!member || !context.isDeclaredByUser(member)) return undefined;
  const test = py.call(py.attribute(right, hasInstanceMethodName), [left]);
  const [signature] = context.checker.getTypeOfSymbolAtLocation(member, node.right).getCallSignatures();
  const returnsBoolean = signature !== undefined && (signature.getReturnType().flags & ts.TypeFlags.BooleanLike) !== 0;
  return returnsBoolean ? test : py.call(context.useHelper("js_truthy"), [test]);
}
