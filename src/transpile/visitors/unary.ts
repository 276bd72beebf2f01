import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import { bitwiseNot } from "../operators/bitwise.js";
import { asNumber } from "../operators/to-number.js";
import { elementAsNumber } from "../element-bounds.js";
import * as py from "../python-ast.js";
import { isAnyLike, isNumberType } from "../types.js";
import { isNegativeZeroLiteral } from "../integers.js";
import { evaluatedOnce } from "./assignment.js";
import {
  attributeByKey,
  dynamicElement,
  elementOrDefault,
  grownOnIndexError,
  probedPastEnd,
  recordElement,
  transformAssignmentTarget,
  storeTo,
  updateOf,
} from "./assignment-target.js";
import { conditionOf } from "./condition.js";
import { skipParentheses } from "./transparent.js";
import { isWithinExactRange, magnitudeOf } from "../magnitudes.js";
import { roundedToDouble } from "../operators/exact-integers.js";

type UpdateExpression = ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;

/** `x++` / `--x` as a statement: the value is not needed. `a[i]++` past a number array's end stores NaN. */
export function transformUpdateStatement(node: UpdateExpression, context: TransformationContext): py.Statement[] {
  return grownOnIndexError(node.operand, undefined, updateStatements(node, context), context);
}

function updateStatements(node: UpdateExpression, context: TransformationContext): py.Statement[] {
  const operand = skipParentheses(node.operand);
  const target = transformAssignmentTarget(operand, context, true, true);
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-";
  const rounded = mayPassExactRange(node, context);
  if (target.kind === "Name" && rounded) {
    return [py.assign(target, roundedToDouble(py.binOp(asNumber(operand, target, context), op, py.num(1)), context))];
  }
  if (!rounded && !attributeByKey(target) && !steppedElement(operand, target, context) && !isAnyLike(context.classifiedTypeOf(operand))) {
    return [py.augAssign(target, op, py.num(1))];
  }
  const { statements, readAndWrite } = evaluatedOnce(operand, target, context);
  return [...statements, stepOf(node, readAndWrite, context)];
}

/**
 * `target op= 1`. A record's element or an element of a value typed any is read as a number
 * (steppedElement), and a property or element that may hold ±2^53 (`this.n++` of a public
 * field, `a[i]--`) is rounded as JavaScript's double is; both are stored with `=`.
 */
function stepOf(node: UpdateExpression, target: py.Expression, context: TransformationContext): py.Statement {
  const operand = skipParentheses(node.operand);
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-";
  const stepped = steppedElement(operand, target, context);
  const rounded = mayPassExactRange(node, context);
  if (!stepped && !rounded && !isAnyLike(context.classifiedTypeOf(operand))) return updateOf(target, op, py.num(1));
  const value = py.binOp(stepped ? stepped.current : asNumber(operand, target, context), op, py.num(1));
  return storeTo(stepped ? stepped.element : target, rounded ? roundedToDouble(value, context) : value);
}

/**
 * An element whose current value an update reads as JavaScript does: a record's missing key is
 * undefined (`t[k]++` steps to NaN, where Python's `t[k] += 1` raises KeyError), and an element
 * of a value typed any is read by js_get and converted as Number() does (undefined is NaN).
 */
function steppedElement(
  operand: ts.Expression,
  target: py.Expression,
  context: TransformationContext,
): { element: py.Subscript; current: py.Expression } | undefined {
  const record = recordElement(operand, target, context);
  if (record) return { element: record, current: elementOrDefault(record, context.useHelper("js_nan")) };
  const dynamic = dynamicElement(operand, target, context);
  if (!dynamic) return undefined;
  const read = py.call(context.useHelper("js_get"), [dynamic.value, dynamic.index]);
  return { element: dynamic, current: py.call(context.useHelper("to_num"), [read]) };
}

/**
 * A variable, property or element that may hold ±2^53 or more (`let x = 2 ** 53; x++`):
 * JavaScript's step is rounded (x stays 2^53). One with a bound (magnitudes.ts, counters included) steps natively.
 */
function mayPassExactRange(node: UpdateExpression, context: TransformationContext): boolean {
  const operand = skipParentheses(node.operand);
  const stepsNumber = ts.isIdentifier(operand) || ts.isPropertyAccessExpression(operand) || ts.isElementAccessExpression(operand);
  return stepsNumber && !isWithinExactRange(magnitudeOf(operand, context));
}

export function transformPrefixUnary(node: ts.PrefixUnaryExpression, context: TransformationContext): py.Expression {
  switch (node.operator) {
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken: {
      // `++i` as a value is `(i := i + 1)`: evaluated in place, so `++i + ++i` keeps JS order.
      const walrus = updateInPlace(node, context);
      if (walrus) return walrus;
      const once = updateOnce(node, context);
      if (once) {
        context.addPrecedingStatements(...probedPastEnd(node.operand, [...once.statements, once.update], context));
        return once.target;
      }
      context.addPrecedingStatements(...transformUpdateStatement(node, context));
      return context.transformExpression(node.operand);
    }
    case ts.SyntaxKind.ExclamationToken: {
      // `!!x` is a boolean in JS; the condition `x` alone would keep x's value.
      const condition = conditionOf(node, context);
      return isBooleanValued(condition) ? condition : py.call(py.name("bool"), [condition]);
    }
    case ts.SyntaxKind.MinusToken: {
      // A Python int has no negative zero: `-0` is the float `-0.0` (Object.is, 1 / -0, console.log).
      if (isNegativeZeroLiteral(node)) return py.num("-0.0");
      let operand = context.transformExpression(node.operand);
      // `-"5"` and `-anyValue` convert as Number() does first; Python's `-` takes numbers only.
      if (!isNumberType(context.classifiedTypeOf(node.operand))) operand = py.call(context.useHelper("to_num"), [operand]);
      else operand = elementAsNumber(node.operand, operand, context);
      if (operand.kind === "Constant" && typeof operand.value === "object" && operand.value !== null) {
        return py.num(`-${operand.value.number}`);
      }
      return py.unaryOp("-", operand);
    }
    case ts.SyntaxKind.TildeToken:
      return bitwiseNot(asNumber(node.operand, context.transformExpression(node.operand), context), context);
    case ts.SyntaxKind.PlusToken:
      if (isNumberType(context.classifiedTypeOf(node.operand)))
        return elementAsNumber(node.operand, context.transformExpression(node.operand), context);
      return py.call(context.useHelper("to_num"), [context.transformExpression(node.operand)]);
  }
  context.report(diagnostics.unsupportedOperator(node, ts.tokenToString(node.operator) ?? "?"));
  return py.none();
}

/** `(i := i + 1)` for an update of a plain variable; undefined for properties and elements. */
function updateInPlace(node: UpdateExpression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isIdentifier(node.operand)) return undefined;
  const target = transformAssignmentTarget(skipParentheses(node.operand), context);
  if (target.kind !== "Name") return undefined;
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-";
  const stepped = py.binOp(asNumber(node.operand, target, context), op, py.num(1));
  return py.namedExpr(target, mayPassExactRange(node, context) ? roundedToDouble(stepped, context) : stepped);
}

/** `o[f()]++` as a value: the receiver and index evaluated once, into temporaries. */
function updateOnce(
  node: UpdateExpression,
  context: TransformationContext,
): { statements: py.Statement[]; target: py.Expression; update: py.Statement } | undefined {
  if (ts.isIdentifier(node.operand)) return undefined;
  const operand = skipParentheses(node.operand);
  const target = transformAssignmentTarget(operand, context, true, true);
  const { statements, readAndWrite, read } = evaluatedOnce(operand, target, context);
  const stepped = steppedElement(operand, readAndWrite, context);
  if (!read && !stepped) return undefined;
  // `t[k]++` as a value is the old value as a number: NaN for a missing key.
  const postfix = node.kind === ts.SyntaxKind.PostfixUnaryExpression;
  const old = stepped && postfix ? stepped.current : postfix ? asNumber(operand, readAndWrite, context) : readAndWrite;
  return { statements, target: old, update: stepOf(node, readAndWrite, context) };
}

/** `x++` whose value is used: `(i := i + 1) - 1`, or the old value kept in a temporary first. */
export function transformPostfixUnary(node: ts.PostfixUnaryExpression, context: TransformationContext): py.Expression {
  // A rounded step cannot be undone by stepping back: the old value is kept instead.
  const walrus = mayPassExactRange(node, context) ? undefined : updateInPlace(node, context);
  if (walrus) return py.binOp(walrus, node.operator === ts.SyntaxKind.PlusPlusToken ? "-" : "+", py.num(1));
  const old = context.temporary(ts.isIdentifier(node.operand) ? node.operand.text : "old");
  const once = updateOnce(node, context);
  // An element past a number array's end is grown with NaN before it is read (probedPastEnd).
  if (once) {
    context.addPrecedingStatements(...probedPastEnd(node.operand, [...once.statements, py.assign(old, once.target), once.update], context));
    return old;
  }
  const current = asNumber(node.operand, context.transformExpression(node.operand), context);
  context.addPrecedingStatements(...probedPastEnd(node.operand, [py.assign(old, current), ...updateStatements(node, context)], context));
  return old;
}

function isBooleanValued(expression: py.Expression): boolean {
  switch (expression.kind) {
    case "UnaryOp":
      return expression.op === "not";
    case "Compare":
      return true;
    case "Constant":
      return typeof expression.value === "boolean";
    case "BoolOp":
      return isBooleanValued(expression.left) && isBooleanValued(expression.right);
    case "Call":
      return expression.func.kind === "Name" && ["bool", "isinstance", "js_truthy"].includes(expression.func.id);
    default:
      return false;
  }
}
