import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { pythonSafeName } from "../reserved-names.js";

/**
 * An imported binding is live in JavaScript: `import { counter } from "./a"` reads a's
 * variable as it is now, after a's `bump()` changed it. Python's `from a import counter`
 * copies the value once. So a top-level `let`/`var` is read through the module object that
 * declares it (`import a as _live_a` … `_live_a.counter`) wherever another module imports it,
 * by whatever path (renamed, re-exported, `export *`); constants keep the plain import, which
 * costs nothing per read. Every `let` counts, assigned later or not: whether an importer's code
 * changes must depend only on the declaration, which is all an incremental build (`tsmp dev`)
 * compares when it decides which importers to transform again.
 */
export interface LiveBinding {
  /** The Python module that declares the variable. */
  module: string;
  /** The variable's Python name there. */
  name: string;
}

/** The live variable an imported symbol (an import, a re-export, a namespace's member) stands for. */
export function liveBindingOf(symbol: ts.Symbol | undefined, context: TransformationContext): LiveBinding | undefined {
  if (!symbol) return undefined;
  // `export default counter` exports the value it has then, not the variable.
  for (
    let step: ts.Symbol | undefined = symbol;
    step && step.flags & ts.SymbolFlags.Alias;
    step = context.checker.getImmediateAliasedSymbol(step)
  ) {
    if (step.declarations?.some(ts.isExportAssignment)) return undefined;
  }
  const target = symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
  const declaration = target.valueDeclaration;
  if (!declaration || !(target.flags & ts.SymbolFlags.Variable)) return undefined;
  const statement = topLevelVariableStatement(declaration);
  if (!statement || statement.declarationList.flags & ts.NodeFlags.Const) return undefined;
  const file = declaration.getSourceFile();
  if (file === context.sourceFile || file.isDeclarationFile || !context.program.isUserFile(file)) return undefined;
  const module = context.program.pythonModuleOf(file.fileName);
  if (!module) return undefined;
  return { module, name: pythonSafeName(((declaration as ts.VariableDeclaration | ts.BindingElement).name as ts.Identifier).text) };
}

/** The read of a live imported identifier (`counter` → `_live_a.counter`), or undefined. */
export function liveBindingRead(identifier: ts.Identifier, context: TransformationContext): py.Expression | undefined {
  const parent = identifier.parent;
  const symbol = ts.isShorthandPropertyAssignment(parent)
    ? context.checker.getShorthandAssignmentValueSymbol(parent)
    : context.symbolOf(identifier);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Alias)) return undefined;
  const binding = liveBindingOf(symbol, context);
  return binding && py.attribute(py.name(liveModuleName(binding.module, context)), binding.name);
}

/**
 * `ns.counter` of a live variable, read where it is declared: the namespace's module may hold
 * only a copy (a re-export, `export { counter as count }`). Undefined for anything else.
 */
export function liveNamespaceMemberRead(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  const module = ts.isIdentifier(node.expression) ? namespaceModule(context.symbolOf(node.expression), context) : undefined;
  if (!module) return undefined;
  const binding = liveBindingOf(context.symbolOf(node.name), context);
  if (!binding) return undefined;
  // The namespace's module declares it, maybe under another name (`export { counter as count }`,
  // whose `count` is a copy).
  if (binding.module === module.name) return py.attribute(context.transformExpression(node.expression), binding.name);
  return py.attribute(py.name(liveModuleName(binding.module, context)), binding.name);
}

/** The user module an imported name stands for as a whole (`import * as ns`, `export * as ns`). */
export function namespaceModule(
  symbol: ts.Symbol | undefined,
  context: TransformationContext,
): { symbol: ts.Symbol; file: ts.SourceFile; name: string } | undefined {
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Alias)) return undefined;
  const target = context.checker.getAliasedSymbol(symbol);
  const file = target.valueDeclaration;
  if (!file || !ts.isSourceFile(file) || file.isDeclarationFile || !context.program.isUserFile(file)) return undefined;
  const name = context.program.pythonModuleOf(file.fileName);
  return name ? { symbol: target, file, name } : undefined;
}

/** The live variables a namespace's module exports that other modules declare (`export { n } from "./a"`). */
export function liveExportsElsewhere(symbol: ts.Symbol | undefined, context: TransformationContext): LiveBinding[] {
  const module = namespaceModule(symbol, context);
  if (!module) return [];
  return context.checker
    .getExportsOfModule(module.symbol)
    .flatMap((exported) => liveBindingOf(exported, context) ?? [])
    .filter((binding) => binding.module !== module.name);
}

/** The local name a live binding's module is imported as: `_live_drivers_motor`, clear of the file's own names. */
export function liveModuleName(module: string, context: TransformationContext): string {
  let names = moduleNames.get(context);
  if (!names) moduleNames.set(context, (names = new Map()));
  let name = names.get(module);
  if (name) return name;
  name = `_live_${module.replace(/\./g, "_")}`;
  while (new RegExp(`\\b${name}\\b`).test(context.sourceFile.text)) name += "_";
  names.set(module, name);
  return name;
}

const moduleNames = new WeakMap<TransformationContext, Map<string, string>>();

/** `import a as _live_a`, for each module the given bindings live in (once each). */
export function liveModuleImports(bindings: readonly LiveBinding[], context: TransformationContext): py.Statement[] {
  const modules = [...new Set(bindings.map((binding) => binding.module))];
  return modules.map((module) => importModuleAs(module, liveModuleName(module, context)));
}

function topLevelVariableStatement(declaration: ts.Declaration): ts.VariableStatement | undefined {
  let root: ts.Node = declaration;
  while (ts.isBindingElement(root) || ts.isObjectBindingPattern(root) || ts.isArrayBindingPattern(root)) root = root.parent;
  if (!ts.isVariableDeclaration(root) || !ts.isVariableDeclarationList(root.parent)) return undefined;
  const statement = root.parent.parent;
  return ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent) ? statement : undefined;
}

/**
 * A module of the program under a name of its own: `import m as local`, and for one in a folder
 * `from util import m as local`, not `import util.m as local`, which reads `m` from the package
 * and so fails while `util.m` is still loading (an import cycle of namespace imports); `from`
 * finds the module in sys.modules then.
 */
export function importModuleAs(module: string, local: string): py.Import | py.ImportFrom {
  const dot = module.lastIndexOf(".");
  if (dot < 0) return { kind: "Import", names: [{ name: module, asname: local === module ? undefined : local }] };
  const name = module.slice(dot + 1);
  return { kind: "ImportFrom", module: module.slice(0, dot), names: [{ name, asname: local === name ? undefined : local }] };
}
