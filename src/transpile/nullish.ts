import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import * as py from "./python-ast.js";

/**
 * undefined is None and null is the `null` object of the runtime helpers (runtime/null.py).
 * A nullish test (`??`, `?.`, `== null`, a nullable object as a condition) asks only for the
 * ones the static type admits, so typed code keeps a single `is`.
 */
export interface NullishKinds {
  null: boolean;
  undefined: boolean;
}

const unknownFlags = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter | ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess;

/**
 * Which of null and undefined the value of `node` may be; any, unknown and type parameters may
 * be both. A type admitting neither may still be undefined at run time (a read past an array's
 * end), and so may an element read typed `T | null` (a record's missing key).
 */
export function nullishKinds(context: TransformationContext, node: ts.Expression): NullishKinds {
  const type = context.typeOf(node);
  const parts = type.isUnion() ? type.types : [type];
  const kinds = { null: false, undefined: false };
  for (const part of parts) {
    if (part.flags & unknownFlags) return { null: true, undefined: true };
    if (part.flags & ts.TypeFlags.Null) kinds.null = true;
    if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) kinds.undefined = true;
  }
  if (!kinds.null || ts.isElementAccessExpression(skipParentheses(node))) kinds.undefined = true;
  if (!kinds.null && isOptionalDataProperty(context, skipParentheses(node))) kinds.null = true;
  return kinds;
}

/**
 * `m.v` of an optional property an interface or a type literal declares (`interface Msg { v?:
 * number }`): such shapes describe data, above all what JSON.parse gave, where a missing value
 * is often written `null`. The type lies, but JavaScript's `m.v ?? d`, `m.v?.x` and `m.v != null`
 * still treat null as missing, so the test asks for both.
 */
function isOptionalDataProperty(context: TransformationContext, node: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(node)) return false;
  const symbol = context.checker.getSymbolAtLocation(node.name);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Optional)) return false;
  return (symbol.declarations ?? []).some((declaration) => ts.isPropertySignature(declaration));
}

/** The value `null`. */
export function nullValue(context: TransformationContext): py.Name {
  return context.useHelper("null");
}

/**
 * `value == null` (or, with `negated`, `value != null`) for a value of `type`. `value` is
 * evaluated once when only one test is needed; with two it must be a name or a walrus whose
 * target `reread` names (the second test reads it again).
 */
export function nullishTest(
  context: TransformationContext,
  node: ts.Expression,
  value: py.Expression,
  negated = false,
  reread: py.Expression = value,
): py.Expression {
  const kinds = nullishKinds(context, node);
  const op = negated ? "is not" : "is";
  const undefinedTest = py.compare(value, op, py.none());
  if (!kinds.null) return undefinedTest;
  if (!kinds.undefined) return py.compare(value, op, nullValue(context));
  return py.boolOp(undefinedTest, negated ? "and" : "or", py.compare(reread, op, nullValue(context)));
}

/** `nullishTest` of any expression: one read twice is first put in a temporary. */
export function nullishTestOnce(context: TransformationContext, node: ts.Expression, value: py.Expression, negated = false): py.Expression {
  const kinds = nullishKinds(context, node);
  if (!(kinds.null && kinds.undefined) || value.kind === "Name") return nullishTest(context, node, value, negated);
  const temporary = context.temporary("value");
  return nullishTest(context, node, py.namedExpr(temporary, value), negated, temporary);
}

/** A value Python may keep as a parameter's default: a literal, or `null` (one immutable object). */
export function isConstantValue(value: py.Expression): boolean {
  return value.kind === "Constant" || (value.kind === "Name" && value.id === "null");
}

function skipParentheses(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}
