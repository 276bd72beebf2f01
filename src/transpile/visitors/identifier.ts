import { ts } from "../typescript.js";
import { transformBuiltinIdentifier } from "../builtins/index.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { takesExplicitThis } from "./this-call.js";
import { namespaceMemberReference } from "./namespace.js";
import { classPythonName } from "./class-names.js";

export function transformIdentifier(node: ts.Identifier, context: TransformationContext): py.Expression {
  // `undefined` is a keyword in all but name (its symbol has no declaration): JS's null and
  // undefined are both None.
  if (node.text === "undefined" && !context.symbolOf(node)?.declarations?.length) return py.none();
  return transformBuiltinIdentifier(node, context) ?? namespaceMemberReference(node, context) ?? py.name(context.pythonName(node));
}

/** `this` is `self` in methods; in a static method it is the class itself. */
export function transformThis(node: ts.ThisExpression, context: TransformationContext): py.Expression {
  let current: ts.Node = node.parent;
  while (!ts.isSourceFile(current)) {
    if ((ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) && takesExplicitThis(current)) return py.name("this");
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isClassStaticBlockDeclaration(current)) break;
    if (
      (ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isGetAccessor(current) || ts.isSetAccessor(current)) &&
      ts.isClassLike(current.parent)
    ) {
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
