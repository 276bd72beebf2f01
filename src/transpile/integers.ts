import { isTypedArrayName } from "./typed-array-names.js";
import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { isArrayType, isStringType, typeOf } from "./types.js";

/**
 * Whether a number-typed expression always holds an integer. JS has only doubles, but a
 * Python int prints as JS prints an integral number, so integers need no formatting helper:
 * `${count}` stays `f"{count}"` while `${ratio}` becomes `f"{num_str(ratio)}"`.
 */
export function isIntegerValued(node: ts.Expression, context: TransformationContext, visiting = new Set<ts.Symbol>()): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) {
    return isIntegerValued(node.expression, context, visiting);
  }
  if (ts.isNumericLiteral(node)) return Number.isInteger(Number(node.text));
  if (ts.isPrefixUnaryExpression(node)) {
    return (
      [ts.SyntaxKind.MinusToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.TildeToken].includes(node.operator) &&
      isIntegerValued(node.operand, context, visiting)
    );
  }
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    // `x % 0` is NaN: a remainder is an integer only by a divisor known not to be zero.
    if (kind === ts.SyntaxKind.PercentToken && !(ts.isNumericLiteral(node.right) && Number(node.right.text) !== 0)) return false;
    if (integerOperators.has(kind)) return isIntegerValued(node.left, context, visiting) && isIntegerValued(node.right, context, visiting);
    return false;
  }
  if (ts.isConditionalExpression(node))
    return isIntegerValued(node.whenTrue, context, visiting) && isIntegerValued(node.whenFalse, context, visiting);
  // An element of an integer typed array (Uint8Array…) is an int.
  if (ts.isElementAccessExpression(node)) return isIntegerTypedArray(typeOf(context, node.expression));
  if (ts.isPropertyAccessExpression(node)) {
    if (node.name.text === "length") {
      const receiver = typeOf(context, node.expression);
      return isArrayType(context, receiver) || isStringType(receiver) || isTypedArrayName(receiver.getSymbol()?.getName());
    }
    const value = context.checker.getConstantValue(node as ts.PropertyAccessExpression);
    return typeof value === "number" && Number.isInteger(value);
  }
  if (ts.isIdentifier(node)) return isIntegerVariable(node, context, visiting);
  return false;
}

// `/` and `**` can leave the integers; `%` of integers stays integral.
const integerOperators = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
]);

const integerAssignments = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
]);

/** A variable is integral when its initializer and every value later written to it are. */
function isIntegerVariable(node: ts.Identifier, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const symbol = context.symbolOf(node);
  const declaration = symbol?.valueDeclaration;
  if (declaration && ts.isVariableDeclaration(declaration) && isConstOf(declaration)) {
    // `for (const byte of bytes)` over an integer typed array: each element is an int.
    return isIntegerTypedArray(typeOf(context, declaration.parent.parent.expression));
  }
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  if (!context.program.isUserFile(declaration.getSourceFile())) return false;
  // A cycle (`x = x + 1`) decides nothing on its own: the other writes do.
  if (visiting.has(symbol)) return true;
  const file = declaration.getSourceFile();
  const known = decided.get(context.checker)?.get(symbol);
  if (known !== undefined) return known;
  const outermost = visiting.size === 0;
  visiting.add(symbol);
  try {
    const integral =
      isIntegerValued(declaration.initializer, context, visiting) &&
      writesTo(symbol, file, context).every((write) => {
        if (ts.isPrefixUnaryExpression(write) || ts.isPostfixUnaryExpression(write)) return true;
        return integerAssignments.has(write.operatorToken.kind) && isIntegerValued(write.right, context, visiting);
      });
    // Inside a cycle the answer leaned on an assumption about the outer variable; only the
    // outermost question is settled.
    if (outermost || !integral) {
      const table = decided.get(context.checker) ?? new Map<ts.Symbol, boolean>();
      table.set(symbol, integral);
      decided.set(context.checker, table);
    }
    return integral;
  } finally {
    visiting.delete(symbol);
  }
}

// Symbols belong to one checker: both caches are kept per checker.
const decided = new WeakMap<ts.TypeChecker, Map<ts.Symbol, boolean>>();

type Write = ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
const writesBySymbol = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Map<ts.Symbol, Write[]>>>();

function writesTo(symbol: ts.Symbol, file: ts.SourceFile, context: TransformationContext): Write[] {
  const files = writesBySymbol.get(context.checker) ?? new WeakMap<ts.SourceFile, Map<ts.Symbol, Write[]>>();
  writesBySymbol.set(context.checker, files);
  let index = files.get(file);
  if (!index) {
    const built = new Map<ts.Symbol, Write[]>();
    const record = (target: ts.Expression, write: Write) => {
      if (!ts.isIdentifier(target)) return;
      const written = context.symbolOf(target);
      if (written) built.set(written, [...(built.get(written) ?? []), write]);
    };
    const visit = (node: ts.Node): void => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      ) {
        record(node.left, node);
      } else if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      ) {
        record(node.operand, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    index = built;
    files.set(file, index);
  }
  return index.get(symbol) ?? [];
}

function isIntegerTypedArray(type: ts.Type): boolean {
  const name = type.getSymbol()?.getName();
  return isTypedArrayName(name) && !name.startsWith("Float");
}

function isConstOf(
  declaration: ts.VariableDeclaration,
): declaration is ts.VariableDeclaration & { parent: ts.VariableDeclarationList & { parent: ts.ForOfStatement } } {
  const list = declaration.parent;
  return (
    ts.isVariableDeclarationList(list) &&
    (list.flags & ts.NodeFlags.Const) !== 0 &&
    ts.isForOfStatement(list.parent) &&
    ts.isIdentifier(declaration.name)
  );
}
