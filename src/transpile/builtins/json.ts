import { ts } from "ts-morph";
import * as py from "../python-ast.js";
import * as diagnostics from "./diagnostics.js";
import type { CallMappings } from "./registry.js";

export const jsonCalls: CallMappings = {
  stringify(node, context) {
    const [value, replacer, indent] = node.arguments;
    if (replacer && replacer.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(replacer) && replacer.text === "undefined")) {
      context.report(diagnostics.jsonReplacer(replacer));
    }
    const args = [context.transformExpression(value!)];
    if (indent) args.push(context.transformExpression(indent));
    return py.call(context.useHelper("json_stringify"), args);
  },
  parse(node, context) {
    if (node.arguments.length > 1) context.report(diagnostics.unsupportedArguments(node, "JSON.parse with a reviver"));
    return py.call(context.useHelper("json_parse"), [context.transformExpression(node.arguments[0]!)]);
  },
};
