import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import * as diagnostics from "./diagnostics.js";
import type { CallMappings } from "./mapping.js";

export const jsonCalls: CallMappings = {
  stringify(node, context) {
    const [value, replacer, indent] = node.arguments;
    if (replacer && replacer.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(replacer) && replacer.text === "undefined")) {
      context.report(diagnostics.jsonReplacer(replacer));
    }
    rejectUnordered(value!, context.checker.getTypeAtLocation(value!), context, 0);
    const args = [context.transformExpression(value!)];
    if (indent) args.push(context.transformExpression(indent));
    return py.call(context.useHelper("json_stringify"), args);
  },
  parse(node, context) {
    if (node.arguments.length > 1) context.report(diagnostics.unsupportedArguments(node, "JSON.parse with a reviver"));
    return py.call(context.useHelper("json_parse"), [context.transformExpression(node.arguments[0]!)]);
  },
};

/** Class instances serialize their fields in creation order, which MicroPython does not keep. */
function rejectUnordered(node: ts.Expression, type: ts.Type, context: TransformationContext, depth: number): void {
  if (depth > 3) return;
  if (type.isUnion()) {
    for (const part of type.types) rejectUnordered(node, part, context, depth);
    return;
  }
  const symbol = type.getSymbol();
  if (symbol && symbol.flags & ts.SymbolFlags.Class && context.isDeclaredByUser(symbol) && !type.getProperty("toJSON")) {
    context.report(diagnostics.jsonClassInstance(node, symbol.getName()));
    return;
  }
  if (context.checker.isArrayType(type) || context.checker.isTupleType(type)) {
    for (const element of context.checker.getTypeArguments(type as ts.TypeReference)) rejectUnordered(node, element, context, depth + 1);
  }
}
