import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import * as py from "./python-ast.js";
import { writesTo } from "./integers.js";

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
  if (!kinds.null && (isOptionalDataProperty(context, skipParentheses(node)) || holdsDataNull(context, skipParentheses(node)))) {
    kinds.null = true;
  }
  return kinds;
}

/** How far a value is followed through variables and fields. */
const followLimit = 4;

/**
 * `let x: number | undefined = m.v`, `this.v = m.v`: a variable or a `this` field declared
 * without null, one of whose values in its module is a data value that may be null — an optional
 * data property (below), a value typed any (`JSON.parse(text)`), or another such variable.
 */
function holdsDataNull(context: TransformationContext, node: ts.Expression, depth = 0): boolean {
  if (depth > followLimit) return false;
  const name = ts.isIdentifier(node)
    ? node
    : ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword
      ? node.name
      : undefined;
  const symbol = name && context.symbolOf(name);
  if (!symbol) return false;
  const values: ts.Expression[] = [];
  for (const declaration of symbol.declarations ?? []) {
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
      values.push(declaration.initializer);
    }
  }
  if (values.length === 0 && !(symbol.declarations ?? []).some((d) => ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d))) {
    return false;
  }
  for (const write of writesTo(symbol, node.getSourceFile(), context)) {
    if (ts.isBinaryExpression(write) && write.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(write.right);
  }
  return values.some((value) => {
    const written = skipParentheses(value);
    if (isOptionalDataProperty(context, written)) return true;
    if (context.typeOf(written).flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    return holdsDataNull(context, written, depth + 1);
  });
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
  if (!symbol) return false;
  // `v?: number`, or `v: number | undefined`, declared by an interface or a type literal.
  const declarations = (symbol.declarations ?? []).filter((declaration) => ts.isPropertySignature(declaration));
  if (declarations.length === 0) return false;
  if (symbol.flags & ts.SymbolFlags.Optional) return true;
  const type = context.checker.getTypeOfSymbol(symbol);
  return (type.isUnion() ? type.types : [type]).some((part) => part.flags & ts.TypeFlags.Undefined);
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
