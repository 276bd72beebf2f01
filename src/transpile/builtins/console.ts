import { ts } from "ts-morph";
import type { TransformationContext } from "../context.js";
import { asPrintedValue } from "../conversions.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isErrorType, truthinessOf, typeOf } from "../types.js";
import type { CallMappings } from "./registry.js";

export const consoleCalls: CallMappings = {
  /** `console.log(a, b)` prints its arguments separated by spaces, as `print` does. */
  log(node, context) {
    return py.call(py.name("print"), node.arguments.map((argument) => printedArgument(argument, context)));
  },
};

function printedArgument(argument: ts.Expression, context: TransformationContext): py.Expression {
  const type = typeOf(context, argument);
  const truthiness = truthinessOf(type);
  // console.log formats arrays and objects with util.inspect, which String() does not match.
  if ((truthiness === "always" || truthiness === "not-none") && !isErrorType(type)) {
    context.report(diagnostics.unsupportedLibraryMember(argument, "console.log of arrays and objects"));
  }
  return asPrintedValue(context, argument, context.transformExpression(argument));
}
