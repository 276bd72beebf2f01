import { ts } from "../typescript.js";
import { transformBuiltinIdentifier } from "../builtins/index.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { takesExplicitThis } from "./this-call.js";
import { enumObject, enumUsedAsValue } from "../builtins/enum-object.js";
import { namespaceMemberReference } from "./namespace.js";
import { classPythonName } from "./class-names.js";
import { literalFunctionProperty, takesClass } from "./class-receivers.js";
import { reportEscapingClass } from "./class-accessors.js";
import { liveBindingRead } from "./live-bindings.js";
import { namespaceObject } from "./namespace-objects.js";

export function transformIdentifier(node: ts.Identifier, context: TransformationContext): py.Expression {
  // `undefined` is a keyword in all but name (its symbol has no declaration): Python's None.
  if (node.text === "undefined" && !context.symbolOf(node)?.declarations?.length) return py.none();
  // The arguments object (a module is strict code, so the name is never the program's own).
  if (node.text === "arguments" && !context.symbolOf(node)?.declarations?.length) {
    context.report(diagnostics.argumentsObject(node));
    return py.none();
  }
  reportEscapingClass(node, context);
  if (node.text === "globalThis" && isLibraryGlobal(node, context)) {
    context.report(diagnostics.globalObject(node));
    return py.none();
  }
  return (
    transformBuiltinIdentifier(node, context) ??
    liveBindingRead(node, context) ??
    namespaceObject(node, context) ??
    namespaceMemberReference(node, context) ??
    enumAsObject(node, context) ??
    py.name(context.pythonName(node))
  );
}

/** Whether the identifier is TypeScript's own global (declared by its library), not the program's. */
function isLibraryGlobal(node: ts.Identifier, context: TransformationContext): boolean {
  const declarations = context.symbolOf(node)?.declarations ?? [];
  return declarations.every((declaration) => declaration.getSourceFile().hasNoDefaultLib);
}

/** An enum used as a value of its own (`for (const k in E)`, `E as any`, passed to a function). */
function enumAsObject(node: ts.Identifier, context: TransformationContext): py.Expression | undefined {
  const properties = enumUsedAsValue(node, context.symbolOf(node), context);
  return properties && enumObject(properties, context);
}

/** `this` is `self` in methods; in a static member the class it is called on (`cls`), or the class itself. */
export function transformThis(node: ts.ThisExpression, context: TransformationContext): py.Expression {
  let current: ts.Node = node.parent;
  while (!ts.isSourceFile(current)) {
    if ((ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) && takesExplicitThis(current)) return py.name("this");
    // `f: function () { … this … }` in an object literal is a method as far as `this` goes.
    if (ts.isFunctionExpression(current) && literalFunctionProperty(current)) return py.name("this");
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) break;
    // A static block's `this` is its class (which exists when the block runs, visitors/class.ts).
    if (ts.isClassStaticBlockDeclaration(current)) {
      const className = classPythonName(current.parent, context);
      if (className) return py.name(className);
      break;
    }
    // An object literal's method takes its object as `this` (object-literal.ts binds it), and
    // so do its getters and setters (properties of the literal's own class).
    if ((ts.isMethodDeclaration(current) || ts.isAccessor(current)) && ts.isObjectLiteralExpression(current.parent)) return py.name("this");
    if (
      (ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isGetAccessor(current) || ts.isSetAccessor(current)) &&
      ts.isClassLike(current.parent)
    ) {
      if (takesClass(current)) {
        reportEscapingClass(node, context);
        return py.name("cls");
      }
      const isStatic = ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;
      const className = isStatic ? classPythonName(current.parent, context) : undefined;
      if (className) return py.name(className);
      return py.name("self");
    }
    if (ts.isConstructorDeclaration(current)) return py.name("self");
    current = current.parent;
  }
  context.report(diagnostics.thisOutsideClass(node));
  return py.name("self");
}
