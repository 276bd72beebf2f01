import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { asCondition } from "../conversions.js";
import { isNumberType, typeOf } from "../types.js";
import { isIntegral, isNonNegative } from "../operators/numeric.js";
import { hasPythonText } from "../magnitudes.js";
import { transformArgs, valueAsString } from "./arguments.js";
import { maySymbol, symbolAsString, symbolCall } from "./symbol.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";

const isNaN: CallMapping = (node, context) => {
  const [value] = transformArgs(node, context);
  const argument = node.arguments[0]!;
  // Only NaN is unequal to itself; a string argument is converted first, as isNaN() does.
  const number = isNumberType(typeOf(context, argument)) ? value! : py.call(context.useHelper("to_num"), [value!]);
  if (number.kind === "Name") return py.compare(number, "!=", number);
  return py.call(context.useHelper("is_nan"), [number]);
};

/** Number.isNaN: no conversion, only the number NaN. */
const isNumberNaN: CallMapping = (node, context) => py.call(context.useHelper("is_nan"), transformArgs(node, context));

/** The global isFinite converts its argument as Number() does; Number.isFinite does not. */
const isFinite: CallMapping = (node, context) => {
  const [value] = transformArgs(node, context);
  const argument = node.arguments[0]!;
  return py.call(context.useHelper("is_finite"), [
    isNumberType(typeOf(context, argument)) ? value! : py.call(context.useHelper("to_num"), [value!]),
  ]);
};
const isNumberFinite: CallMapping = (node, context) => py.call(context.useHelper("is_finite"), transformArgs(node, context));

/** Functions called by name: parseInt(s), String(x)… */
export const globalCalls: CallMappings = {
  parseInt: (node, context) => py.call(context.useHelper("parse_int"), transformArgs(node, context)),
  parseFloat: (node, context) => py.call(context.useHelper("parse_float"), transformArgs(node, context)),
  isNaN,
  isFinite,
  Number(node, context) {
    const [argument] = node.arguments;
    if (!argument) return py.num(0);
    if (isNumberType(typeOf(context, argument))) return context.transformExpression(argument);
    return py.call(context.useHelper("to_num"), [context.transformExpression(argument)]);
  },
  String(node, context) {
    const [argument] = node.arguments;
    if (!argument) return py.str("");
    const value = context.transformExpression(argument);
    if (maySymbol(typeOf(context, argument))) return symbolAsString(context, value);
    return valueAsString(argument, context, value);
  },
  Symbol: symbolCall,
  Boolean(node, context) {
    const [argument] = node.arguments;
    if (!argument) return py.bool(false);
    return asCondition(context, argument, context.transformExpression(argument));
  },
};

export const numberStaticCalls: CallMappings = {
  isNaN: isNumberNaN,
  isFinite: isNumberFinite,
  isInteger: (node, context) => py.call(context.useHelper("is_integer"), transformArgs(node, context)),
  isSafeInteger: (node, context) => py.call(context.useHelper("is_safe_integer"), transformArgs(node, context)),
  parseInt: globalCalls.parseInt!,
  parseFloat: globalCalls.parseFloat!,
};

export const numberStaticProperties: PropertyMappings = {
  MAX_SAFE_INTEGER: () => py.num(9007199254740991),
  MIN_SAFE_INTEGER: () => py.num(-9007199254740991),
  EPSILON: () => py.num("2.220446049250313e-16"),
  MAX_VALUE: () => py.num("1.7976931348623157e308"),
  MIN_VALUE: () => py.num("5e-324"),
  POSITIVE_INFINITY: () => py.call(py.name("float"), [py.str("inf")]),
  NEGATIVE_INFINITY: () => py.call(py.name("float"), [py.str("-inf")]),
  NaN: () => py.call(py.name("float"), [py.str("nan")]),
};

const radixFormats: Record<string, string> = { "2": "b", "8": "o", "10": "d", "16": "x" };

/**
 * `n.toString(16)` of an integer prints as Python's `{:x}` does (a sign, then the digits), so
 * no helper is needed; the format letter for a literal radix of 2, 8, 10 or 16.
 */
export function integerRadixFormat(node: ts.CallExpression, context: TransformationContext): string | undefined {
  const radix = node.arguments[0];
  const receiverNode = (node.expression as ts.PropertyAccessExpression).expression;
  if (node.arguments.length !== 1 || !radix || !ts.isNumericLiteral(radix) || !Object.hasOwn(radixFormats, radix.text)) return undefined;
  return isIntegral(receiverNode, context) ? radixFormats[radix.text] : undefined;
}

/**
 * `n.toString(16).padStart(8, "0")` of a non-negative integer is `{:08x}`: zero-padding puts
 * the zeros where padStart does only when there is no sign.
 */
export function zeroPaddedRadix(
  node: ts.CallExpression,
  context: TransformationContext,
  receiver: py.Expression,
): py.Expression | undefined {
  const [width, fill] = node.arguments;
  const inner = (node.expression as ts.PropertyAccessExpression).expression;
  if (node.arguments.length !== 2 || !width || !ts.isNumericLiteral(width) || !fill || !ts.isStringLiteral(fill) || fill.text !== "0")
    return undefined;
  if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression) || inner.expression.name.text !== "toString")
    return undefined;
  const symbol = context.symbolOf(inner.expression.name);
  if (!symbol || context.isDeclaredByUser(symbol) || !isNumberType(context.typeOf(inner.expression.expression))) return undefined;
  const format = integerRadixFormat(inner, context);
  const digits = Number(width.text);
  if (!format || !Number.isInteger(digits) || digits < 0 || digits > 64 || !isNonNegative(inner.expression.expression, context))
    return undefined;
  // The receiver is the toString already made: `"{:x}".format(n)`; the same n, padded.
  if (receiver.kind !== "Call" || receiver.args.length !== 1) return undefined;
  return py.call(py.attribute(py.str(`{:0${digits}${format}}`), "format"), receiver.args);
}

export const numberCalls: CallMappings = {
  toFixed(node, context, receiver) {
    return py.call(context.useHelper("to_fixed"), [receiver, ...transformArgs(node, context)]);
  },
  toPrecision(node, context, receiver) {
    return py.call(context.useHelper("to_precision"), [receiver, ...transformArgs(node, context)]);
  },
  toExponential(node, context, receiver) {
    return py.call(context.useHelper("to_exponential"), [receiver, ...transformArgs(node, context)]);
  },
  toString: ((node, context, receiver) => {
    const receiverNode = (node.expression as ts.PropertyAccessExpression).expression;
    if (node.arguments.length === 0) {
      // Not String(n): a method read of undefined or null (a missing key, JSON null) throws.
      if (isNumberType(typeOf(context, receiverNode)) && !hasPythonText(isIntegral(receiverNode, context), receiverNode, context)) {
        return py.call(context.useHelper("num_to_str"), [receiver]);
      }
      return valueAsString(receiverNode, context, receiver);
    }
    const format = integerRadixFormat(node, context);
    if (format) return py.call(py.attribute(py.str(`{:${format}}`), "format"), [receiver]);
    return py.call(context.useHelper("num_to_radix"), [receiver, ...transformArgs(node, context)]);
  }) as CallMapping,
  valueOf: ((_node, _context, receiver) => receiver) as CallMapping,
};
