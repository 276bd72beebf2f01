import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { isIdentifierName, writtenName } from "./member-names.js";

/**
 * JavaScript keeps a class's static members (the constructor's properties) apart from its
 * instance methods and accessors (the prototype's); a Python class has one namespace, and an
 * instance finds the class's attributes too. So a static field or method named like a method or
 * accessor that instances of its class find (their own class's or a base's) is stored as
 * `_js_static_<name>`, and every `C.x`, `C["x"]`, `this.x` in a static member and `super.x`
 * the checker resolves to it reads that name. Statics of one name keep one Python name down a
 * hierarchy; a class that would break that (an instance method named like a base class's
 * static) is rejected, and such a class used as a value of another type is TSMP1045.
 */
export function staticStorageName(declaration: ts.Declaration, context: TransformationContext): string | undefined {
  let known = storageNames.get(context);
  if (!known) storageNames.set(context, (known = new Map()));
  let stored = known.get(declaration);
  if (stored === undefined) {
    stored = null;
    if (
      (ts.isPropertyDeclaration(declaration) || ts.isMethodDeclaration(declaration)) &&
      isStatic(declaration) &&
      ts.isClassLike(declaration.parent)
    ) {
      const name = writtenName(declaration, context);
      if (name !== undefined && isIdentifierName(name) && instancesFindOnClass(declaration.parent, name, context)) {
        stored = `_js_static_${pythonSafeAttribute(name)}`;
      }
    }
    known.set(declaration, stored);
  }
  return stored ?? undefined;
}

const storageNames = new WeakMap<TransformationContext, Map<ts.Declaration, string | null>>();

/** The Python attribute a property access names (`C.x`, `this.x`, `super.x`, `C["x"]`): a static stored apart has its own. */
export function memberAttribute(name: ts.Node, text: string, context: TransformationContext): string {
  for (const declaration of context.symbolOf(name)?.declarations ?? []) {
    const stored = staticStorageName(declaration, context);
    if (stored) return stored;
  }
  return pythonSafeAttribute(text);
}

/** Whether a class (its constructor value) has statics stored apart, its own or inherited. */
export function hasStaticsStoredApart(classSymbol: ts.Symbol, context: TransformationContext): boolean {
  return context.checker
    .getTypeOfSymbol(classSymbol)
    .getProperties()
    .some((property) => property.declarations?.some((declaration) => staticStorageName(declaration, context) !== undefined) ?? false);
}

/**
 * The clashes storing statics apart does not resolve: a static accessor named like an instance
 * accessor (both keep their functions as `_get_<name>`), a static with a name Python cannot
 * spell or with decorators named like an instance method, and an instance method or accessor
 * named like a base class's static that is not stored apart (reads the checker resolves to that
 * static, `Sub.x` or `this.x` in the base's static methods, would find the method).
 */
export function reportSharedNames(node: ts.ClassLikeDeclaration, context: TransformationContext): void {
  const classSymbol = context.checker.getTypeAtLocation(node).getSymbol();
  if (!classSymbol) return;
  for (const member of node.members) {
    const name =
      writtenName(member, context) ?? (member.name && !ts.isComputedPropertyName(member.name) ? member.name.getText() : undefined);
    if (name === undefined) continue;
    if (isStatic(member)) {
      const instanceMember = context.checker.getDeclaredTypeOfSymbol(classSymbol).getProperty(name);
      const instanceDeclarations = instanceMember?.declarations?.filter(isInstanceMethodOrAccessor) ?? [];
      if (instanceDeclarations.length === 0) continue;
      const clash = isAccessor(member)
        ? instanceDeclarations.some(isAccessor)
        : !isIdentifierName(name) || (ts.canHaveDecorators(member) && (ts.getDecorators(member)?.length ?? 0) > 0);
      if (clash) context.report(diagnostics.unsupportedClassMember(member, "Static members named like an instance method or accessor"));
      continue;
    }
    if (!isInstanceMethodOrAccessor(member)) continue;
    const inherited = context.checker.getTypeOfSymbol(classSymbol).getProperty(name);
    const clash = inherited?.declarations?.some(
      (declaration) =>
        declaration.parent !== node &&
        isStatic(declaration) &&
        (isAccessor(declaration) ? isAccessor(member) : staticStorageName(declaration, context) === undefined),
    );
    if (clash)
      context.report(diagnostics.unsupportedClassMember(member, "Instance methods and accessors named like a base class's static member"));
  }
}

function instancesFindOnClass(node: ts.ClassLikeDeclaration, name: string, context: TransformationContext): boolean {
  const classSymbol = context.checker.getTypeAtLocation(node).getSymbol();
  const property = classSymbol && context.checker.getDeclaredTypeOfSymbol(classSymbol).getProperty(name);
  return property?.declarations?.some(isInstanceMethodOrAccessor) ?? false;
}

function isInstanceMethodOrAccessor(declaration: ts.Node): boolean {
  return ts.isClassLike(declaration.parent) && !isStatic(declaration) && (ts.isMethodDeclaration(declaration) || isAccessor(declaration));
}

function isAccessor(node: ts.Node): boolean {
  return ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

function isStatic(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}
