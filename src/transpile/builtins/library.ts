import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { isArrayType, isNumberType, isStringType, isTemplateStringsArray, typeOf } from "../types.js";

/** Global classes whose static members are mapped (`Array.from`, `Object.keys`). */
const constructorGlobals = new Set(["Array", "String", "Number", "Object", "Date", "Promise", "Symbol"]);

/**
 * Which JavaScript library a receiver belongs to, for looking up mappings: `Array`, `String`,
 * `Number`, the name of a global namespace (`console`, `Math`, `JSON`), `<Name>Constructor`
 * for a global class used for its statics, or the receiver's class name (`Map`, `Error`).
 */
export function receiverKind(node: ts.Expression, context: TransformationContext): string | undefined {
  const symbol = context.symbolOf(node);
  if (ts.isIdentifier(node) && symbol && isLibrarySymbol(symbol, context)) {
    return constructorGlobals.has(node.text) ? `${node.text}Constructor` : node.text;
  }
  const type = typeOf(context, node);
  if (isStringType(type)) return "String";
  if (isNumberType(type)) return "Number";
  if (isTemplateStringsArray(type)) return "TemplateStringsArray";
  if (isArrayType(context, type)) return "Array";
  if (type.flags & ts.TypeFlags.ESSymbolLike) return "Symbol";
  return type.getSymbol()?.getName();
}

/**
 * `Symbol.iterator`, `Symbol.dispose`…: the library's well-known symbol of that name, written as
 * an expression or as a computed member name (`[Symbol.iterator]()`).
 */
export function isWellKnownSymbol(name: ts.Node | undefined, member: string, context: TransformationContext): boolean {
  const expression = name && ts.isComputedPropertyName(name) ? name.expression : name;
  if (!expression || !ts.isPropertyAccessExpression(expression) || expression.name.text !== member) return false;
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== "Symbol") return false;
  const symbol = context.symbolOf(expression.expression);
  return symbol !== undefined && isLibrarySymbol(symbol, context);
}

/** Declared by the JavaScript/Node libraries: neither the user's code nor the tsmp facade. */
export function isLibrarySymbol(symbol: ts.Symbol, context: TransformationContext): boolean {
  return (symbol.declarations?.length ?? 0) > 0 && !context.isDeclaredByUser(symbol) && !context.isDeclaredByFacade(symbol);
}
