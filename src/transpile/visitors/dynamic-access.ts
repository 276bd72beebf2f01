import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { isWrittenTo, transformArgs } from "../builtins/arguments.js";
import { callbackArity } from "../builtins/callbacks.js";
import * as libraryDiagnostics from "../builtins/diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { isAnyLike, isArrayType, isNumberType, isStringType, typeOf } from "../types.js";

/**
 * Values whose type the checker does not know (`any`, above all `JSON.parse` results): what a
 * member access, an index or a method call means depends on what the value holds at run time,
 * so they go through small helpers that look (js_get, any_call) instead of being emitted as
 * attribute reads that are only right for objects (`x.length` on a string or list).
 */

/** Methods of strings, arrays and numbers the any_call helper performs as JavaScript does. */
const dynamicMethods = new Set([
  // strings
  "toUpperCase",
  "toLowerCase",
  "trim",
  "trimStart",
  "trimEnd",
  "startsWith",
  "endsWith",
  "substring",
  "split",
  "replace",
  "replaceAll",
  "padStart",
  "padEnd",
  "repeat",
  "charAt",
  "charCodeAt",
  // arrays
  "push",
  "pop",
  "shift",
  "unshift",
  "map",
  "filter",
  "forEach",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "reduce",
  "reduceRight",
  "join",
  "splice",
  "reverse",
  "sort",
  "fill",
  "flat",
  // both
  "includes",
  "indexOf",
  "lastIndexOf",
  "slice",
  "concat",
  "at",
  "toString",
  // numbers
  "toFixed",
]);

/** Library methods a value typed any could hold that any_call does not perform: rejected, not guessed. */
/** Object.prototype methods tsmp's objects do not carry, and what to write instead. */
const objectPrototypeInstead: Record<string, string> = {
  isPrototypeOf: "test the class with instanceof (o instanceof C)",
  propertyIsEnumerable: "use Object.hasOwn(o, key) (tsmp's own properties are enumerable unless Object.defineProperty hid them)",
  __defineGetter__: "use Object.defineProperty(o, key, { get })",
  __defineSetter__: "use Object.defineProperty(o, key, { set })",
  __lookupGetter__: "read the property itself",
  __lookupSetter__: "write the property itself",
};

const rejectedMethods = new Set([
  "normalize",
  "localeCompare",
  "codePointAt",
  "match",
  "matchAll",
  "search",
  "toLocaleString",
  "toLocaleUpperCase",
  "toLocaleLowerCase",
  "trimLeft",
  "trimRight",
  "substr",
  "copyWithin",
  "entries",
  "keys",
  "values",
  "flatMap",
  "toReversed",
  "toSorted",
  "toSpliced",
  "with",
  "toPrecision",
  "toExponential",
  "valueOf",
  "isWellFormed",
  "toWellFormed",
]);

/**
 * Whether the checker cannot tell which JavaScript operation `receiver.member` is: the value is
 * typed any or unknown, a type parameter, a union of strings, arrays, numbers or objects
 * (`string | number[]`), or a structural type whose `length` or library-named method a string
 * or an array satisfies as well (`function f(x: { length: number })` called with "abc").
 */
export function isDynamicValue(receiver: ts.Expression, context: TransformationContext, member?: ts.Identifier): boolean {
  const type = context.classifiedTypeOf(receiver);
  if (isAnyLike(type) || isTypeParameter(type) || isRecordAssertedOnUnknown(receiver, context)) return true;
  if (type.isUnion() && new Set(type.types.filter((part) => !(part.flags & nullish)).map((part) => kindOf(part, context))).size > 1) {
    return type.types.some((part) => kindOf(part, context) !== "object");
  }
  if (!member || (member.text !== "length" && !dynamicMethods.has(member.text))) return false;
  const declaration = context.symbolOf(member)?.declarations?.[0];
  const owner = declaration?.parent;
  return (
    owner !== undefined &&
    (ts.isInterfaceDeclaration(owner) || ts.isTypeLiteralNode(owner)) &&
    context.isDeclaredByUser(context.symbolOf(member)!)
  );
}

/**
 * `(v as Record<string, unknown>)[k]` of a value typed unknown, any, `object`, `{}` or a type parameter (a
 * deepEqual or a JSON walker): the assertion says nothing of what `v` holds, which may be an
 * array or a class instance rather than a dict, so it is read as `v` itself would be.
 */
function isRecordAssertedOnUnknown(receiver: ts.Expression, context: TransformationContext): boolean {
  let node = receiver;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (!ts.isAsExpression(node) && !ts.isTypeAssertionExpression(node)) return false;
  const asserted = context.classifiedTypeOf(node);
  if (!context.checker.getIndexInfoOfType(asserted, ts.IndexKind.String) || asserted.getProperties().length > 0) return false;
  let operand = node.expression;
  while (ts.isParenthesizedExpression(operand) || ts.isNonNullExpression(operand)) operand = operand.expression;
  const type = context.classifiedTypeOf(operand);
  // `{}` is what `unknown` narrows to once null is ruled out (`v !== null`).
  const isEmptyObject = (part: ts.Type) =>
    (part.flags & ts.TypeFlags.Object) !== 0 &&
    part.getProperties().length === 0 &&
    part.getCallSignatures().length === 0 &&
    part.getConstructSignatures().length === 0 &&
    !context.checker.getIndexInfosOfType(part).length;
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & nullish));
  return (
    parts.length > 0 &&
    parts.every((part) => isAnyLike(part) || isTypeParameter(part) || (part.flags & ts.TypeFlags.NonPrimitive) !== 0 || isEmptyObject(part))
  );
}

/**
 * A type parameter, except the `this` type of a class's own members (its fields are known), or
 * an intersection with one (`T & {}`, which TypeScript writes for a non-nullable `T`).
 */
function isTypeParameter(type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.some(isTypeParameter);
  return (type.flags & ts.TypeFlags.TypeParameter) !== 0 && !(type as { isThisType?: boolean }).isThisType;
}

const nullish = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;

function kindOf(part: ts.Type, context: TransformationContext): string {
  if (isTypeParameter(part) || isAnyLike(part)) return "dynamic";
  if (isStringType(part)) return "string";
  if (isNumberType(part)) return "number";
  if (isArrayType(context, part)) return "array";
  return "object";
}

/**
 * `p.name` on a value typed any: `js_get(p, "name")`. A write is an item store (`p["name"] = v`),
 * which JSON-like objects record in their key order; a value of a declared shape (a type
 * parameter's constraint names its properties) is written as an attribute.
 */
export function transformDynamicProperty(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isIdentifier(node.name) || !isDynamicValue(node.expression, context, node.name)) return undefined;
  const receiver = context.transformExpression(node.expression);
  if (isWrittenTo(node)) {
    if (isAnyLike(typeOf(context, node.expression))) return py.subscript(receiver, py.str(node.name.text));
    return py.attribute(receiver, pythonSafeAttribute(node.name.text));
  }
  return py.call(context.useHelper("js_get"), [receiver, py.str(node.name.text)]);
}

/** `p[k]` on a value typed any: `js_get(p, k)` (in-range elements, keys, attributes); writes are item stores. */
export function transformDynamicElement(node: ts.ElementAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (!isDynamicValue(node.expression, context)) return undefined;
  const receiver = context.transformExpression(node.expression);
  const { first, result: key } = context.transformAfter(receiver, () => context.transformExpression(node.argumentExpression));
  if (isWrittenTo(node)) {
    if (isStringType(typeOf(context, node.argumentExpression))) return py.subscript(first, key);
    // A number key is a list's index but a dict's or object's text: any_key tells them apart.
    const receiver = first.kind === "Name" || first.kind === "Constant" ? first : context.temporary("target");
    if (receiver !== first) context.addPrecedingStatements(py.assign(receiver, first));
    return py.subscript(receiver, py.call(context.useHelper("any_key"), [receiver, key]));
  }
  return py.call(context.useHelper("js_get"), [first, key]);
}

/**
 * `p.method(args)` on a value typed any. A string, array or number method goes through
 * any_call, which picks the JavaScript behaviour by what `p` holds; another name is the
 * object's own method (a class instance, a function stored in a JSON-like object).
 */
export function transformDynamicCall(node: ts.CallExpression, context: TransformationContext): py.Expression | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name) || !isDynamicValue(callee.expression, context, callee.name))
    return undefined;
  const name = callee.name.text;
  if (rejectedMethods.has(name)) {
    context.report(libraryDiagnostics.dynamicMethod(callee, callee.expression.getText(), name));
    return py.none();
  }
  const instead = Object.hasOwn(objectPrototypeInstead, name) ? objectPrototypeInstead[name] : undefined;
  if (instead !== undefined) {
    context.report(libraryDiagnostics.objectMethodOnAny(callee, callee.expression.getText(), name, instead));
    return py.none();
  }
  const receiver = context.transformExpression(callee.expression);
  // Object.prototype's, which every object inherits; tsmp's objects do not carry it.
  if (name === "hasOwnProperty") {
    return py.call(context.useHelper("obj_has_own"), [receiver, ...context.transformInOrder([...node.arguments])]);
  }
  const build = () => {
    const args = transformArgs(node, context);
    if (!dynamicMethods.has(name)) return py.call(py.attribute(receiver, pythonSafeAttribute(name)), args);
    const arity = callbackArityOf(node, name, context);
    return py.call(context.useHelper("any_call"), [receiver, py.str(name), py.num(arity), ...args]);
  };
  return context.namesFixedValue(callee.expression) ? build() : context.transformAround(receiver, build);
}

/** How many parameters the callback argument declares (0 when there is none). */
function callbackArityOf(node: ts.CallExpression, name: string, context: TransformationContext): number {
  const callback = node.arguments.find(
    (argument) => context.checker.getSignaturesOfType(typeOf(context, argument), ts.SignatureKind.Call).length > 0,
  );
  if (!callback) return 0;
  return callbackArity(callback, context, `${name} on a value typed any`, name === "reduce" || name === "reduceRight" ? 4 : 3);
}
