import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "./diagnostics.js";

/**
 * How many arguments a callback declares. JavaScript passes (value, index, array) and a
 * function ignores what it does not name; a Python function raises on extra arguments, so
 * the helpers pass exactly this many.
 */
export function callbackArity(node: ts.Expression, context: TransformationContext, member: string, maximum: number): number {
  const signatures = context.checker.getSignaturesOfType(context.checker.getTypeAtLocation(node), ts.SignatureKind.Call);
  const declaration = signatures[0]?.getDeclaration();
  if (!declaration || !("parameters" in declaration)) return 1;
  // A declared `this` is no argument (it becomes a keyword parameter, see function.ts).
  const parameters = (declaration.parameters as ts.NodeArray<ts.ParameterDeclaration>).filter(
    (parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"),
  );
  if (parameters.some((parameter) => parameter.dotDotDotToken)) {
    context.report(diagnostics.callbackArity(node, member));
  }
  return Math.min(parameters.length, maximum);
}
