import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import { facadeModules, nodeOnlyFacadeModules, typeOnlyFacadeModules } from "../facades.js";
import * as py from "../python-ast.js";
import { BOARD_MODULE_PREFIX, boardModuleName } from "../python-modules.js";
import { isPythonModuleName, pythonSafeName } from "../reserved-names.js";
import { transformNamespace } from "./namespace.js";
import { importModuleAs, liveBindingOf, liveExportsElsewhere, liveModuleImports, type LiveBinding } from "./live-bindings.js";

/** The Python module an import specifier names, or undefined (after reporting why). */
function pythonModuleFor(
  node: ts.ImportDeclaration | ts.ExportDeclaration,
  specifier: string,
  context: TransformationContext,
): string | undefined {
  if (specifier === "tsmp" || specifier.startsWith("tsmp/")) {
    if (nodeOnlyFacadeModules.has(specifier)) {
      context.report(diagnostics.nodeOnlyModule(node.moduleSpecifier!, specifier));
      return undefined;
    }
    const module = facadeModules[specifier];
    if (!module) context.report(diagnostics.unknownFacadeModule(node.moduleSpecifier!, specifier));
    return module;
  }
  if (specifier.startsWith(BOARD_MODULE_PREFIX)) {
    const module = boardModuleName(specifier);
    if (!module) context.report(diagnostics.badBoardModuleName(node.moduleSpecifier!, specifier));
    return module;
  }
  if (!specifier.startsWith(".")) {
    context.report(diagnostics.packageImport(node.moduleSpecifier!, specifier));
    return undefined;
  }
  const target = context.symbolOf(node.moduleSpecifier!)?.valueDeclaration;
  const source = target && ts.isSourceFile(target) ? (context.program.pythonSourceOf(target) ?? target.fileName) : undefined;
  const module = source ? context.program.pythonModuleOf(source) : undefined;
  const fileName = source?.replace(/^.*[\\/]/, "").replace(/\.(d\.)?(ts|py)$/, "");
  if (!module && fileName !== undefined && !isPythonModuleName(fileName))
    context.report(diagnostics.invalidModuleName(node.moduleSpecifier!, fileName));
  else if (!module) context.report(diagnostics.importOutsideRoot(node.moduleSpecifier!, specifier));
  return module;
}

/** Names a Python module exports are imported as they are; tsmp's own modules renamed reserved ones. */
function keepsExportedNames(node: ts.ImportDeclaration | ts.ExportDeclaration, specifier: string, context: TransformationContext): boolean {
  if (specifier.startsWith("tsmp/") || specifier.startsWith(BOARD_MODULE_PREFIX)) return true;
  const target = context.symbolOf(node.moduleSpecifier!)?.valueDeclaration;
  return target !== undefined && ts.isSourceFile(target) && context.program.pythonSourceOf(target) !== undefined;
}

function isValueImport(specifier: ts.ImportSpecifier, context: TransformationContext): boolean {
  if (specifier.isTypeOnly) return false;
  const symbol = context.checker.getSymbolAtLocation(specifier.name);
  if (!symbol) return false;
  const target = symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
  return (target.flags & ts.SymbolFlags.Value) !== 0;
}

function isValueExport(specifier: ts.ExportSpecifier, context: TransformationContext): boolean {
  const symbol = context.checker.getExportSpecifierLocalTargetSymbol(specifier);
  if (!symbol) return false;
  // An imported name exported again (`import { a } from "./m"; export { a as b }`) is an alias.
  const target = symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
  return (target.flags & ts.SymbolFlags.Value) !== 0;
}

export function transformImportDeclaration(node: ts.ImportDeclaration, context: TransformationContext): py.Statement[] {
  const clause = node.importClause;
  if (clause?.isTypeOnly) return [];
  const specifier = (node.moduleSpecifier as ts.StringLiteral).text;
  if (typeOnlyFacadeModules.has(specifier)) {
    const values =
      clause?.namedBindings && ts.isNamedImports(clause.namedBindings)
        ? clause.namedBindings.elements.filter((element) => isValueImport(element, context))
        : [];
    if (values.length > 0 || clause?.name || (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings))) {
      context.report(diagnostics.unknownFacadeModule(node.moduleSpecifier!, specifier));
    }
    return [];
  }
  const named =
    clause?.namedBindings && ts.isNamedImports(clause.namedBindings)
      ? clause.namedBindings.elements.filter((element) => isValueImport(element, context))
      : [];
  if (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && named.length === 0) return [];
  const module = pythonModuleFor(node, specifier, context);
  if (!module) return [];
  if (!clause) return [{ kind: "Import", names: [{ name: module }] }];
  const statements: py.Statement[] = [];
  // Live variables are read through their own module (live-bindings.ts), not copied here.
  const live: LiveBinding[] = [];
  if (clause.name) {
    // A default export is the exporting module's `default` (see exports below); Python modules have none.
    if (keepsExportedNames(node, specifier, context)) {
      context.report(diagnostics.unsupportedImportForm(clause.name, "A default import from a Python module"));
      return [];
    }
    const binding = liveBindingOf(context.symbolOf(clause.name), context);
    if (binding) live.push(binding);
    else statements.push({ kind: "ImportFrom", module, names: [{ name: "default", asname: context.pythonName(clause.name) }] });
  }
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    const local = context.pythonName(bindings.name);
    statements.push(
      specifier.startsWith(".")
        ? importModuleAs(module, local)
        : { kind: "Import", names: [{ name: module, asname: local === module ? undefined : local }] },
    );
    return [...statements, ...liveModuleImports([...live, ...liveExportsElsewhere(context.symbolOf(bindings.name), context)], context)];
  }
  const keepsNames = keepsExportedNames(node, specifier, context);
  const names = named.flatMap((element) => {
    const symbol = context.symbolOf(element.name);
    // `import { util }` of an `export * as util`: a namespace, read as `ns.counter` is.
    live.push(...liveExportsElsewhere(symbol, context));
    const binding = keepsNames ? undefined : liveBindingOf(symbol, context);
    if (binding) {
      live.push(binding);
      return [];
    }
    const imported = (element.propertyName ?? element.name).text;
    // The exporting module renamed a reserved name the same way.
    const exported = keepsNames ? imported : pythonSafeName(imported);
    const local = context.pythonName(element.name);
    return [{ name: exported, asname: local === exported ? undefined : local }];
  });
  if (names.length > 0) statements.push({ kind: "ImportFrom", module, names });
  if (live.length === 0) return statements;
  // The imported module still loads first, in its place, when nothing else is taken from it.
  const loads = statements.length === 0 && live.every((binding) => binding.module !== module) ? [{ module, name: "" }] : [];
  return [...statements, ...liveModuleImports([...loads, ...live], context)];
}

export function transformExportDeclaration(node: ts.ExportDeclaration, context: TransformationContext): py.Statement[] {
  if (node.isTypeOnly) return [];
  // `export { a, b }`: every top-level Python name is importable already; `export { a as b }`
  // needs the second name bound too.
  if (!node.moduleSpecifier && node.exportClause && ts.isNamedExports(node.exportClause)) {
    return node.exportClause.elements
      .filter(
        (element) =>
          !element.isTypeOnly &&
          element.propertyName &&
          isValueExport(element, context) &&
          // An imported live variable is not bound here: importers read it from its own module.
          !liveBindingOf(context.checker.getExportSpecifierLocalTargetSymbol(element), context),
      )
      .map((element) =>
        py.assign(py.name(pythonSafeName(element.name.text)), py.name(context.pythonName(element.propertyName as ts.Identifier))),
      );
  }
  if (!node.moduleSpecifier || !ts.isStringLiteral(node.moduleSpecifier)) {
    context.report(diagnostics.unsupportedExport(node));
    return [];
  }
  return reexport(node, node.moduleSpecifier.text, context);
}

/**
 * Re-exports import the names into this module, where importers find them: `export { a, b as c }
 * from "./m"` is `from m import a, b as c`, `export * from "./m"` is `from m import *` (every
 * public name of m, a superset of its exports), `export * as ns from "./m"` is `import m as ns`.
 */
function reexport(node: ts.ExportDeclaration, specifier: string, context: TransformationContext): py.Statement[] {
  const module = pythonModuleFor(node, specifier, context);
  if (!module) return [];
  const clause = node.exportClause;
  if (!clause) return exportStar(node, module, specifier, context);
  if (ts.isNamespaceExport(clause)) {
    const local = pythonSafeName(clause.name.text);
    if (specifier.startsWith(".")) return [importModuleAs(module, local)];
    return [{ kind: "Import", names: [{ name: module, asname: local === module ? undefined : local }] }];
  }
  const keepsNames = keepsExportedNames(node, specifier, context);
  const values = clause.elements.filter((element) => !element.isTypeOnly && isValueReexport(element, context));
  // A live variable is not bound here either: importers read it from its own module.
  const copied = values.filter((element) => !liveBindingOf(context.symbolOf(element.name), context));
  const names = copied.map((element) => {
    const imported = (element.propertyName ?? element.name).text;
    const exported = keepsNames ? imported : pythonSafeName(imported);
    const local = pythonSafeName(element.name.text);
    return { name: exported, asname: local === exported ? undefined : local };
  });
  if (names.length > 0) return [{ kind: "ImportFrom", module, names }];
  // The module still loads here, in its place.
  return values.length > 0 ? liveModuleImports([{ module, name: "" }], context) : [];
}

/**
 * `export * from "./m"` imports m's exported values by name: Python's `import *` would leave out
 * names starting with `_` and bring in m's `default` and imports, which JavaScript does not.
 * A Python module's exports are its own business, so those keep `import *`.
 */
function exportStar(node: ts.ExportDeclaration, module: string, specifier: string, context: TransformationContext): py.Statement[] {
  const moduleSymbol = context.symbolOf(node.moduleSpecifier!);
  if (!moduleSymbol || keepsExportedNames(node, specifier, context)) return [{ kind: "ImportFrom", module, names: [{ name: "*" }] }];
  const names = context.checker
    .getExportsOfModule(moduleSymbol)
    .filter((symbol) => symbol.escapedName !== "default")
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => ({ name: pythonSafeName(symbol.getName()) }));
  return names.length > 0 ? [{ kind: "ImportFrom", module, names }] : [];
}

function isValueReexport(specifier: ts.ExportSpecifier, context: TransformationContext): boolean {
  const symbol = context.checker.getSymbolAtLocation(specifier.name);
  if (!symbol) return false;
  const target = symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
  return (target.flags & ts.SymbolFlags.Value) !== 0;
}

/** `export default expression` binds the module's `default`; `export =` (CommonJS) has no counterpart. */
export function transformExportAssignment(node: ts.ExportAssignment, context: TransformationContext): py.Statement[] {
  if (node.isExportEquals) {
    context.report(diagnostics.unsupportedExport(node));
    return [];
  }
  return [py.assign(py.name("default"), context.transformExpression(node.expression))];
}

/** `namespace X {}` (see namespace.ts); `declare` forms and `declare module "x"` are types only. */
export function transformModuleDeclaration(node: ts.ModuleDeclaration, context: TransformationContext): py.Statement[] {
  if (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  if (!ts.isIdentifier(node.name)) {
    context.report(diagnostics.unsupportedSyntax(node));
    return [];
  }
  return transformNamespace(node, context);
}
