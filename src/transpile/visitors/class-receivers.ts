import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { classPythonName } from "./class-names.js";

function isStatic(member: ts.Node): boolean {
  return (
    ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false)
  );
}

/** Whether `this` or `super` in this member's (or function's) body, not in a nested function, refers to its receiver. */
export function readsReceiver(member: ts.ClassElement | ts.ObjectLiteralElement | ts.FunctionExpression): boolean {
  // Asked several times for each member (method values, calls on this, object literals): walked once.
  let reads = receiverReaders.get(member);
  if (reads === undefined) {
    const visit = (node: ts.Node): boolean => {
      if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
      if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return false;
      return ts.forEachChild(node, visit) ?? false;
    };
    reads = ts.forEachChild(member, visit) ?? false;
    receiverReaders.set(member, reads);
  }
  return reads;
}

const receiverReaders = new WeakMap<ts.Node, boolean>();

/**
 * `f: function () { … }` in an object literal, unnamed and without a `this` parameter of its
 * own: JavaScript gives it the object it is called on as `this`, as it gives a method.
 */
export function literalFunctionProperty(node: ts.FunctionExpression): boolean {
  const parent = node.parent;
  const [first] = node.parameters;
  const ownThis = first !== undefined && ts.isIdentifier(first.name) && first.name.text === "this";
  return (
    node.name === undefined &&
    !ownThis &&
    ts.isPropertyAssignment(parent) &&
    parent.initializer === node &&
    ts.isObjectLiteralExpression(parent.parent)
  );
}

/** The function expression of `f: function () { … this … }`, which is bound to its object as a method is. */
export function thisReadingFunction(property: ts.ObjectLiteralElement): ts.FunctionExpression | undefined {
  if (!ts.isPropertyAssignment(property) || !ts.isFunctionExpression(property.initializer)) return undefined;
  const fn = property.initializer;
  return literalFunctionProperty(fn) && readsReceiver(fn) ? fn : undefined;
}

/**
 * A static member that takes the class it is called on, as a `@classmethod` with `cls`: in
 * JavaScript `this` in `static f()` called as `Derived.f()` is `Derived`, whose own static
 * fields it reads. Static accessors always do (they are called by name, see class-accessors.ts);
 * static methods when they read `this` or `super`.
 */
export function takesClass(member: ts.Node): boolean {
  if (!isStatic(member) || !ts.isClassLike(member.parent)) return false;
  if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) return true;
  return ts.isMethodDeclaration(member) && readsReceiver(member);
}

/** The class member whose body holds `node` (arrow functions keep their member's `this`). */
function enclosingMember(node: ts.Node): ts.Node | undefined {
  let current: ts.Node = node;
  while (!ts.isSourceFile(current) && !ts.isClassLike(current.parent)) current = current.parent;
  return ts.isSourceFile(current) ? undefined : current;
}

/** `super()`; in a static member, which has no instance, `super(Class, cls)` (or `super(Class, Class)` in a field). */
export function superOf(node: ts.Node, context: TransformationContext): py.Expression {
  const member = enclosingMember(node);
  if (!member || !isStatic(member) || !ts.isClassLike(member.parent)) return py.call(py.name("super"));
  const className = classPythonName(member.parent, context);
  if (!className) return py.call(py.name("super"));
  return py.call(py.name("super"), [py.name(className), takesClass(member) ? py.name("cls") : py.name(className)]);
}
