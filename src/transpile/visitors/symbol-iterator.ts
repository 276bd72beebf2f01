import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isWellKnownSymbol } from "../builtins/library.js";
import { functionDefinition } from "./function.js";

/**
 * The iteration protocol on the program's own objects. A `[Symbol.iterator]()` method of a
 * class or an object literal is the Python method `_js_iterator`, and its class's `__iter__`
 * is js_iterate, which for…of, spread and Array.from reach through Python's iter(): it gives a
 * generator back as it is and walks any other iterator by its next() and `{ value, done }`
 * results. `o[Symbol.iterator]()` calls the method.
 */
export const iteratorMethodName = "_js_iterator";

/** `Symbol.iterator`, the library's, written as a computed name or an index. */
export function isSymbolIterator(name: ts.Node | undefined, context: TransformationContext): boolean {
  return isWellKnownSymbol(name, "iterator", context);
}

/** The method under its Python name, taking its receiver first. */
export function iteratorDefinition(method: ts.MethodDeclaration, receiver: string, context: TransformationContext): py.FunctionDef {
  reportClosingIterator(method, context);
  return functionDefinition(iteratorMethodName, method, context, { leadingParameters: [receiver] });
}

/** `__iter__ = js_iterate`, in the class body next to the method. */
export function pythonIteration(context: TransformationContext): py.Statement {
  return py.assign(py.name("__iter__"), context.useHelper("js_iterate"));
}

/**
 * An iterator of the program's with a `return()` method: JavaScript calls it when a for…of
 * ends early (break, return, throw), which a Python loop cannot tell it. Generators are
 * Python's own (their difference is documented in docs/semantics.md).
 */
export function reportClosingIterator(method: ts.MethodDeclaration, context: TransformationContext): void {
  if (method.asteriskToken) return;
  const signature = context.checker.getSignatureFromDeclaration(method);
  if (!signature) return;
  const closing = context.checker.getReturnTypeOfSignature(signature).getProperty("return");
  if (closing && context.isDeclaredByUser(closing)) context.report(diagnostics.closingIterator(method));
}

/**
 * `o[Symbol.iterator]()` of a class or object literal of the program's: its `_js_iterator`.
 * Only called where it is read: taken off its object, the Python method would keep it as `this`.
 */
export function ownIteratorMethod(node: ts.ElementAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (!isSymbolIterator(node.argumentExpression, context)) return undefined;
  if (!ts.isCallExpression(node.parent) || node.parent.expression !== node) return undefined;
  const type = context.checker.getNonNullableType(context.checker.getTypeAtLocation(node.expression));
  const member = type.getProperties().find((property) => property.getName().startsWith("__@iterator"));
  if (!member || !context.isDeclaredByUser(member)) return undefined;
  return py.attribute(context.transformExpression(node.expression), iteratorMethodName);
}
