import * as py from "../python-ast.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";

export const errorProperties: PropertyMappings = {
  /** A Python exception's message is its string form, unless the program assigned one. */
  message: (_node, context, receiver) => py.call(context.useHelper("error_message"), [receiver]),
  /** `name` set by a subclass's constructor, else the JavaScript class name. */
  name: (_node, context, receiver) => py.call(context.useHelper("error_name"), [receiver]),
};

export const errorCalls: CallMappings = {
  toString: ((_node, context, receiver) => py.call(context.useHelper("js_str"), [receiver])) as CallMapping,
};
