import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { writesTo } from "./integers.js";

/**
 * How many low bits a number can have set, when it is provably a non-negative integer below
 * 2^31: a byte read from a Uint8Array has 8, `x & 0xffff` has 16, `crc ^ (byte << 8)` the
 * larger of its operands'. Bitwise operators on such values give what Python's give, with no
 * ToInt32 wrap: `crc ^ byte << 8` instead of `to_int32(crc ^ byte << 8)`. Undefined when the
 * value may be negative, fractional or wider.
 */
export function bitWidth(node: ts.Expression, context: TransformationContext, assumed = new Map<ts.Symbol, number>()): number | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) return bitWidth(node.expression, context, assumed);
  if (ts.isNumericLiteral(node)) {
    const value = Number(node.text);
    return Number.isInteger(value) && value >= 0 && value <= 0x7fffffff ? widthOf(value) : undefined;
  }
  if (ts.isConditionalExpression(node)) return wider(bitWidth(node.whenTrue, context, assumed), bitWidth(node.whenFalse, context, assumed));
  if (ts.isElementAccessExpression(node)) return elementWidth(context.typeOf(node.expression));
  if (ts.isIdentifier(node)) return variableWidth(node, context, assumed);
  if (!ts.isBinaryExpression(node)) return undefined;
  const left = () => bitWidth(node.left, context, assumed);
  const right = () => bitWidth(node.right, context, assumed);
  const count = ts.isNumericLiteral(node.right) ? Number(node.right.text) : undefined;
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.AmpersandToken: {
      // ToInt32(a) & m, for m ≥ 0, lies in [0, m] whatever a is.
      const [l, r] = [left(), right()];
      return l === undefined ? r : r === undefined ? l : Math.min(l, r);
    }
    case ts.SyntaxKind.BarToken:
    case ts.SyntaxKind.CaretToken: {
      const [l, r] = [left(), right()];
      return l === undefined || r === undefined ? undefined : Math.max(l, r);
    }
    case ts.SyntaxKind.LessThanLessThanToken: {
      const l = left();
      return l !== undefined && count !== undefined && Number.isInteger(count) && count >= 0 && l + count <= 31 ? l + count : undefined;
    }
    case ts.SyntaxKind.GreaterThanGreaterThanToken:
    case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken: {
      const l = left();
      return l !== undefined && count !== undefined && Number.isInteger(count) && count >= 0 && count < 32
        ? Math.max(l - count, 0)
        : undefined;
    }
    default:
      return undefined;
  }
}

const widthOf = (value: number) => (value === 0 ? 0 : Math.floor(Math.log2(value)) + 1);
const wider = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.max(a, b));

const elementWidths: Record<string, number> = { Uint8Array: 8, Uint16Array: 16 };

function elementWidth(type: ts.Type): number | undefined {
  const name = type.getSymbol()?.getName();
  return name !== undefined && Object.hasOwn(elementWidths, name) ? elementWidths[name] : undefined;
}

// Writes that keep a variable inside the widths of what they combine.
const widthKeepingWrites = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
]);

/**
 * A variable's width: its initializer's, widened until every write, computed as if the
 * variable had that width, fits in it (by induction the variable never leaves it).
 */
function variableWidth(node: ts.Identifier, context: TransformationContext, assumed: Map<ts.Symbol, number>): number | undefined {
  const symbol = context.symbolOf(node);
  if (!symbol) return undefined;
  if (assumed.has(symbol)) return assumed.get(symbol);
  const declaration = symbol.valueDeclaration;
  if (declaration && ts.isVariableDeclaration(declaration) && ts.isForOfStatement(declaration.parent.parent)) {
    const list = declaration.parent;
    return ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const
      ? elementWidth(context.typeOf(declaration.parent.parent.expression))
      : undefined;
  }
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isIdentifier(declaration.name))
    return undefined;
  // This module's own variables only: another module's can change without this one being re-emitted.
  if (declaration.getSourceFile() !== context.sourceFile) return undefined;
  let width = bitWidth(declaration.initializer, context, assumed);
  const writes = writesTo(symbol, declaration.getSourceFile(), context);
  while (width !== undefined) {
    assumed.set(symbol, width);
    let widest = width;
    for (const write of writes) {
      const written =
        ts.isBinaryExpression(write) && widthKeepingWrites.has(write.operatorToken.kind)
          ? bitWidth(write.right, context, assumed)
          : undefined;
      if (written === undefined) {
        widest = Infinity;
        break;
      }
      widest = Math.max(widest, written);
    }
    assumed.delete(symbol);
    if (widest <= width) return width;
    width = widest <= 31 ? widest : undefined;
  }
  return undefined;
}
