import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";

/**
 * The name of the user class whose instances a value of this type holds (also as one member of a
 * union), when the order of their fields can show: MicroPython keeps an instance's attributes in
 * hash order, not the order JavaScript creates them in, so `Object.keys`, `for…in`, a spread and
 * `JSON.stringify` of an instance would list them differently. Undefined for anything else.
 */
export function unorderedInstanceClass(type: ts.Type, context: TransformationContext): string | undefined {
  if (type.isUnion()) {
    for (const part of type.types) {
      const name = unorderedInstanceClass(part, context);
      if (name) return name;
    }
    return undefined;
  }
  const symbol = type.getSymbol();
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Class) || !context.isDeclaredByUser(symbol)) return undefined;
  // One field (or none) has only one order. A `declare`d field is made by other code, such as
  // Object.defineProperty, which may leave it out of the keys.
  const fields = type
    .getProperties()
    .filter(
      (property) =>
        property.flags & ts.SymbolFlags.Property &&
        !property.declarations?.every((declaration) => ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Ambient),
    );
  return fields.length > 1 ? symbol.getName() : undefined;
}
