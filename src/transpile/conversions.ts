import { ts } from "./typescript.js";
import { hasPythonText } from "./magnitudes.js";
import type { TransformationContext } from "./context.js";
import { isIntegerValued } from "./integers.js";
import * as py from "./python-ast.js";
import { nullishTestOnce } from "./nullish.js";
import { isNumberType, isStringType, mayHoldPrimitive, truthinessOf, typeOf } from "./types.js";
import { maybeUndefinedAsText } from "./undefined-text.js";
import * as diagnostics from "./builtins/diagnostics.js";

/**
 * The conversions where JS and Python disagree, decided from the checker's types so that
 * code whose types already agree stays plain Python.
 */

/** `node` as a Python condition with JS truthiness. */
export function asCondition(context: TransformationContext, node: ts.Expression, expression: py.Expression): py.Expression {
  // A comparison or `!` is a boolean whatever its operands: no need to have the checker check it again.
  if (isBooleanOperation(node)) return expression;
  const type = typeOf(context, node);
  switch (truthinessOf(type)) {
    case "native":
      if (mayBeNaN(context, node, type)) return py.call(context.useHelper("js_truthy"), [expression]);
      return expression;
    case "not-none":
      // `{} | null` (an `unknown` narrowed by `!== undefined`) may hold 0 or "": js_truthy.
      if (mayHoldPrimitive(type)) return py.call(context.useHelper("js_truthy"), [expression]);
      return nullishTestOnce(context, node, expression, true);
    case "always":
      // The type admits no nullish value, but a read past an array's end or a record's missing
      // key is undefined all the same (`const t = toks[i]; if (!t) …`): a name is tested
      // against None. `{}` and `Object` admit falsy primitives (0, ""): js_truthy.
      if (expression.kind === "Name" && !mayHoldPrimitive(type)) return py.compare(expression, "is not", py.none());
      return py.call(context.useHelper("js_truthy"), [expression]);
    case "dynamic":
      return py.call(context.useHelper("js_truthy"), [expression]);
  }
}

/**
 * A number that may be NaN, falsy in JS and truthy in Python; integers cannot be NaN. A union
 * (`number | string`) counts by its number part.
 */
export function mayBeNaN(context: TransformationContext, node: ts.Expression, type: ts.Type = typeOf(context, node)): boolean {
  const hasNumber = type.isUnion() ? type.types.some(isNumberType) : isNumberType(type);
  return hasNumber && !isIntegerValued(node, context) && !isLiteralNumber(type);
}

const booleanOperators = new Set([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.InKeyword,
]);

/** An expression TypeScript types `boolean` (or `true`/`false`) from its operator alone. */
function isBooleanOperation(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isBinaryExpression(node)) return booleanOperators.has(node.operatorToken.kind);
  return ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken;
}

function isLiteralNumber(type: ts.Type): boolean {
  return type.isNumberLiteral() || (type.isUnion() && type.types.every((part) => part.isNumberLiteral()));
}

/** The negation of a condition, without double `not`. */
export function negate(condition: py.Expression): py.Expression {
  if (condition.kind === "UnaryOp" && condition.op === "not") return condition.operand;
  if (condition.kind === "Constant" && typeof condition.value === "boolean") return py.bool(!condition.value);
  if (condition.kind === "Compare") {
    const inverse: Partial<Record<py.CompareOperator, py.CompareOperator>> = {
      "==": "!=",
      "!=": "==",
      is: "is not",
      "is not": "is",
      in: "not in",
      "not in": "in",
    };
    const op = inverse[condition.op];
    if (op) return py.compare(condition.left, op, condition.right);
  }
  return py.unaryOp("not", condition);
}

/** Exactly `null`: the word is known when building. */
function isNullOnly(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Null) !== 0;
}

/** "null" for a null-typed value: the word alone when the value is a name or literal, else the value is still evaluated. */
function nullText(context: TransformationContext, expression: py.Expression): py.Expression {
  if (expression.kind === "Constant" || expression.kind === "Name") return py.str("null");
  return py.call(context.useHelper("js_str"), [expression]);
}

/**
 * JavaScript converts a function or a class to its source text, which the board does not have
 * (js_str raises TypeError for one the types did not show).
 */
export function rejectFunctionText(context: TransformationContext, node: ts.Expression, type: ts.Type): void {
  const parts = type.isUnion() ? type.types : [type];
  if (parts.some((part) => part.getCallSignatures().length > 0 || part.getConstructSignatures().length > 0)) {
    context.report(diagnostics.functionText(node));
  }
}

/** `node` converted as JS `String(x)` would, for concatenation. */
export function asString(context: TransformationContext, node: ts.Expression, expression: py.Expression): py.Expression {
  const type = context.classifiedTypeOf(node);
  rejectFunctionText(context, node, type);
  // An element read past the end, JSON.stringify's result: undefined whatever the type says.
  const text = maybeUndefinedAsText(node, expression, context);
  if (text) return text;
  if (isStringType(type)) return expression;
  if (isNullOnly(type)) return nullText(context, expression);
  if (isNumberType(type) && hasPythonText(isIntegerValued(node, context), node, context)) return py.call(py.name("str"), [expression]);
  return asNumberText(context, node, expression) ?? py.call(context.useHelper("js_str"), [expression]);
}

/**
 * An operand of a string `+` (or `+=`): JavaScript converts an object by its `valueOf()` first
 * (ToPrimitive with no hint), and only an object without one by `toString()`, so a class or
 * object literal declaring `valueOf` is concatenated as the text of that method's value.
 */
export function asConcatenated(context: TransformationContext, node: ts.Expression, expression: py.Expression): py.Expression {
  const type = context.classifiedTypeOf(node);
  if (hasPrimitiveValueOf(type, node, context)) {
    return py.call(context.useHelper("js_str"), [py.call(py.attribute(expression, "valueOf"), [])]);
  }
  // A union with such a class (`number | Money`), any, unknown, a type parameter: which one it
  // holds is known when it runs (js_prim).
  if (!maybeUndefinedAsText(node, expression, context) && mayHoldValueOf(type, node, context)) {
    return py.call(context.useHelper("js_str"), [py.call(context.useHelper("js_prim"), [expression])]);
  }
  return asString(context, node, expression);
}

/** A class or object literal type declaring a `valueOf` that returns a primitive. */
function hasPrimitiveValueOf(type: ts.Type, node: ts.Expression, context: TransformationContext): boolean {
  const valueOf = type.getProperty("valueOf");
  const declaration = valueOf?.valueDeclaration;
  return (
    valueOf !== undefined &&
    context.isDeclaredByUser(valueOf) &&
    declaration !== undefined &&
    (ts.isMethodDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) &&
    returnsPrimitive(context.checker.getTypeOfSymbolAtLocation(valueOf, node), context)
  );
}

/** Whether a value of the type may be an object whose valueOf gives a primitive. */
function mayHoldValueOf(type: ts.Type, node: ts.Expression, context: TransformationContext): boolean {
  const open = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.NonPrimitive;
  return (type.isUnion() ? type.types : [type]).some((part) => part.flags & open || hasPrimitiveValueOf(part, node, context));
}

/** Whether every call signature of a function type returns a number, string, boolean or bigint. */
function returnsPrimitive(type: ts.Type, context: TransformationContext): boolean {
  const signatures = type.getCallSignatures();
  const primitive = ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike;
  return (
    signatures.length > 0 &&
    signatures.every((signature) => {
      const returned = context.checker.getReturnTypeOfSignature(signature);
      return (returned.isUnion() ? returned.types : [returned]).every((part) => (part.flags & primitive) !== 0);
    })
  );
}

/**
 * A number that may not be an integer, formatted as JS does (`2.0` → "2", `1e21`,
 * "Infinity"): Python's own formatting differs for those.
 */
function asNumberText(context: TransformationContext, node: ts.Expression, expression: py.Expression): py.Expression | undefined {
  return isNumberType(context.classifiedTypeOf(node)) ? py.call(context.useHelper("num_str"), [expression]) : undefined;
}

/** `node` as an f-string part: `{n}` formats ints like JS; booleans and the rest need js_str. */
export function asFormattedValue(context: TransformationContext, node: ts.Expression, expression: py.Expression): py.Expression {
  const type = context.classifiedTypeOf(node);
  rejectFunctionText(context, node, type);
  const text = maybeUndefinedAsText(node, expression, context);
  if (text) return text;
  if (isStringType(type) || (isNumberType(type) && hasPythonText(isIntegerValued(node, context), node, context))) return expression;
  if (isNullOnly(type)) return nullText(context, expression);
  return asNumberText(context, node, expression) ?? py.call(context.useHelper("js_str"), [expression]);
}
