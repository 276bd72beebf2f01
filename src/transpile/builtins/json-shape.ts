import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";

/**
 * null and undefined are both `None` on the board, but JSON.stringify writes a null property
 * and leaves an undefined one out. The static type tells them apart where the program can: a
 * shape lists, for the value's object properties (nested through objects and arrays), those
 * typed undefined but never null. `json_stringify` leaves such a property out when it is None.
 *
 * A shape is a dict: `"?"` present means "None here is undefined"; `".name"` is the shape of
 * property `name`; `"[]"` the shape of an array's elements. Undefined if nothing is undefined-only.
 */
export function undefinedShape(type: ts.Type, context: TransformationContext, depth = 0): py.Dict | undefined {
  if (depth > 4 || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  const entries: { key: py.Expression; value: py.Expression }[] = [];
  const present = context.checker.getNonNullableType(type);
  const parts = present.isUnion() ? present.types : [present];
  if (parts.length > 0 && parts.every((part) => context.checker.isArrayType(part) || context.checker.isTupleType(part))) {
    const elements = parts.flatMap((part) => context.checker.getTypeArguments(part as ts.TypeReference));
    const element = elements.length === 1 ? elements[0]! : undefined;
    const shape = element ? undefinedShape(element, context, depth + 1) : undefined;
    if (shape) entries.push({ key: py.str("[]"), value: shape });
  } else if (parts.length > 0 && parts.every((part) => part.flags & ts.TypeFlags.Object)) {
    for (const property of context.checker.getPropertiesOfType(present)) {
      if (!(property.flags & ts.SymbolFlags.Property)) continue;
      const propertyType = context.checker.getTypeOfSymbol(property);
      const undefinedOnly =
        (property.flags & ts.SymbolFlags.Optional || includes(propertyType, ts.TypeFlags.Undefined | ts.TypeFlags.Void)) &&
        !includes(propertyType, ts.TypeFlags.Null | ts.TypeFlags.Any | ts.TypeFlags.Unknown);
      const shape = undefinedShape(propertyType, context, depth + 1) ?? (undefinedOnly ? py.dict([]) : undefined);
      if (shape && undefinedOnly) shape.entries.unshift({ key: py.str("?"), value: py.num(1) });
      if (shape) entries.push({ key: py.str(`.${property.getName()}`), value: shape });
    }
  }
  return entries.length > 0 ? py.dict(entries) : undefined;
}

function includes(type: ts.Type, flags: ts.TypeFlags): boolean {
  return type.isUnion() ? type.types.some((part) => (part.flags & flags) !== 0) : (type.flags & flags) !== 0;
}
