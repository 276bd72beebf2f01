import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "./diagnostics.js";
import * as py from "../python-ast.js";
import { skipParentheses } from "../visitors/transparent.js";
import { isLibraryFunctionValue } from "./function-values.js";

/**
 * How many arguments a callback declares. JavaScript passes (value, index, array) and a
 * function ignores what it does not name; a Python function raises on extra arguments, so
 * the helpers pass exactly this many.
 */
export function callbackArity(node: ts.Expression, context: TransformationContext, member: string, maximum: number): number {
  const signatures = context.checker.getSignaturesOfType(context.checker.getTypeAtLocation(node), ts.SignatureKind.Call);
  // A library function's value (function-values.ts) takes any arguments: typed any, or with a
  // rest parameter (Math.max), it gets all that JavaScript passes.
  const libraryValue = isLibraryFunctionValue(skipParentheses(node), context);
  if (libraryValue && signatures.length === 0) return maximum;
  const declaration = signatures[0]?.getDeclaration();
  if (!declaration || !("parameters" in declaration)) return 1;
  // A declared `this` is no argument (it becomes a keyword parameter, see function.ts).
  const parameters = (declaration.parameters as ts.NodeArray<ts.ParameterDeclaration>).filter(
    (parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"),
  );
  if (parameters.some((parameter) => parameter.dotDotDotToken)) {
    if (libraryValue) return maximum;
    context.report(diagnostics.callbackArity(node, member));
  }
  return Math.min(parameters.length, maximum);
}

/**
 * The callback of `a.forEach(f, thisArg)` (map, filter, some, every, find…, a typed array's, a
 * Map's or Set's forEach, `Array.from(src, f, thisArg)`): JavaScript calls `f` with `this` set
 * to thisArg. A function declaring `this` (or an object literal's method) is bound to it with
 * js_bind; an arrow function ignores it, so thisArg is then only evaluated, for its effects.
 * `fn` and `thisValue` are the transformed callback and thisArg (in order, transformInOrder).
 */
export function bindCallback(
  callback: ts.Expression,
  fn: py.Expression,
  thisValue: py.Expression | undefined,
  context: TransformationContext,
): py.Expression {
  if (!thisValue) return fn;
  if (!ts.isArrowFunction(skipParentheses(callback))) return py.call(context.useHelper("js_bind"), [fn, thisValue, py.tuple([])]);
  if (thisValue.kind !== "Name" && thisValue.kind !== "Constant") context.addPrecedingStatements(py.expressionStatement(thisValue));
  return fn;
}
