import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isArrayType, isRecordType, isStringType, typeOf } from "../types.js";
import * as libraryDiagnostics from "./diagnostics.js";
import type { CallMapping } from "./mapping.js";

/**
 * Object.defineProperty as far as MicroPython can keep it. Python attributes cannot refuse a
 * write or a delete, and a getter would be shadowed by the first assignment, so only data
 * properties that stay writable and configurable are emitted (obj_define); `enumerable: false`
 * hides the key from everything that lists keys. A descriptor mixing accessors with `value` or
 * `writable` throws a TypeError, as in JavaScript (obj_bad_descriptor).
 */

const dataFields = new Set(["value", "writable"]);
const accessorFields = new Set(["get", "set"]);
const flagFields = new Set(["writable", "enumerable", "configurable"]);

interface Descriptor {
  value?: ts.Expression;
  flags: Map<string, boolean>;
  accessors: boolean;
  data: boolean;
  /** Every initializer, in source order: evaluated before a TypeError, as JavaScript does. */
  initializers: ts.Expression[];
}

/** The descriptor when it is an object literal tsmp can read statically, else a reason it is not. */
function readDescriptor(node: ts.Expression): Descriptor | string {
  if (!ts.isObjectLiteralExpression(node)) return "a descriptor that is not an object literal";
  const descriptor: Descriptor = { flags: new Map(), accessors: false, data: false, initializers: [] };
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return "a descriptor with methods or spreads";
    if (!ts.isIdentifier(property.name) && !ts.isStringLiteral(property.name)) return "a descriptor with computed keys";
    const name = property.name.text;
    const initializer = ts.isPropertyAssignment(property) ? property.initializer : property.name;
    descriptor.initializers.push(initializer);
    if (accessorFields.has(name)) descriptor.accessors = true;
    if (dataFields.has(name)) descriptor.data = true;
    if (name === "value") descriptor.value = initializer;
    else if (flagFields.has(name)) {
      if (initializer.kind === ts.SyntaxKind.TrueKeyword) descriptor.flags.set(name, true);
      else if (initializer.kind === ts.SyntaxKind.FalseKeyword) descriptor.flags.set(name, false);
      else return `'${name}' given by an expression (write true or false)`;
    }
  }
  return descriptor;
}

/** A plain object (literal or class instance): Python attributes of an instance with a __dict__. */
function isPlainObjectType(context: TransformationContext, type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || isArrayType(context, type) || isRecordType(context, type)) return false;
  if (type.getCallSignatures().length > 0) return false;
  const symbol = type.getSymbol();
  if (!symbol) return false;
  if (symbol.flags & (ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.TypeLiteral)) return true;
  return (symbol.flags & ts.SymbolFlags.Class) !== 0 && context.isDeclaredByUser(symbol);
}

/**
 * Whether the target surely has the key as an own property created by assignment (writable and
 * configurable): an object literal's property or a class field, never optional or `declare`d.
 */
function surelyOwns(context: TransformationContext, type: ts.Type, key: string): boolean {
  const property = context.checker.getPropertyOfType(type, key);
  if (!property?.declarations?.length || property.flags & ts.SymbolFlags.Optional) return false;
  return property.declarations.every(
    (declaration) =>
      ts.isPropertyAssignment(declaration) ||
      ts.isShorthandPropertyAssignment(declaration) ||
      (ts.isPropertyDeclaration(declaration) &&
        !(ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Ambient | ts.ModifierFlags.Static))),
  );
}

export const defineProperty: CallMapping = (node, context) => {
  const [target, key, descriptorNode] = node.arguments;
  const reject = (reason: string) => {
    context.report(libraryDiagnostics.definePropertyUnsupported(node, reason));
    return py.none();
  };
  if (!target || !key || !descriptorNode || node.arguments.length !== 3) return reject("a call without exactly three arguments");
  const descriptor = readDescriptor(descriptorNode);
  if (typeof descriptor === "string") return reject(descriptor);
  if (descriptor.accessors && descriptor.data) {
    // JavaScript evaluates the arguments, then refuses the descriptor.
    return py.call(context.useHelper("obj_bad_descriptor"), context.transformInOrder([target, key, ...descriptor.initializers]));
  }
  if (descriptor.accessors) return reject("a getter or setter (get/set)");
  // `this` in a class body has the class's polymorphic this-type: its constraint is the class.
  const written = typeOf(context, target);
  const targetType = written.isTypeParameter() ? (context.checker.getBaseConstraintOfType(written) ?? written) : written;
  if (!isPlainObjectType(context, targetType)) return reject("a target that is not an object literal or a class instance");
  if (!isStringType(typeOf(context, key))) return reject("a key that is not a string");
  const owned = ts.isStringLiteralLike(key) && surelyOwns(context, targetType, key.text);
  for (const flag of ["writable", "configurable"]) {
    const given = descriptor.flags.get(flag);
    if (given === false) return reject(`${flag}: false`);
    if (given === undefined && !owned) return reject(`'${flag}' left out for a property that may not exist yet (it would be false)`);
  }
  const enumerable = descriptor.flags.get("enumerable");
  const [object, name, ...value] = context.transformInOrder(descriptor.value ? [target, key, descriptor.value] : [target, key]);
  return py.call(context.useHelper("obj_define"), [object!, name!, enumerable === undefined ? py.none() : py.bool(enumerable), ...value]);
};
