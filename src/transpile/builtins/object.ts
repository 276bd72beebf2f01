import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import * as diagnostics from "./diagnostics.js";
import { isArrayType, typeOf } from "../types.js";
import { transformArgs } from "./arguments.js";
import type { HelperName } from "../runtime/helper-names.js";
import type { CallMapping, CallMappings, PropertyMapping, PropertyMappings } from "./mapping.js";
import { defineProperty } from "./define-property.js";
import { unorderedInstanceClass } from "./instance-order.js";
import { enumEntries, enumKeys, enumProperties, enumValues } from "./enum-object.js";

/** An object's keys, values or entries in JavaScript's order (obj_items). */
const ofObject =
  (helper: HelperName): CallMapping =>
  (node, context) => {
    const [argument] = node.arguments;
    const className = argument && unorderedInstanceClass(typeOf(context, argument), context);
    if (className) context.report(diagnostics.unorderedInstanceFields(node, `Object.${helper.slice(4)}`, className));
    const value = context.transformExpression(argument!);
    return py.call(context.useHelper(helper), [value]);
  };

/** Object.keys/values/entries of an enum: its JavaScript properties, known when transpiling. */
const ofEnumOr =
  (fromEnum: (properties: [string, string | number][]) => py.Expression, otherwise: CallMapping): CallMapping =>
  (node, context, receiver) => {
    const properties = node.arguments.length === 1 ? enumProperties(node.arguments[0]!, context) : undefined;
    return properties ? fromEnum(properties) : otherwise(node, context, receiver);
  };

export const objectStaticCalls: CallMappings = {
  // Not the record's own key order: JavaScript lists integer-like keys first (obj_items).
  keys: ofEnumOr(enumKeys, ofObject("obj_keys")),
  values: ofEnumOr(enumValues, ofObject("obj_values")),
  entries: ofEnumOr(enumEntries, ofObject("obj_entries")),
  assign: (node, context) => {
    // Properties on an array (`Object.assign([1], { tag })`): a Python list holds items only.
    if (node.arguments.length > 0 && isArrayType(context, typeOf(context, node.arguments[0]!))) {
      context.report(diagnostics.unsupportedArguments(node, "Object.assign to an array"));
    }
    return py.call(context.useHelper("obj_assign"), transformArgs(node, context));
  },
  fromEntries: (node, context) => py.call(context.useHelper("obj_from"), [...transformArgs(node, context), py.bool(true)]),
  freeze: (node, context) => context.transformExpression(node.arguments[0]!),
  is: (node, context) => py.call(context.useHelper("obj_is"), transformArgs(node, context)),
  hasOwn: (node, context) => py.call(context.useHelper("obj_has_own"), transformArgs(node, context)),
  defineProperty,
  getOwnPropertyNames: (node, context) => py.call(context.useHelper("obj_own_names"), transformArgs(node, context)),
  getOwnPropertyDescriptors,
};

/**
 * A data descriptor's fields (Object.getOwnPropertyDescriptors gives JsObjects): attributes.
 * Not `get`/`set`: a JsObject's `get` is its record read.
 */
const descriptorField: PropertyMapping = (node, _context, receiver) => py.attribute(receiver, node.name.text);

export const descriptorProperties: PropertyMappings = {
  value: descriptorField,
  writable: descriptorField,
  enumerable: descriptorField,
  configurable: descriptorField,
};

/**
 * Object.getOwnPropertyDescriptors of an object literal or a record, whose properties tsmp keeps
 * as writable, configurable data properties (obj_descriptors). Other values have properties
 * tsmp does not model (an array's length, a literal's getters, a class instance's field order).
 */
function getOwnPropertyDescriptors(node: ts.CallExpression, context: TransformationContext): py.Expression {
  const [argument] = node.arguments;
  if (node.arguments.length !== 1 || !argument || !isPlainObjectType(typeOf(context, argument), context)) {
    context.report(
      diagnostics.unsupportedArguments(node, "Object.getOwnPropertyDescriptors of a value other than an object literal or a record"),
    );
    return py.none();
  }
  return py.call(context.useHelper("obj_descriptors"), [context.transformExpression(argument)]);
}

function isPlainObjectType(type: ts.Type, context: TransformationContext): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || type.isUnion() || isArrayType(context, type)) return false;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  if (unorderedInstanceClass(type, context) !== undefined) return false;
  const symbol = type.getSymbol();
  if (symbol && symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.Function)) return false;
  if (symbol && !context.isDeclaredByUser(symbol) && symbol.name !== "__object" && symbol.name !== "__type") return false;
  return type.getProperties().every((property) => !property.declarations?.some((declaration) => ts.isAccessor(declaration)));
}
