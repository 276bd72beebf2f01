import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";

/**
 * The Python name each class is emitted under: its own for a declaration, the variable's or a
 * temporary for a class expression (`const Shape = class { … }`, `return class extends B {}`).
 * A static method's `this` and `super` name the class by it.
 */
const emittedNames = new WeakMap<ts.ClassLikeDeclaration, string>();

export function rememberClassName(node: ts.ClassLikeDeclaration, name: string): void {
  emittedNames.set(node, name);
}

export function classPythonName(node: ts.ClassLikeDeclaration, context: TransformationContext): string | undefined {
  return emittedNames.get(node) ?? (node.name ? context.pythonName(node.name) : undefined);
}
