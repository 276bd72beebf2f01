import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isBooleanType, isErrorType, isNumberType, isStringType, typeOf } from "../types.js";
import * as diagnostics from "./diagnostics.js";
import { isIntegral } from "../operators/numeric.js";
import type { CallMappings } from "./mapping.js";

export const consoleCalls: CallMappings = {
  /**
   * `console.log(a, b)` prints its arguments separated by spaces, as `print` does. Strings and
   * integers print natively; other values go through js_inspect, which formats them as
   * Node's util.inspect does (`[ 1, 2, 3 ]`, `{ a: 1, b: 'x' }`).
   */
  log(node, context) {
    const [first] = node.arguments;
    // Node substitutes %s, %d, %i, %f, %j, %o, %O, %c and %% in a first string argument.
    if (node.arguments.length > 1 && first && ts.isStringLiteralLike(first) && /%[sdifjoOc%]/.test(first.text)) {
      context.report(diagnostics.logFormatDirective(first));
    }
    const values = context.transformInOrder(node.arguments);
    return py.call(
      py.name("print"),
      node.arguments.map((argument, index) => printedArgument(argument, values[index]!, context)),
    );
  },
};
consoleCalls.info = consoleCalls.log!;
consoleCalls.error = consoleCalls.log!;
consoleCalls.warn = consoleCalls.log!;

const nullishFlags = ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null;

function printedArgument(argument: ts.Expression, value: py.Expression, context: TransformationContext): py.Expression {
  const type = typeOf(context, argument);
  // A value known to be undefined whatever its type says (`s[-1]`, `void f()`).
  if (value.kind === "Constant" && value.value === null && !(type.flags & ts.TypeFlags.Null)) return py.str("undefined");
  if (isStringType(type)) return value;
  if (isNumberType(type)) return isIntegral(argument, context) ? value : py.call(context.useHelper("num_log"), [value]);
  if (isBooleanType(type)) return py.ifExp(value, py.str("true"), py.str("false"));
  // The word alone only when dropping the value drops nothing (`console.log(f())` still calls f).
  const effectFree = value.kind === "Constant" || value.kind === "Name";
  if (effectFree && (type.flags & ts.TypeFlags.Undefined || type.flags & ts.TypeFlags.Void)) return py.str("undefined");
  if (effectFree && type.flags & ts.TypeFlags.Null) return py.str("null");
  rejectUnprintable(argument, type, context, 0);
  const parts = type.isUnion() ? type.types : [type];
  // null and undefined are both None: the declared type picks the word. Untyped values
  // (any, unknown: JSON.parse results, caught errors) print null, JSON's only nullish value.
  const untyped = (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
  const onlyNull =
    untyped ||
    (parts.some((part) => part.flags & ts.TypeFlags.Null) &&
      !parts.some((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
  const args = [value];
  if (onlyNull) args.push(py.str("null"));
  return py.call(context.useHelper("js_inspect"), args);
}

/** Class instances (other than Map and Set) and Errors print in ways MicroPython cannot match. */
export function rejectUnprintable(node: ts.Expression, type: ts.Type, context: TransformationContext, depth: number): boolean {
  if (depth > 3) return false;
  if (type.flags & nullishFlags) return false;
  if (type.isUnion()) return type.types.some((part) => rejectUnprintable(node, part, context, depth));
  if (isErrorType(type)) {
    context.report(diagnostics.logError(node));
    return true;
  }
  const symbol = type.getSymbol();
  if (symbol && symbol.flags & ts.SymbolFlags.Class && context.isDeclaredByUser(symbol)) {
    context.report(diagnostics.logClassInstance(node, symbol.getName()));
    return true;
  }
  if (context.checker.isArrayType(type) || context.checker.isTupleType(type)) {
    return context.checker
      .getTypeArguments(type as ts.TypeReference)
      .some((element) => rejectUnprintable(node, element, context, depth + 1));
  }
  return false;
}
