import * as py from "../python-ast.js";
import * as diagnostics from "./diagnostics.js";
import { isArrayType, typeOf } from "../types.js";
import { transformArgs } from "./arguments.js";
import type { HelperName } from "../runtime/helper-names.js";
import type { CallMapping, CallMappings } from "./mapping.js";
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
};
