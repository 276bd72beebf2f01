import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { isTypedArrayName } from "../typed-array-names.js";

/**
 * Whether `new C(...)` must go through js_new because the checker cannot tell which kind of
 * constructor C holds: `any`, `unknown`, a type parameter, a construct signature the program
 * declared (`new (n: number) => T`, which a typed array satisfies as well as a class), or a
 * union mixing a typed array with other constructors. A typed array's `new` is not a call of
 * its Python class (typed_new, typed_view), so guessing a plain call would be wrong.
 * Classes (the program's, the facade's) and the library's other constructors are plain calls.
 */
export function isUnresolvedConstructor(type: ts.Type, context: TransformationContext): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return true;
  if (type.isUnion() || type.isIntersection()) {
    return type.types.some((part) => isUnresolvedConstructor(part, context) || isTypedArrayConstructor(part, context));
  }
  const symbol = type.getSymbol();
  if (!symbol || symbol.flags & ts.SymbolFlags.Class) return false;
  return context.isDeclaredByUser(symbol) && type.getConstructSignatures().length > 0;
}

function isTypedArrayConstructor(type: ts.Type, context: TransformationContext): boolean {
  const symbol = type.getSymbol();
  return symbol !== undefined && !context.isDeclaredByUser(symbol) && isTypedArrayName(symbol.getName().replace(/Constructor$/, ""));
}
