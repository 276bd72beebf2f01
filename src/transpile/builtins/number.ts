import { ts } from "../typescript.js";
import * as py from "../python-ast.js";
import { asCondition } from "../conversions.js";
import { isNumberType, typeOf } from "../types.js";
import { transformArgs, valueAsString } from "./arguments.js";
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
    return valueAsString(argument, context, context.transformExpression(argument));
  },
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
  isSafeInteger: (node, context) => py.call(context.useHelper("is_integer"), transformArgs(node, context)),
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

export const numberCalls: CallMappings = {
  toFixed(node, context, receiver) {
    return py.call(context.useHelper("to_fixed"), [receiver, ...transformArgs(node, context)]);
  },
  toString: ((node, context, receiver) => {
    const receiverNode = (node.expression as ts.PropertyAccessExpression).expression;
    if (node.arguments.length === 0) return valueAsString(receiverNode, context, receiver);
    return py.call(context.useHelper("num_to_radix"), [receiver, ...transformArgs(node, context)]);
  }) as CallMapping,
  valueOf: ((_node, _context, receiver) => receiver) as CallMapping,
};
