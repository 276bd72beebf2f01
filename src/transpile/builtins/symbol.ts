import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { transformArgs } from "./arguments.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";

/**
 * Symbols are JsSymbol objects (runtime/JsSymbol.py): `Symbol(d)`, `Symbol.for(k)`,
 * `Symbol.keyFor(s)`, `s.description`, `s.toString()`. A symbol as a property key stays
 * rejected (symbol-keys.ts): tsmp's objects and classes key their properties by strings.
 */
export const symbolCall: CallMapping = (node, context) => py.call(context.useHelper("JsSymbol"), transformArgs(node, context));

export const symbolStaticCalls: CallMappings = {
  for: (node, context) => py.call(py.attribute(context.useHelper("JsSymbol"), "for_key"), transformArgs(node, context)),
  keyFor: (node, context) => py.call(py.attribute(context.useHelper("JsSymbol"), "key_for"), transformArgs(node, context)),
};

const symbolText: CallMapping = (_node, context, receiver) => {
  context.useHelper("JsSymbol");
  return py.call(py.attribute(receiver, "text"), []);
};
const symbolItself: CallMapping = (_node, _context, receiver) => receiver;

export const symbolCalls: CallMappings = { toString: symbolText, valueOf: symbolItself };

export const symbolProperties: PropertyMappings = {
  description: (_node, _context, receiver) => py.attribute(receiver, "description"),
};

/** Whether a value of this type may be a symbol (`symbol`, `unique symbol`, a union holding one). */
export function maySymbol(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & ts.TypeFlags.ESSymbolLike) !== 0);
}

/** `String(x)` of a value that may be a symbol: its text, where an implicit conversion throws. */
export function symbolAsString(context: TransformationContext, value: py.Expression): py.Expression {
  return py.call(py.attribute(context.useHelper("JsSymbol"), "text_of"), [value]);
}
