import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { asConcatenated, asCondition, mayBeNaN, negate } from "../conversions.js";
import { asNumber } from "../operators/to-number.js";
import { elementAsNumber } from "../element-bounds.js";
import * as diagnostics from "../diagnostics.js";
import { bitwise, bitwiseOperators } from "../operators/bitwise.js";
import { remainder } from "../operators/numeric.js";
import { exactArithmetic } from "../operators/exact-integers.js";
import { isLibrarySymbol } from "../builtins/library.js";
import { power } from "../builtins/math.js";
import * as py from "../python-ast.js";
import { nullishTest, nullishTestOnce } from "../nullish.js";
import {
  comparesByIdentity,
  needsLooseEquality,
  needsStrictEquality,
  isArrayType,
  isBooleanType,
  isFacadeDict,
  isNullishType,
  isNumberType,
  isRecordType,
  isStringType,
  truthinessOf,
  typeOf,
} from "../types.js";
import { recordKey } from "../builtins/arguments.js";
import { isAssignmentOperator, transformAssignmentExpression } from "./assignment.js";
import { conditionOf } from "./condition.js";
import { hasInstanceTest } from "./has-instance.js";

const arithmetic: Partial<Record<ts.SyntaxKind, py.BinaryOperator>> = {
  [ts.SyntaxKind.MinusToken]: "-",
  [ts.SyntaxKind.AsteriskToken]: "*",
  [ts.SyntaxKind.AsteriskAsteriskToken]: "**",
  [ts.SyntaxKind.AmpersandToken]: "&",
  [ts.SyntaxKind.BarToken]: "|",
  [ts.SyntaxKind.CaretToken]: "^",
  [ts.SyntaxKind.LessThanLessThanToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: ">>",
};

const ordering: Partial<Record<ts.SyntaxKind, py.CompareOperator>> = {
  [ts.SyntaxKind.LessThanToken]: "<",
  [ts.SyntaxKind.LessThanEqualsToken]: "<=",
  [ts.SyntaxKind.GreaterThanToken]: ">",
  [ts.SyntaxKind.GreaterThanEqualsToken]: ">=",
};

const equality: Partial<Record<ts.SyntaxKind, boolean>> = {
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: true,
  [ts.SyntaxKind.EqualsEqualsToken]: true,
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: false,
  [ts.SyntaxKind.ExclamationEqualsToken]: false,
};

export function transformBinaryExpression(node: ts.BinaryExpression, context: TransformationContext): py.Expression {
  const kind = node.operatorToken.kind;
  if (isAssignmentOperator(kind)) return transformAssignmentExpression(node, context);
  if (kind === ts.SyntaxKind.CommaToken) {
    context.addPrecedingStatements(py.expressionStatement(context.transformExpression(node.left)));
    return context.transformExpression(node.right);
  }
  if (
    kind === ts.SyntaxKind.AmpersandAmpersandToken ||
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken
  ) {
    return transformLogical(node, context);
  }
  if (bitwiseOperators.has(kind)) {
    const [left, right] = context.transformInOrder([node.left, node.right]);
    return bitwise(kind, node.left, node.right, left!, right!, context);
  }
  if (kind === ts.SyntaxKind.InKeyword) return transformIn(node, context);
  if (kind === ts.SyntaxKind.PlusToken) return transformPlus(node, context);
  const equal = equality[kind];
  if (equal !== undefined) {
    const loose =
      node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken;
    return transformEquality(node, equal, loose, context);
  }
  const arithmeticOperator = arithmetic[kind];
  const order = ordering[kind];
  const isOperator =
    arithmeticOperator ||
    order ||
    kind === ts.SyntaxKind.SlashToken ||
    kind === ts.SyntaxKind.PercentToken ||
    kind === ts.SyntaxKind.InstanceOfKeyword;
  if (!isOperator) {
    context.report(diagnostics.unsupportedOperator(node.operatorToken, node.operatorToken.getText()));
    return py.none();
  }
  // Every value but undefined, null and the primitives is an object.
  if (kind === ts.SyntaxKind.InstanceOfKeyword && isGlobalName(node.right, "Object", context)) {
    return py.call(context.useHelper("js_is_object"), [context.transformExpression(node.left)]);
  }
  // `instanceof Array` asks for a list (`Array` alone is new_array, a function); a primitive is
  // never an instance of String, Number or Boolean, whose wrapper objects tsmp does not make.
  if (kind === ts.SyntaxKind.InstanceOfKeyword && isGlobalName(node.right, "Array", context)) {
    return py.call(py.name("isinstance"), [context.transformExpression(node.left), py.name("list")]);
  }
  if (kind === ts.SyntaxKind.InstanceOfKeyword && ["String", "Number", "Boolean"].some((name) => isGlobalName(node.right, name, context))) {
    const operand = context.transformExpression(node.left);
    if (operand.kind !== "Name" && operand.kind !== "Constant") context.addPrecedingStatements(py.expressionStatement(operand));
    return py.bool(false);
  }
  // `instanceof RangeError` also takes the ValueError MicroPython's own code raises where
  // JavaScript throws a RangeError (struct reading past a buffer's end for a plain DataView).
  // The one difference: a module's own ValueError (machine.Pin(99)) is a RangeError here too.
  if (kind === ts.SyntaxKind.InstanceOfKeyword && isGlobalName(node.right, "RangeError", context)) {
    return py.call(py.name("isinstance"), [context.transformExpression(node.left), py.name("ValueError")]);
  }
  let [left, right] = context.transformInOrder([node.left, node.right]) as [py.Expression, py.Expression];
  if (arithmeticOperator || kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.PercentToken) {
    left = asNumber(node.left, left, context);
    right = asNumber(node.right, right, context);
  }
  if (arithmeticOperator === "**") return exactArithmetic(kind, node.left, node.right, power(node.right, left, right, context), context);
  if (arithmeticOperator) return exactArithmetic(kind, node.left, node.right, py.binOp(left, arithmeticOperator, right), context);
  if (order) return ordered(context, node, left, order, right);
  if (kind === ts.SyntaxKind.SlashToken) return py.call(context.useHelper("js_div"), [left, right]);
  if (kind === ts.SyntaxKind.PercentToken) {
    return remainder(node.left, node.right, left, right, context);
  }
  return hasInstanceTest(node, left, right, context) ?? py.call(py.name("isinstance"), [left, right]);
}

/** Whether `node` names the library's global `name`, not a program's own binding of that name. */
function isGlobalName(node: ts.Expression, name: string, context: TransformationContext): boolean {
  if (!ts.isIdentifier(node) || node.text !== name) return false;
  const symbol = context.checker.getSymbolAtLocation(node);
  return symbol !== undefined && isLibrarySymbol(symbol, context);
}

/**
 * `key in o` asks for a property. Python's `in` means that only for a dict with string keys
 * (a record); on a list it looks for an element, and an object needs js_in.
 */
function transformIn(node: ts.BinaryExpression, context: TransformationContext): py.Expression {
  const [key, object] = context.transformInOrder([node.left, node.right]) as [py.Expression, py.Expression];
  const rightType = typeOf(context, node.right);
  if (isStringType(typeOf(context, node.left)) && isRecordType(context, rightType)) {
    return recordHas(node.left, key, object, context);
  }
  // `3 in table`: a record's number key is its text, as `table[3]` stores it.
  if (isNumberType(typeOf(context, node.left)) && isRecordType(context, rightType) && !isFacadeDict(context, rightType)) {
    return py.compare(recordKey(node.left, key, context), "in", object);
  }
  // `"push" in list`: an array inherits its methods, which a Python list does not name.
  const texts = possibleTexts(typeOf(context, node.left));
  if (texts !== undefined && isArrayType(context, rightType) && texts.every((text) => isInheritedByArrays(rightType, text, context))) {
    const evaluated = [key, object].filter((part) => part.kind !== "Name" && part.kind !== "Constant");
    return evaluated.length === 0 ? py.bool(true) : py.subscript(py.tuple([...evaluated, py.bool(true)]), py.num(evaluated.length));
  }
  return py.call(context.useHelper("js_in"), [key, object]);
}

/** Whether every array has `name`: a method of Array.prototype (or Object.prototype), or `length`. */
function isInheritedByArrays(type: ts.Type, name: string, context: TransformationContext): boolean {
  if (objectPrototypeNames.has(name)) return true;
  const property = type.getProperty(name);
  return property !== undefined && isLibrarySymbol(property, context) && !(property.flags & ts.SymbolFlags.Optional);
}

/**
 * The names every object inherits from Object.prototype, which `in` finds on a record too
 * (`"toString" in {}` is true) while Object.hasOwn does not.
 */
const objectPrototypeNames = new Set([
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/**
 * `key in record`: the dict's own keys, and the names it inherits. A key whose type lists its
 * possible texts is decided here; another key also looks in obj_proto_keys, only when the
 * record does not hold it.
 */
function recordHas(keyNode: ts.Expression, key: py.Expression, record: py.Expression, context: TransformationContext): py.Expression {
  const own = py.compare(key, "in", record);
  const texts = possibleTexts(typeOf(context, keyNode));
  if (texts !== undefined && !texts.some((text) => objectPrototypeNames.has(text))) return own;
  // The record is still evaluated, for what it may do.
  if (texts !== undefined && texts.every((text) => objectPrototypeNames.has(text))) return py.boolOp(own, "or", py.bool(true));
  const inherited = (name: py.Expression) => py.compare(name, "in", context.useHelper("obj_proto_keys"));
  if (key.kind === "Name" || key.kind === "Constant") return py.boolOp(own, "or", inherited(key));
  const once = context.temporary("key");
  return py.boolOp(py.compare(py.namedExpr(once, key), "in", record), "or", inherited(once));
}

/** The texts a string type can hold, when it is a literal or a union of literals. */
function possibleTexts(type: ts.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const texts: string[] = [];
  for (const part of parts) {
    if (!part.isStringLiteral()) return undefined;
    texts.push(part.value);
  }
  return texts;
}

/**
 * `<`, `<=`, `>`, `>=`: native when both sides are strings or both numbers (booleans, integers);
 * otherwise JavaScript picks string or numeric comparison by the runtime values (js_compare),
 * where Python would raise on `"10" < 9`.
 */
function ordered(
  context: TransformationContext,
  node: ts.BinaryExpression,
  left: py.Expression,
  order: py.CompareOperator,
  right: py.Expression,
) {
  const leftType = context.classifiedTypeOf(node.left);
  const rightType = context.classifiedTypeOf(node.right);
  const numeric = (type: ts.Type) => isNumberType(type) || isBooleanType(type);
  if (isStringType(leftType) && isStringType(rightType)) return py.compare(left, order, right);
  // An element past the end is undefined, which compares as NaN: false, where Python's None raises.
  if (numeric(leftType) && numeric(rightType))
    return py.compare(elementAsNumber(node.left, left, context), order, elementAsNumber(node.right, right, context));
  return py.call(context.useHelper("js_compare"), [left, py.str(order), right]);
}

/** `+` concatenates when either side is a string (converting the other as JS does). */
function transformPlus(node: ts.BinaryExpression, context: TransformationContext): py.Expression {
  const leftType = context.classifiedTypeOf(node.left);
  const rightType = context.classifiedTypeOf(node.right);
  const [left, right] = context.transformInOrder([node.left, node.right]) as [py.Expression, py.Expression];
  if (isStringType(leftType) || isStringType(rightType)) {
    return py.binOp(asConcatenated(context, node.left, left), "+", asConcatenated(context, node.right, right));
  }
  if (isNumberType(leftType) && isNumberType(rightType)) {
    const sum = py.binOp(asNumber(node.left, left, context), "+", asNumber(node.right, right, context));
    return exactArithmetic(ts.SyntaxKind.PlusToken, node.left, node.right, sum, context);
  }
  return py.call(context.useHelper("js_add"), [left, right]);
}

/** `null`, `undefined`, or a variable whose type is only null and undefined (`const n = null`). */
function isNullLiteral(context: TransformationContext, node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (node.kind === ts.SyntaxKind.NullKeyword) return true;
  return ts.isIdentifier(node) && (node.text === "undefined" || isNullishType(context.classifiedTypeOf(node)));
}

function transformEquality(node: ts.BinaryExpression, equal: boolean, loose: boolean, context: TransformationContext): py.Expression {
  const [left, right] = context.transformInOrder([node.left, node.right]) as [py.Expression, py.Expression];
  // `x === null` is `x is null`, `x === undefined` is `x is None`; `x == null` takes both.
  const nullOnLeft = isNullLiteral(context, node.left);
  if (nullOnLeft || isNullLiteral(context, node.right)) {
    const [other, otherNode, nullish] = nullOnLeft ? [right, node.right, left] : [left, node.left, right];
    if (!loose) return py.compare(other, equal ? "is" : "is not", nullish);
    return nullishTestOnce(context, otherNode, other, !equal);
  }
  const leftType = typeOf(context, node.left);
  const rightType = typeOf(context, node.right);
  if (comparesByIdentity(leftType, rightType) && !isNullishType(leftType) && !isNullishType(rightType)) {
    return py.compare(left, equal ? "is" : "is not", right);
  }
  if (loose && needsLooseEquality(leftType, rightType)) {
    const same = py.call(context.useHelper("js_loose_eq"), [left, right]);
    return equal ? same : py.unaryOp("not", same);
  }
  if (!loose && needsStrictEquality(leftType, rightType)) {
    const same = py.call(context.useHelper("js_eq"), [left, right]);
    return equal ? same : py.unaryOp("not", same);
  }
  return py.compare(left, equal ? "==" : "!=", right);
}

/**
 * `a && b`, `a || b`, `a ?? b` return one of their operands. Python's `and`/`or` do the same
 * with Python truthiness, which agrees with JS for numbers, strings and booleans; otherwise the
 * test is spelled out.
 */
function transformLogical(node: ts.BinaryExpression, context: TransformationContext): py.Expression {
  const kind = node.operatorToken.kind;
  if (kind !== ts.SyntaxKind.QuestionQuestionToken && isBooleanContext(node)) return conditionOf(node, context);
  const leftType = typeOf(context, node.left);
  const { result: right, preceding } = context.collectPreceding(() => context.transformExpression(node.right));
  if (preceding.some((statement) => statement.kind !== "FunctionDef")) {
    // The right side needs statements: `t = a`, then `if <a decides not>: …; t = b`.
    const result = context.temporary("value");
    context.addPrecedingStatements(py.assign(result, context.transformExpression(node.left)));
    const test =
      kind === ts.SyntaxKind.QuestionQuestionToken
        ? nullishTest(context, node.left, result)
        : kind === ts.SyntaxKind.AmpersandAmpersandToken
          ? asCondition(context, node.left, result)
          : negate(asCondition(context, node.left, result));
    context.addPrecedingStatements(py.ifStatement(test, [...preceding, py.assign(result, right)]));
    return result;
  }
  context.addPrecedingStatements(...preceding);
  // `x || d` with a number x that may be NaN picks d in JS; Python's `or` keeps NaN (truthy there).
  if (kind !== ts.SyntaxKind.QuestionQuestionToken && truthinessOf(leftType) === "native" && !mayBeNaN(context, node.left, leftType)) {
    return py.boolOp(context.transformExpression(node.left), kind === ts.SyntaxKind.AmpersandAmpersandToken ? "and" : "or", right);
  }
  const left = context.transformExpression(node.left);
  const value = isSimple(left) ? left : py.namedExpr(context.temporary(), left);
  const reread = value.kind === "NamedExpr" ? value.target : left;
  const test =
    kind === ts.SyntaxKind.QuestionQuestionToken
      ? nullishTest(context, node.left, value, true, reread)
      : asCondition(context, node.left, value);
  // Python evaluates the test of `x if test else y` first, so a temporary assigned there is ready.
  return kind === ts.SyntaxKind.AmpersandAmpersandToken ? py.ifExp(test, right, reread) : py.ifExp(test, reread, right);
}

/** Whether the value of `node` is only ever used as a condition. */
function isBooleanContext(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || (ts.isBinaryExpression(parent) && isLogical(parent.operatorToken.kind))) {
    child = parent;
    parent = parent.parent;
  }
  return (
    (ts.isIfStatement(parent) && parent.expression === child) ||
    (ts.isWhileStatement(parent) && parent.expression === child) ||
    (ts.isDoStatement(parent) && parent.expression === child) ||
    (ts.isForStatement(parent) && parent.condition === child) ||
    (ts.isConditionalExpression(parent) && parent.condition === child) ||
    (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken)
  );
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken;
}

function isSimple(expression: py.Expression): boolean {
  if (expression.kind === "Name" || expression.kind === "Constant") return true;
  return expression.kind === "Attribute" && isSimple(expression.value);
}
