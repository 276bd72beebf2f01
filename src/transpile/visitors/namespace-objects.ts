import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute, pythonSafeName } from "../reserved-names.js";
import { enumObject, enumSymbolProperties } from "../builtins/enum-object.js";
import { liveBindingOf, liveModuleName, namespaceModule } from "./live-bindings.js";

/**
 * A namespace import (`import * as ns`, `export * as ns`) used as a value rather than as `ns.x`
 * is a JsModule of the module's exports: the Python module object would list its own names
 * besides (`__name__`, imported helpers, names the module does not export). The object is
 * built where it is used, so each use sees the exports' current values.
 */
export function namespaceObject(node: ts.Identifier, context: TransformationContext): py.Expression | undefined {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return undefined;
  const symbol = ts.isShorthandPropertyAssignment(parent)
    ? context.checker.getShorthandAssignmentValueSymbol(parent)
    : context.symbolOf(node);
  const module = namespaceModule(symbol, context);
  if (!module) return undefined;
  const self = py.name(context.pythonName(node));
  const exports = context.checker
    .getExportsOfModule(module.symbol)
    .filter((exported) => isValue(exported, context))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pairs = exports.flatMap((exported) => {
    // An enum is JavaScript's enum object there, as where it is used as a value of its own.
    const target = exported.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(exported) : exported;
    const members = target.flags & ts.SymbolFlags.ValueModule ? undefined : enumSymbolProperties(target, context);
    if (members) return [py.str(pythonSafeAttribute(exported.name)), enumObject(members, context)];
    const binding = liveBindingOf(exported, context);
    const value = !binding
      ? py.attribute(self, pythonSafeName(exported.name))
      : py.attribute(binding.module === module.name ? self : py.name(liveModuleName(binding.module, context)), binding.name);
    return [py.str(pythonSafeAttribute(exported.name)), value];
  });
  return py.call(context.useHelper("JsModule"), pairs);
}

function isValue(symbol: ts.Symbol, context: TransformationContext): boolean {
  const target = symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
  return (target.flags & ts.SymbolFlags.Value) !== 0 && !(target.flags & ts.SymbolFlags.ConstEnum);
}
