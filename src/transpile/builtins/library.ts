import { ts } from "ts-morph";
import type { TransformationContext } from "../context.js";
import { isArrayType, isStringType, typeOf } from "../types.js";

/**
 * Which JavaScript library a receiver belongs to, for looking up mappings: `Array`, `String`,
 * or the name of a global object (`console`, `Math`) or of the receiver's class (`Error`).
 */
export function receiverKind(node: ts.Expression, context: TransformationContext): string | undefined {
  const symbol = context.symbolOf(node);
  if (ts.isIdentifier(node) && symbol && isLibrarySymbol(symbol, context)) return node.text;
  const type = typeOf(context, node);
  if (isStringType(type)) return "String";
  if (isArrayType(context, type)) return "Array";
  return type.getSymbol()?.getName();
}

/** Declared by the JavaScript/Node libraries: neither the user's code nor the tsmp facade. */
export function isLibrarySymbol(symbol: ts.Symbol, context: TransformationContext): boolean {
  return (symbol.declarations?.length ?? 0) > 0 && !context.isDeclaredByUser(symbol) && !context.isDeclaredByFacade(symbol);
}
