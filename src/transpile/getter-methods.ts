import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";

/**
 * Getters as plain methods. MicroPython flags a class holding any `property` as having special
 * accessors, and from then on every attribute read or write on its instances (`self.head = …`,
 * `ring.put(…)`) first searches the class for a descriptor: about 1.6× slower on the unix port
 * for a ring buffer with one `get length()`. A class whose accessors are all getters, that
 * extends nothing and that nothing can extend (not exported, not extended in its module),
 * defines each getter as a method `_get_<name>`: a read the checker resolves to it calls the
 * method, and any other read (through `any`, an interface, `getattr`) reaches it through the
 * class's `__getattr__`, which Python consults only when an attribute is missing.
 */
export function usesGetterMethods(owner: ts.ClassDeclaration): boolean {
  const accessors = owner.members.filter((member) => ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member));
  if (accessors.length === 0 || accessors.some((member) => !ts.isGetAccessorDeclaration(member) || isStatic(member))) return false;
  if (owner.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) return false;
  const taken = new Set(owner.members.map((member) => member.name?.getText()));
  if (accessors.some((member) => taken.has(getterMethodName(member.name.getText())))) return false;
  return isFinalClass(owner);
}

/** The method a getter becomes: `_get_length`. */
export function getterMethodName(name: string): string {
  return `_get_${name}`;
}

/** The getter a property read resolves to, when its class defines getters as methods. */
export function getterMethodOf(declaration: ts.Declaration | undefined): ts.GetAccessorDeclaration | undefined {
  if (!declaration || !ts.isGetAccessorDeclaration(declaration) || !ts.isClassDeclaration(declaration.parent)) return undefined;
  return usesGetterMethods(declaration.parent) && ts.isIdentifier(declaration.name) ? declaration : undefined;
}

/** `get length() { return this.size; }`: the field (of its own class, not an accessor) the getter only returns. */
export function returnedField(getter: ts.GetAccessorDeclaration, context: TransformationContext): string | undefined {
  const statements = getter.body?.statements ?? [];
  const only = statements.length === 1 ? statements[0] : undefined;
  if (!only || !ts.isReturnStatement(only) || !only.expression || !ts.isPropertyAccessExpression(only.expression)) return undefined;
  const read = only.expression;
  if (read.expression.kind !== ts.SyntaxKind.ThisKeyword || !ts.isIdentifier(read.name)) return undefined;
  const declaration = context.symbolOf(read.name)?.valueDeclaration;
  return declaration &&
    ts.isPropertyDeclaration(declaration) &&
    declaration.parent === getter.parent &&
    !hasModifier(declaration, ts.SyntaxKind.StaticKeyword)
    ? read.name.text
    : undefined;
}

/**
 * A class no other module can extend and that nothing in its module extends: it is not
 * exported, and no `extends` clause (or export) in its module names it.
 */
export function isFinalClass(owner: ts.ClassDeclaration): boolean {
  if (!owner.name || hasModifier(owner, ts.SyntaxKind.ExportKeyword) || hasModifier(owner, ts.SyntaxKind.DefaultKeyword)) return false;
  const name = owner.name.text;
  let named = false;
  const visit = (node: ts.Node): void => {
    if (named) return;
    if (ts.isHeritageClause(node) || ts.isExportSpecifier(node) || ts.isExportAssignment(node)) {
      if (node.getText().includes(name)) named = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner.getSourceFile());
  return !named;
}

function isStatic(member: ts.ClassElement): boolean {
  return hasModifier(member, ts.SyntaxKind.StaticKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}
