import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { asCondition, negate } from "../conversions.js";
import * as py from "../python-ast.js";
import { isNumberType } from "../types.js";
import { skipParentheses } from "./transparent.js";

/**
 * `node` as a Python condition (if/while tests, `!x`, the test of `?:`): `&&`, `||` and `!`
 * are rebuilt from their operands' conditions, so each operand gets JS truthiness.
 */
export function conditionOf(node: ts.Expression, context: TransformationContext): py.Expression {
  const inner = skipParentheses(node);
  if (ts.isBinaryExpression(inner)) {
    const kind = inner.operatorToken.kind;
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken) {
      const left = conditionOf(inner.left, context);
      const right = context.collectPreceding(() => conditionOf(inner.right, context));
      if (right.preceding.every((statement) => statement.kind === "FunctionDef")) {
        context.addPrecedingStatements(...right.preceding);
        return py.boolOp(left, kind === ts.SyntaxKind.AmpersandAmpersandToken ? "and" : "or", right.result);
      }
      // The right side needs statements: they run only when the left side does not decide.
      const result = context.temporary("test");
      const decided = kind === ts.SyntaxKind.AmpersandAmpersandToken ? negate(result) : result;
      context.addPrecedingStatements(
        py.assign(result, left),
        py.ifStatement(negate(decided), [...right.preceding, py.assign(result, right.result)]),
      );
      return result;
    }
  }
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
    return negate(conditionOf(inner.operand, context));
  }
  const zeroTest = numberZeroTest(inner, context);
  if (zeroTest) return zeroTest;
  const expression = context.transformExpression(inner);
  return asCondition(context, inner, expression);
}

/**
 * `x !== 0` of a number, as a condition, is Python's own truthiness of `x` (`while b:`), and
 * `x === 0` is `not x`: both count NaN as non-zero and -0 as zero, as JS does. One comparison
 * less per test in a tight loop.
 */
function numberZeroTest(node: ts.Expression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isBinaryExpression(node)) return undefined;
  const kind = node.operatorToken.kind;
  const notEqual = kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
  const equal = kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken;
  if (!notEqual && !equal) return undefined;
  const operand = isZero(node.right) ? node.left : isZero(node.left) ? node.right : undefined;
  if (!operand || !isNumberType(context.classifiedTypeOf(operand))) return undefined;
  const value = context.transformExpression(operand);
  return notEqual ? value : py.unaryOp("not", value);
}

function isZero(node: ts.Expression): boolean {
  const inner = skipParentheses(node);
  return ts.isNumericLiteral(inner) && Number(inner.text) === 0;
}

/**
 * `c ? x : y` is `x if c else y`; when a branch needs statements of its own (`c ? o.n++ : 0`)
 * it becomes an if statement that assigns a temporary, so each branch's statements run only
 * when that branch is taken.
 */
export function transformConditionalExpression(node: ts.ConditionalExpression, context: TransformationContext): py.Expression {
  const test = conditionOf(node.condition, context);
  const whenTrue = context.collectPreceding(() => context.transformExpression(node.whenTrue));
  const whenFalse = context.collectPreceding(() => context.transformExpression(node.whenFalse));
  const needsStatements = [...whenTrue.preceding, ...whenFalse.preceding].some((statement) => statement.kind !== "FunctionDef");
  if (!needsStatements) {
    context.addPrecedingStatements(...whenTrue.preceding, ...whenFalse.preceding);
    return py.ifExp(test, whenTrue.result, whenFalse.result);
  }
  const result = context.temporary("value");
  context.addPrecedingStatements(
    py.ifStatement(
      test,
      [...whenTrue.preceding, py.assign(result, whenTrue.result)],
      [...whenFalse.preceding, py.assign(result, whenFalse.result)],
    ),
  );
  return result;
}

export function transformIfStatement(node: ts.IfStatement, context: TransformationContext): py.Statement[] {
  const test = conditionOf(node.expression, context);
  const body = context.transformBlock(node.thenStatement);
  const orelse = node.elseStatement ? context.transformBlock(node.elseStatement) : [];
  return [py.ifStatement(test, body, orelse)];
}
