import * as py from "../python-ast.js";
import { isRecordType, typeOf } from "../types.js";
import { transformArgs } from "./arguments.js";
import type { HelperName } from "../runtime/helper-names.js";
import type { CallMapping, CallMappings } from "./mapping.js";

/** Records are OrderedDicts, where Python's own methods already keep JavaScript's order. */
const ofObject =
  (helper: HelperName, recordForm?: (record: py.Expression) => py.Expression): CallMapping =>
  (node, context) => {
    const [argument] = node.arguments;
    const value = context.transformExpression(argument!);
    if (recordForm && isRecordType(context, typeOf(context, argument!))) return recordForm(value);
    return py.call(context.useHelper(helper), [value]);
  };

export const objectStaticCalls: CallMappings = {
  keys: ofObject("obj_keys", (record) => py.call(py.name("list"), [record])),
  values: ofObject("obj_values", (record) => py.call(py.name("list"), [py.call(py.attribute(record, "values"))])),
  entries: ofObject("obj_entries"),
  assign: (node, context) => py.call(context.useHelper("obj_assign"), transformArgs(node, context)),
  fromEntries: (node, context) => py.call(context.useHelper("obj_from"), [...transformArgs(node, context), py.bool(true)]),
  freeze: (node, context) => context.transformExpression(node.arguments[0]!),
};
