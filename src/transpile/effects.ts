import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";

/**
 * Whether evaluating an expression may change what another value looks like: a call, `new`,
 * an assignment, `++`/`--`, `delete`, `await`, `yield`, a getter the program declared, or a
 * spread (which runs an iterator). Literals, names, field and element reads, operators and
 * function expressions (created, not run) change nothing. Conservative: anything else counts.
 */
export function mayHaveEffects(node: ts.Expression, context: TransformationContext): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) {
    return mayHaveEffects(node.expression, context);
  }
  if (ts.isTypeOfExpression(node)) return mayHaveEffects(node.expression, context);
  if (ts.isLiteralExpression(node) || ts.isIdentifier(node) || ts.isFunctionLike(node)) return false;
  switch (node.kind) {
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return false;
  }
  if (ts.isPropertyAccessExpression(node)) return isUserGetter(node, context) || mayHaveEffects(node.expression, context);
  if (ts.isElementAccessExpression(node))
    return mayHaveEffects(node.expression, context) || mayHaveEffects(node.argumentExpression, context);
  if (ts.isPrefixUnaryExpression(node)) {
    const changes = node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken;
    return changes || mayHaveEffects(node.operand, context);
  }
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    const assigns = operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
    return assigns || mayHaveEffects(node.left, context) || mayHaveEffects(node.right, context);
  }
  if (ts.isConditionalExpression(node)) {
    return [node.condition, node.whenTrue, node.whenFalse].some((part) => mayHaveEffects(part, context));
  }
  if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => mayHaveEffects(span.expression, context));
  if (ts.isArrayLiteralExpression(node))
    return node.elements.some((element) => ts.isSpreadElement(element) || mayHaveEffects(element, context));
  if (ts.isObjectLiteralExpression(node)) return node.properties.some((property) => propertyMayHaveEffects(property, context));
  return true;
}

/** An object literal's property: a spread or an accessor counts as an effect, a method (created) not. */
function propertyMayHaveEffects(property: ts.ObjectLiteralElementLike, context: TransformationContext): boolean {
  if (ts.isShorthandPropertyAssignment(property)) return false;
  if (ts.isPropertyAssignment(property)) return ts.isComputedPropertyName(property.name) || mayHaveEffects(property.initializer, context);
  return !ts.isMethodDeclaration(property) || ts.isComputedPropertyName(property.name);
}

/** A read that runs a getter of the program's, which may do anything. */
function isUserGetter(node: ts.PropertyAccessExpression, context: TransformationContext): boolean {
  const symbol = context.symbolOf(node.name);
  return symbol !== undefined && (symbol.flags & ts.SymbolFlags.GetAccessor) !== 0 && context.isDeclaredByUser(symbol);
}
