import { ts } from "../typescript.js";
import { hasPythonText } from "../magnitudes.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isArrayType, isFacadeDict, isNumberType, isRecordType, isStringType, typeOf } from "../types.js";
import { maybeUndefinedAsText } from "../undefined-text.js";
import { isIntegral } from "../operators/numeric.js";
import { rejectFunctionText } from "../conversions.js";
import { isTransparentWrapper } from "../visitors/transparent.js";

/** The call's arguments, transformed in JS's left-to-right order (context.transformInOrder). */
export function transformArgs(node: ts.CallExpression | ts.NewExpression, context: TransformationContext): py.Expression[] {
  const args = node.arguments ?? [];
  const values = context.transformInOrder(args.map((argument) => (ts.isSpreadElement(argument) ? argument.expression : argument)));
  return values.map((value, index) => (ts.isSpreadElement(args[index]!) ? ({ kind: "Starred", value } as py.Expression) : value));
}

/**
 * Arguments as one list, spread ones included: MicroPython has no `[*a, 4]`, so spread
 * arguments are copied with list() and concatenated (every argument evaluated first, in order).
 */
export function argumentList(args: py.Expression[]): py.Expression {
  if (!args.some((argument) => argument.kind === "Starred")) return py.list(args);
  const parts: py.Expression[] = [];
  let run: py.Expression[] = [];
  for (const argument of args) {
    if (argument.kind !== "Starred") {
      run.push(argument);
      continue;
    }
    if (run.length > 0) parts.push(py.list(run));
    run = [];
    parts.push(py.call(py.name("list"), [argument.value]));
  }
  if (run.length > 0) parts.push(py.list(run));
  return parts.reduce((joined, next) => py.binOp(joined, "+", next));
}

/**
 * An index argument as a Python int: integral numbers as they are, others through js_index
 * (NaN and undefined are 0, Infinity a bound past any length, where int() would raise).
 */
export function asIndex(node: ts.Expression, context: TransformationContext): py.Expression {
  const expression = context.transformExpression(node);
  return isIntegral(node, context) ? expression : py.call(context.useHelper("js_index"), [expression]);
}

/**
 * Slice bounds, in JS's left-to-right order, each as a Python int; an `undefined` bound is
 * Python's own missing bound (the start or the end), as in JavaScript.
 */
export function asIndexes(nodes: readonly ts.Expression[], context: TransformationContext): py.Expression[] {
  return context.transformInOrder(nodes).map((expression, index) => {
    const node = nodes[index]!;
    if (isIntegral(node, context)) return expression;
    if (expression.kind === "Constant" && expression.value === null) return expression;
    return py.call(context.useHelper("js_index"), [expression, py.none()]);
  });
}

/** A number converted as JavaScript's String(n) would. */
export function numberAsString(node: ts.Expression, context: TransformationContext, expression: py.Expression): py.Expression {
  return hasPythonText(isIntegral(node, context), node, context)
    ? py.call(py.name("str"), [expression])
    : py.call(context.useHelper("num_str"), [expression]);
}

/** Any value converted as String(x) would. */
export function valueAsString(node: ts.Expression, context: TransformationContext, expression: py.Expression): py.Expression {
  const type = typeOf(context, node);
  rejectFunctionText(context, node, type);
  // An element read past the end, JSON.stringify's result: undefined whatever the type says.
  const text = maybeUndefinedAsText(node, expression, context);
  if (text) return text;
  if (isStringType(type)) return expression;
  if (isNumberType(type)) return numberAsString(node, context, expression);
  const parts = type.isUnion() ? type.types : [type];
  const hasNull = parts.some((part) => part.flags & ts.TypeFlags.Null);
  const hasUndefined = parts.some((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
  // The word alone only when dropping the value drops nothing (`String(f())` still calls f).
  const effectFree = expression.kind === "Constant" || expression.kind === "Name";
  if (effectFree && hasNull && parts.length === 1) return py.str("null");
  if (effectFree && hasUndefined && parts.length === 1) return py.str("undefined");
  return py.call(context.useHelper("js_str"), [expression]);
}

/** A Python `a:b` slice subscript of `receiver`; an omitted bound stays omitted. */
export function slice(receiver: py.Expression, lower?: py.Expression, upper?: py.Expression): py.Expression {
  return py.subscript(receiver, { kind: "Slice", lower, upper } as py.Expression);
}

export function isStringLiteralLike(node: ts.Expression | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
}

/** A non-negative integer literal (so slicing needs no clamping). */
export function isNonNegativeIntegerLiteral(node: ts.Expression | undefined): boolean {
  return node !== undefined && ts.isNumericLiteral(node) && Number.isInteger(Number(node.text));
}

export function isRegularExpression(node: ts.Expression | undefined): boolean {
  return node !== undefined && node.kind === ts.SyntaxKind.RegularExpressionLiteral;
}

/** Whether `node` is written to (an assignment's target, `x++`, a `delete` operand). */
export function isWrittenTo(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (isTransparentWrapper(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isBinaryExpression(parent) && parent.left === current) {
    const kind = parent.operatorToken.kind;
    return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === current) return true;
  return ts.isDeleteExpression(parent);
}

/**
 * The current value of a `??=`/`||=`/`&&=` target: a record's missing key reads as undefined
 * (get()), where the subscript that the assignment writes through would raise KeyError.
 */
export function currentValueOf(node: ts.Expression, context: TransformationContext): py.Expression {
  const isRecordKey =
    (ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node)) &&
    isRecordType(context, typeOf(context, node.expression)) &&
    !isArrayType(context, typeOf(context, node.expression));
  if (!isRecordKey) return context.transformExpression(node);
  const key = ts.isElementAccessExpression(node)
    ? recordKey(node.argumentExpression, context.transformExpression(node.argumentExpression), context)
    : py.str(node.name.getText());
  return py.call(py.attribute(context.transformExpression(node.expression), "get"), [key]);
}

/**
 * A record's key: keys are strings in JavaScript, so `r[1]` and `r["1"]` are one key, and
 * `Object.keys` gives "1". A number key becomes its text (a Python dict would keep the int 1,
 * a key apart from "1"): `str(i)` for an integer, `js_str` for any other number ("1.5", "0" for -0).
 */
export function recordKey(node: ts.Expression, key: py.Expression, context: TransformationContext): py.Expression {
  if (!isNumberType(typeOf(context, node))) return key;
  // A dict the facade declares keeps Python's keys: `errno.errorcode[2]` looks up the int 2.
  if (ts.isElementAccessExpression(node.parent) && isFacadeDict(context, typeOf(context, node.parent.expression))) return key;
  if (ts.isNumericLiteral(node)) return py.str(String(Number(node.text)));
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return py.str(String(-Number(node.operand.text)));
  }
  if (hasPythonText(isIntegral(node, context), node, context)) return py.call(py.name("str"), [key]);
  return py.call(context.useHelper("js_str"), [key]);
}
