import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { asCondition, asString, negate } from "../conversions.js";
import * as diagnostics from "../diagnostics.js";
import { currentValueOf } from "../builtins/arguments.js";
import { bitwise, bitwiseAssignments } from "../operators/bitwise.js";
import { isNativeRemainder, remainder } from "../operators/numeric.js";
import * as py from "../python-ast.js";
import { destructure } from "./destructuring.js";
import { power } from "../builtins/math.js";
import { isArrayType, isNumberType, isStringType, typeOf } from "../types.js";

const compoundOperators: Partial<Record<ts.SyntaxKind, py.BinaryOperator>> = {
  [ts.SyntaxKind.PlusEqualsToken]: "+",
  [ts.SyntaxKind.MinusEqualsToken]: "-",
  [ts.SyntaxKind.AsteriskEqualsToken]: "*",
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: "**",
  [ts.SyntaxKind.SlashEqualsToken]: "/",
  [ts.SyntaxKind.PercentEqualsToken]: "%",
  [ts.SyntaxKind.AmpersandEqualsToken]: "&",
  [ts.SyntaxKind.BarEqualsToken]: "|",
  [ts.SyntaxKind.CaretEqualsToken]: "^",
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ">>",
};

const logicalAssignments = new Set([
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind in compoundOperators || logicalAssignments.has(kind) ||
    kind === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken;
}

/** The Python target for an assignment's left side (a name, attribute or subscript). */
export function transformAssignmentTarget(node: ts.Expression, context: TransformationContext): py.Expression {
  if (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === "length" &&
    isArrayType(context, typeOf(context, node.expression))
  ) {
    context.report(diagnostics.arrayLengthAssignment(node));
    return py.name("_");
  }
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) {
    context.report(diagnostics.unsupportedAssignmentTarget(node));
    return py.name("_");
  }
  const target = context.transformExpression(node);
  if (target.kind !== "Name" && target.kind !== "Attribute" && target.kind !== "Subscript") {
    context.report(diagnostics.unsupportedAssignmentTarget(node));
    return py.name("_");
  }
  return target;
}

/** An assignment used as a statement: `x = 1`, `x += s`, `x ||= y`. */
export function transformAssignmentStatement(node: ts.BinaryExpression, context: TransformationContext): py.Statement[] {
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.EqualsToken && (ts.isArrayLiteralExpression(node.left) || ts.isObjectLiteralExpression(node.left))) {
    return destructure(node.left, context.transformExpression(node.right), node.right, context);
  }
  const target = transformAssignmentTarget(node.left, context);
  if (operator === ts.SyntaxKind.EqualsToken) {
    // `a = b = 1` chains the same way in Python.
    const targets = [target];
    let value = node.right;
    while (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      targets.push(transformAssignmentTarget(value.left, context));
      value = value.right;
    }
    return [{ kind: "Assign", targets, value: context.transformExpression(value) }];
  }
  if (logicalAssignments.has(operator)) {
    const current = currentValueOf(node.left, context);
    // Statements the value needs run only when the assignment happens.
    const { result: value, preceding } = context.collectPreceding(() => context.transformExpression(node.right));
    let test: py.Expression;
    if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken) test = py.compare(current, "is", py.none());
    else if (operator === ts.SyntaxKind.BarBarEqualsToken) test = negate(asCondition(context, node.left, current));
    else test = asCondition(context, node.left, current);
    return [py.ifStatement(test, [...preceding, py.assign(target, value)])];
  }
  const bitwiseKind = bitwiseAssignments.get(operator);
  if (bitwiseKind !== undefined) {
    return [py.assign(target, bitwise(bitwiseKind, node.left, node.right, context.transformExpression(node.left), context.transformExpression(node.right), context))];
  }
  const op = compoundOperators[operator];
  if (!op) {
    context.report(diagnostics.unsupportedOperator(node.operatorToken, node.operatorToken.getText()));
    return [];
  }
  const right = context.transformExpression(node.right);
  const leftType = typeOf(context, node.left);
  if (op === "+" && isStringType(leftType)) return [py.augAssign(target, "+", asString(context, node.right, right))];
  if (op === "+" && !isNumberType(leftType)) {
    return [py.assign(target, py.call(context.useHelper("js_add"), [context.transformExpression(node.left), right]))];
  }
  if (op === "**") return [py.assign(target, power(node.right, context.transformExpression(node.left), right, context))];
  if (op === "/") return [py.assign(target, py.call(context.useHelper("js_div"), [context.transformExpression(node.left), right]))];
  if (op === "%" && isNativeRemainder(node.left, node.right, context)) return [py.augAssign(target, "%", right)];
  if (op === "%") return [py.assign(target, remainder(node.left, node.right, context.transformExpression(node.left), right, context))];
  return [py.augAssign(target, op, right)];
}

/** An assignment whose value is used: the assignment runs first, then the target is read. */
export function transformAssignmentExpression(node: ts.BinaryExpression, context: TransformationContext): py.Expression {
  // `a = v` as a value, for a plain variable, is `(a := v)`: evaluated where it stands.
  if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
    const target = transformAssignmentTarget(node.left, context);
    if (target.kind === "Name") return py.namedExpr(target, context.transformExpression(node.right));
  }
  const statements = transformAssignmentStatement(node, context);
  context.addPrecedingStatements(...statements);
  return context.transformExpression(node.left);
}
