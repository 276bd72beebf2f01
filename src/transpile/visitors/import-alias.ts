import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { enumObject, enumSymbolProperties } from "../builtins/enum-object.js";
import { exportingNamespace } from "../scope.js";
import { namespaceMemberReference, namespaceMemberTarget } from "./namespace.js";

/**
 * `import R = Outer.Inner.fn` as TypeScript emits it: `var R = Outer.Inner.fn`, a copy taken
 * where the declaration stands (a later `Outer.Inner.v = 2` does not change `R`). Inside a
 * namespace, `export import R = …` is only the namespace object's property (`NS.R = …`), read
 * through the object everywhere, as an exported variable is. An alias nothing reads as a value
 * (only as a type) is left out, as TypeScript leaves it out.
 */
export function transformImportAlias(node: ts.ImportEqualsDeclaration, context: TransformationContext): py.Statement[] {
  if (node.isTypeOnly) return [];
  const reference = node.moduleReference;
  if (ts.isExternalModuleReference(reference)) {
    context.report(diagnostics.unsupportedSyntax(node));
    return [];
  }
  const symbol = context.symbolOf(node.name);
  if (!symbol) return [];
  const target = context.checker.getAliasedSymbol(symbol);
  if (!(target.flags & ts.SymbolFlags.Value) || target.flags & ts.SymbolFlags.ConstEnum) return [];
  const namespace = exportingNamespace(node);
  if (!namespace && !isExported(node) && !isReadAsValue(symbol, context)) return [];
  const value = aliasedValue(reference, context);
  if (!value) return [];
  if (namespace) return [py.assign(namespaceMemberTarget(namespace, node.name.text, context), value)];
  return [py.assign(py.name(context.pythonName(node.name)), value)];
}

function isExported(node: ts.ImportEqualsDeclaration): boolean {
  return ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/**
 * The value `A.B.C` names: each step a member of a namespace (or of a class or an enum a
 * namespace merges with), read as the property access `A.B.C` reads it; an enum as its
 * JavaScript object, as where an enum is used as a value of its own.
 */
function aliasedValue(reference: ts.EntityName, context: TransformationContext): py.Expression | undefined {
  const symbol = context.symbolOf(ts.isIdentifier(reference) ? reference : reference.right);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? context.checker.getAliasedSymbol(symbol) : symbol;
  if (target && target.flags & ts.SymbolFlags.Enum && !(target.flags & ts.SymbolFlags.ValueModule)) {
    return enumObject(enumSymbolProperties(target, context) ?? [], context);
  }
  if (ts.isIdentifier(reference)) return root(reference, symbol, target, context);
  const object = aliasedValue(reference.left, context);
  return object && py.attribute(object, pythonSafeAttribute(reference.right.text));
}

/** The first name of `A.B.C`: a namespace (or class, enum) of this program, maybe imported or itself an alias. */
function root(
  identifier: ts.Identifier,
  symbol: ts.Symbol | undefined,
  target: ts.Symbol | undefined,
  context: TransformationContext,
): py.Expression | undefined {
  const declaration = target?.valueDeclaration ?? target?.declarations?.[0];
  if (declaration && ts.isSourceFile(declaration)) {
    // `import * as M` read as `M.x` is a live read of module M (live-bindings.ts); a copy of
    // one of its members taken here would need the same care, which nothing needs yet.
    context.report(diagnostics.importAliasOfModule(identifier, identifier.text));
    return undefined;
  }
  return (symbol && namespaceMemberReference(identifier, context, symbol)) ?? py.name(context.pythonName(identifier));
}

/**
 * Whether the program reads the alias as a value (not only in types): a use in an expression,
 * a class's `extends`, an `export { R }`, or the `A` of another alias `import S = R.x` read so.
 */
function isReadAsValue(symbol: ts.Symbol, context: TransformationContext): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && context.symbolOf(node) === symbol && !isDeclarationName(node) && isValuePosition(node, context)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(context.sourceFile);
  return found;
}

function isDeclarationName(node: ts.Identifier): boolean {
  return ts.isImportEqualsDeclaration(node.parent) && node.parent.name === node;
}

function isValuePosition(node: ts.Identifier, context: TransformationContext): boolean {
  let current: ts.Node = node;
  while (ts.isQualifiedName(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isImportEqualsDeclaration(parent)) {
    const alias = context.symbolOf(parent.name);
    return alias !== undefined && (exportingNamespace(parent) !== undefined || isExported(parent) || isReadAsValue(alias, context));
  }
  for (let ancestor: ts.Node = parent; !ts.isSourceFile(ancestor); ancestor = ancestor.parent) {
    // `class X extends R.Base` reads R; `implements R.I` and `interface J extends R.I` do not.
    if (ts.isHeritageClause(ancestor)) return ancestor.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(ancestor.parent);
    if (ts.isTypeNode(ancestor) && !ts.isExpressionWithTypeArguments(ancestor)) return false;
  }
  return true;
}
