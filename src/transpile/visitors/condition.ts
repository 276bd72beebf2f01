import { ts } from "ts-morph";
import type { TransformationContext } from "../context.js";
import { asCondition, negate } from "../conversions.js";
import * as py from "../python-ast.js";
import { skipParentheses } from "./statements.js";

/**
 * `node` as a Python condition (if/while tests, `!x`, the test of `?:`): `&&`, `||` and `!`
 * are rebuilt from their operands' conditions, so each operand gets JS truthiness.
 */
export function conditionOf(node: ts.Expression, context: TransformationContext, conditional = false): py.Expression {
  const inner = skipParentheses(node);
  if (ts.isBinaryExpression(inner)) {
    const kind = inner.operatorToken.kind;
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken) {
      return py.boolOp(
        conditionOf(inner.left, context, conditional),
        kind === ts.SyntaxKind.AmpersandAmpersandToken ? "and" : "or",
        conditionOf(inner.right, context, true),
      );
    }
  }
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
    return negate(conditionOf(inner.operand, context, conditional));
  }
  const expression = conditional ? context.transformConditionalExpression(inner) : context.transformExpression(inner);
  return asCondition(context, inner, expression);
}

export function transformConditionalExpression(node: ts.ConditionalExpression, context: TransformationContext): py.Expression {
  return py.ifExp(
    conditionOf(node.condition, context),
    context.transformConditionalExpression(node.whenTrue),
    context.transformConditionalExpression(node.whenFalse),
  );
}

export function transformIfStatement(node: ts.IfStatement, context: TransformationContext): py.Statement[] {
  const test = conditionOf(node.expression, context);
  const body = context.transformBlock(node.thenStatement);
  const orelse = node.elseStatement ? context.transformBlock(node.elseStatement) : [];
  return [py.ifStatement(test, body, orelse)];
}
