import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { typeOf } from "../types.js";

/**
 * `x.constructor` of a class instance is its class, the one it was made by (a subclass's for a
 * value typed as its base), as Python's `type(x)` is. Other values (object literals, arrays,
 * numbers) are left to the caller, which rejects them.
 */
export function instanceConstructor(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (node.name.text !== "constructor" || !isClassInstance(node.expression, context)) return undefined;
  return py.call(py.name("type"), [context.transformExpression(node.expression)]);
}

/** Whether the value is an instance of one of the program's classes (its type is the class's instance type). */
function isClassInstance(node: ts.Expression, context: TransformationContext): boolean {
  let type = typeOf(context, node);
  // `this` in a method, or a type parameter bounded by a class: any value is an instance of it or of a subclass.
  if (type.isTypeParameter()) type = context.checker.getBaseConstraintOfType(type) ?? type;
  if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Reference)))
    return false;
  const symbol = type.getSymbol();
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Class)) return false;
  return context.isDeclaredByUser(symbol);
}

/** `x.constructor.name` of a class instance: its class's JavaScript name (js_class_name). */
export function instanceConstructorName(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (node.name.text !== "name" || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const constructor = instanceConstructor(node.expression, context);
  return constructor && py.call(context.useHelper("js_class_name"), [constructor]);
}

/**
 * The JavaScript name of a class the build emits under another Python name (a class expression
 * under its variable's name or a temporary, a name clashing with Python's), else undefined. An
 * anonymous class expression passed or returned has the name "".
 */
export function renamedClassName(node: ts.ClassLikeDeclaration, pythonName: string): string | undefined {
  const name = node.name?.text ?? (ts.isClassDeclaration(node) ? "default" : assignedName(node));
  return name === pythonName ? undefined : name;
}

function assignedName(node: ts.ClassLikeDeclaration): string {
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.initializer === node && ts.isIdentifier(parent.name))
    return parent.name.text;
  return "";
}
