import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { transformArgs } from "./arguments.js";
import { elementAsNumber } from "../element-bounds.js";
import { isIntegral } from "../operators/numeric.js";
import { exactArithmetic } from "../operators/exact-integers.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";

/** Math's arguments: an element that may be past the end is NaN there, as ToNumber makes undefined. */
function numberArgs(node: ts.CallExpression, context: TransformationContext): py.Expression[] {
  const values = transformArgs(node, context);
  return values.map((value, index) => {
    const argument = node.arguments[index];
    return argument === undefined || ts.isSpreadElement(argument) ? value : elementAsNumber(argument, value, context);
  });
}

/** `math.<name>(...)`: the module is imported at the top of the file by the import hook. */
function math(context: TransformationContext, name: string): py.Expression {
  context.useHelper("math");
  return py.attribute(py.name("math"), name);
}

const mathFunction =
  (name: string): CallMapping =>
  (node, context) =>
    py.call(math(context, name), numberArgs(node, context));

/** Functions whose domain errors raise in MicroPython's math but give NaN/±Infinity in JS. */
const guardedFunction =
  (name: string): CallMapping =>
  (node, context) =>
    py.call(context.useHelper("js_math"), [math(context, name), ...numberArgs(node, context)]);

/**
 * math's special functions (MicroPython ports built with extra features: ESP32, rp2, unix),
 * whose overflow and domain errors JavaScript answers with NaN or ±Infinity.
 */
const specialFunction =
  (name: string): CallMapping =>
  (node, context) =>
    py.call(context.useHelper("js_math_special"), [math(context, name), ...numberArgs(node, context)]);

/** `a ** b`: plain Python for a non-negative integer exponent, else JavaScript's rules (js_pow). */
export function power(exponent: ts.Expression, base: py.Expression, power: py.Expression, context: TransformationContext): py.Expression {
  let literal: ts.Expression = exponent;
  while (ts.isParenthesizedExpression(literal)) literal = literal.expression;
  if (ts.isNumericLiteral(literal) && Number.isInteger(Number(literal.text))) return py.binOp(base, "**", power);
  return py.call(context.useHelper("js_pow"), [base, power]);
}

/**
 * floor/ceil/trunc of an int are the int itself; of a float, math's versions return ints but
 * raise on NaN and ±Infinity, which JavaScript returns unchanged (js_whole).
 */
const rounding =
  (name: string): CallMapping =>
  (node, context) => {
    const [value] = node.arguments;
    if (value && isIntegral(value, context)) return context.transformExpression(value);
    return py.call(context.useHelper("js_whole"), [math(context, name), ...numberArgs(node, context)]);
  };

/**
 * min/max of ints are Python's; anything else (a float, which may be NaN or -0, a spread array,
 * which may be empty, or no arguments) goes through js_min/js_max, which order -0 below +0 and
 * let NaN win as JavaScript does.
 */
const extreme =
  (name: "min" | "max"): CallMapping =>
  (node, context) => {
    const args = numberArgs(node, context);
    if (args.length === 1 && !ts.isSpreadElement(node.arguments[0]!)) return args[0]!;
    const integral = args.length > 0 && node.arguments.every((arg) => !ts.isSpreadElement(arg) && isIntegral(arg, context));
    if (integral) return py.call(py.name(name), args);
    return py.call(context.useHelper(name === "min" ? "js_min" : "js_max"), args);
  };

export const mathCalls: CallMappings = {
  floor: rounding("floor"),
  ceil: rounding("ceil"),
  trunc: rounding("trunc"),
  round(node, context) {
    const [value] = node.arguments;
    if (value && isIntegral(value, context)) return context.transformExpression(value);
    return py.call(context.useHelper("js_round"), numberArgs(node, context));
  },
  abs: (node, context) => py.call(py.name("abs"), numberArgs(node, context)),
  min: extreme("min"),
  max: extreme("max"),
  pow(node, context) {
    const [base, exponent] = numberArgs(node, context);
    const [baseNode, exponentNode] = node.arguments;
    if (!baseNode || !exponentNode || node.arguments.some(ts.isSpreadElement)) return power(exponentNode!, base!, exponent!, context);
    return exactArithmetic(
      ts.SyntaxKind.AsteriskAsteriskToken,
      baseNode,
      exponentNode,
      power(exponentNode, base!, exponent!, context),
      context,
    );
  },
  sqrt: guardedFunction("sqrt"),
  cbrt(node, context) {
    return py.call(context.useHelper("js_cbrt"), numberArgs(node, context));
  },
  sign(node, context) {
    return py.call(context.useHelper("js_sign"), numberArgs(node, context));
  },
  hypot: (node, context) => py.call(context.useHelper("js_hypot"), numberArgs(node, context)),
  exp: guardedFunction("exp"),
  log: guardedFunction("log"),
  log2: guardedFunction("log2"),
  log10: guardedFunction("log10"),
  sin: guardedFunction("sin"),
  cos: guardedFunction("cos"),
  tan: guardedFunction("tan"),
  asin: guardedFunction("asin"),
  acos: guardedFunction("acos"),
  atan: mathFunction("atan"),
  atan2: mathFunction("atan2"),
  sinh: specialFunction("sinh"),
  cosh: specialFunction("cosh"),
  tanh: mathFunction("tanh"),
  asinh: mathFunction("asinh"),
  acosh: specialFunction("acosh"),
  atanh: specialFunction("atanh"),
  expm1: specialFunction("expm1"),
  log1p: (node, context) => py.call(context.useHelper("js_log1p"), numberArgs(node, context)),
  clz32: (node, context) => py.call(context.useHelper("js_clz32"), numberArgs(node, context)),
  fround: (node, context) => py.call(context.useHelper("js_fround"), numberArgs(node, context)),
  imul(node, context) {
    const toInt32 = context.useHelper("to_int32");
    const [a, b] = numberArgs(node, context).map((value) => py.call(toInt32, [value]));
    return py.call(toInt32, [py.binOp(a!, "*", b!)]);
  },
  random(_node, context) {
    context.useHelper("random");
    return py.call(py.attribute(py.name("random"), "random"));
  },
};

export const mathProperties: PropertyMappings = {
  PI: (_node, context) => math(context, "pi"),
  E: (_node, context) => math(context, "e"),
  SQRT2: () => py.num("1.4142135623730951"),
  LN2: () => py.num("0.6931471805599453"),
  LN10: () => py.num("2.302585092994046"),
  LOG2E: () => py.num("1.4426950408889634"),
  LOG10E: () => py.num("0.4342944819032518"),
  SQRT1_2: () => py.num("0.7071067811865476"),
};

export function isMathRounding(node: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(node.expression) && ["floor", "ceil", "trunc", "round"].includes(node.expression.name.text);
}
