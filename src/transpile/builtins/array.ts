import { ts } from "ts-morph";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import type { CallMappings, PropertyMappings } from "./registry.js";

export const arrayCalls: CallMappings = {
  push(node, context, receiver) {
    if (!ts.isExpressionStatement(node.parent)) context.report(diagnostics.unusedReturnValueOnly(node, "Array.push"));
    const args = node.arguments.map((argument) => context.transformExpression(argument));
    return args.length === 1
      ? py.call(py.attribute(receiver, "append"), args)
      : py.call(py.attribute(receiver, "extend"), [py.list(args)]);
  },
  /** JS returns undefined for an empty array where Python raises IndexError. */
  pop(node, context, receiver) {
    if (ts.isExpressionStatement(node.parent)) return py.call(py.attribute(receiver, "pop"));
    if (receiver.kind !== "Name") {
      const temporary = context.temporary("items");
      context.addPrecedingStatements(py.assign(temporary, receiver));
      receiver = temporary;
    }
    return py.ifExp(receiver, py.call(py.attribute(receiver, "pop")), py.none());
  },
};

export const arrayProperties: PropertyMappings = {
  length: (_node, _context, receiver) => py.call(py.name("len"), [receiver]),
};
