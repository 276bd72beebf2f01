import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { isTypedArrayName } from "./typed-array-names.js";

/**
 * Type questions the type-directed visitors ask. Everything here looks at the checker's view
 * of an expression, never at its spelling.
 */

function every(type: ts.Type, test: (part: ts.Type) => boolean): boolean {
  return type.isUnion() ? type.types.every(test) : test(type);
}

function some(type: ts.Type, test: (part: ts.Type) => boolean): boolean {
  return type.isUnion() ? type.types.some(test) : test(type);
}

export function typeOf(context: TransformationContext, node: ts.Node): ts.Type {
  return context.typeOf(node);
}

const stringFlags = ts.TypeFlags.StringLike;
const numberFlags = ts.TypeFlags.NumberLike;
const booleanFlags = ts.TypeFlags.BooleanLike;
const nullishFlags = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;

export const isStringType = (type: ts.Type) => every(type, (part) => (part.flags & stringFlags) !== 0);
export const isNumberType = (type: ts.Type) => every(type, (part) => (part.flags & numberFlags) !== 0);
export const isBooleanType = (type: ts.Type) => every(type, (part) => (part.flags & booleanFlags) !== 0);
export const isNullishType = (type: ts.Type) => every(type, (part) => (part.flags & nullishFlags) !== 0);
export const isAnyLike = (type: ts.Type) => (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;

/** Objects, arrays, functions, class instances: never null, and truthy in JS even when empty. */
function isObjectPart(part: ts.Type): boolean {
  return (part.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive)) !== 0 || part.isIntersection();
}

/** Primitive whose JS and Python truthiness agree (NaN aside): numbers, strings, booleans. */
function isPrimitivePart(part: ts.Type): boolean {
  return (part.flags & (stringFlags | numberFlags | booleanFlags | ts.TypeFlags.EnumLike)) !== 0;
}

export type Truthiness =
  /** The value itself is a fine Python condition. */
  | "native"
  /** An object that can only be null/undefined when falsy: test `is not None`. */
  | "not-none"
  /** Always truthy (a non-nullable object). */
  | "always"
  /** Mixed or unknown: needs the runtime helper. */
  | "dynamic";

export function truthinessOf(type: ts.Type): Truthiness {
  if (isAnyLike(type)) return "dynamic";
  if (every(type, (part) => isPrimitivePart(part) || (part.flags & nullishFlags) !== 0)) return "native";
  if (every(type, (part) => isObjectPart(part) || (part.flags & nullishFlags) !== 0)) {
    return some(type, (part) => (part.flags & nullishFlags) !== 0) ? "not-none" : "always";
  }
  return "dynamic";
}

/**
 * An object type that primitives are assignable to: `{}`, `Object`, or an interface with no
 * members (`const x: {} = 0` checks).
 */
export function mayHoldPrimitive(type: ts.Type): boolean {
  return some(
    type,
    (part) =>
      (part.flags & ts.TypeFlags.Object) !== 0 &&
      (part.getSymbol()?.getName() === "Object" ||
        (part.getProperties().length === 0 && part.getCallSignatures().length === 0 && part.getConstructSignatures().length === 0)),
  );
}

/** `===` compares objects by identity (`is`) and primitives by value (`==`). */
export function comparesByIdentity(left: ts.Type, right: ts.Type): boolean {
  const objectOnly = (type: ts.Type) => every(type, (part) => isObjectPart(part) || (part.flags & nullishFlags) !== 0);
  return objectOnly(left) && objectOnly(right);
}

/** A value of this type may be anything, or may hold a part with these flags. */
function mayHold(type: ts.Type, flags: ts.TypeFlags, objects = false): boolean {
  const anything = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter;
  return some(type, (part) => (part.flags & (flags | anything)) !== 0 || (objects && isObjectPart(part)));
}

/**
 * Whether `a === b` needs js_eq rather than Python's `==`: when one side may be a boolean and
 * the other a number (`True == 1` in Python), or both may be arrays (Python compares lists by
 * their items). Values typed `unknown`, `any` or by a type parameter may be either.
 */
export function needsStrictEquality(left: ts.Type, right: ts.Type): boolean {
  const boolean = ts.TypeFlags.BooleanLike;
  const number = ts.TypeFlags.NumberLike | ts.TypeFlags.EnumLike;
  return (
    (mayHold(left, boolean) && mayHold(right, number)) ||
    (mayHold(left, number) && mayHold(right, boolean)) ||
    (mayHold(left, ts.TypeFlags.Never, true) && mayHold(right, ts.TypeFlags.Never, true))
  );
}

/**
 * Whether `a == b` needs js_loose_eq rather than Python's `==`: when JavaScript would convert
 * one side, a string against a number or boolean, or an object against a primitive. Values
 * typed `unknown`, `any` or by a type parameter may be any of these.
 */
export function needsLooseEquality(left: ts.Type, right: ts.Type): boolean {
  const text = ts.TypeFlags.StringLike;
  const numeric = ts.TypeFlags.NumberLike | ts.TypeFlags.EnumLike | ts.TypeFlags.BooleanLike;
  const converts = (a: ts.Type, b: ts.Type) =>
    (mayHold(a, text) && mayHold(b, numeric)) || (mayHold(a, ts.TypeFlags.Never, true) && mayHold(b, text | numeric));
  return converts(left, right) || converts(right, left);
}

export function isArrayType(context: TransformationContext, type: ts.Type): boolean {
  return every(
    type,
    (part) => context.checker.isArrayType(part) || context.checker.isTupleType(part) || isTemplateStringsArray(part) || isMatchArray(part),
  );
}

/**
 * What exec() and match() give: a list (JsMatch) with index, input and groups beside it. A
 * group that took part in no match is undefined, though TypeScript types every element a string.
 */
export function isMatchArray(type: ts.Type): boolean {
  const name = type.getSymbol()?.getName();
  return name === "RegExpExecArray" || name === "RegExpMatchArray";
}

/** A tagged template's strings array: a list (its `raw` is kept beside it, see tpl_raw). */
export function isTemplateStringsArray(type: ts.Type): boolean {
  return type.getSymbol()?.getName() === "TemplateStringsArray";
}

/** The names of the classes in a type's base chain (`MyError`, `Error`). */
export function classChainNames(type: ts.Type): string[] {
  const names: string[] = [];
  let current: ts.Type | undefined = type;
  while (current) {
    const symbol: ts.Symbol | undefined = current.getSymbol();
    if (!symbol) break;
    names.push(symbol.getName());
    // `this` in a class's members, or a type parameter: its constraint (the class itself) goes on.
    const bases: readonly ts.Type[] | undefined = current.isClassOrInterface()
      ? current.getBaseTypes()
      : current.isTypeParameter()
        ? [current.getConstraint()].filter((constraint): constraint is ts.Type => constraint !== undefined && constraint !== current)
        : undefined;
    current = bases?.[0];
  }
  return names;
}

/**
 * Error, or a class deriving from it: these become Python exceptions. Only a class or an
 * interface counts: an enum member may be named `Error` too.
 */
export function isErrorType(type: ts.Type): boolean {
  return every(
    type,
    (part) =>
      ((part.getSymbol()?.flags ?? 0) & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) !== 0 && classChainNames(part).includes("Error"),
  );
}

/** Whether a call's result is a promise (so dropping it would never run the coroutine). */
export function isPromiseType(type: ts.Type): boolean {
  return some(type, (part) => {
    const name = part.getSymbol()?.getName();
    return name === "Promise" || name === "PromiseLike";
  });
}

/**
 * Whether a type is a dict in Python: it has a string index signature, or it is a data shape
 * MicroPython itself passes as a dict (see isFacadeDictType).
 */
export function isRecordType(context: TransformationContext, type: ts.Type): boolean {
  return every(type, (part) => isDictPart(context, part)) && !isArrayType(context, type);
}

function isDictPart(context: TransformationContext, part: ts.Type): boolean {
  return (
    context.checker.getIndexInfoOfType(part, ts.IndexKind.String) !== undefined ||
    isNumberKeyedRecordPart(context, part) ||
    isFacadeDictPart(context, part)
  );
}

/**
 * `Record<number, T>`, `{ [n: number]: T }`, an interface with only such a signature: a lookup
 * table whose keys are strings in JavaScript (`t[3]` and `t["3"]` are one key), so a dict like
 * a string-keyed record. A type with any property (`ArrayLike`, `String`, an enum object), a
 * call signature or a class's instances is something else, and so are arrays and the Python
 * objects the facade declares with `[index: number]` (isPythonItemsType).
 */
function isNumberKeyedRecordPart(context: TransformationContext, part: ts.Type): boolean {
  if ((part.flags & ts.TypeFlags.Object) === 0 || context.checker.getIndexInfoOfType(part, ts.IndexKind.Number) === undefined) return false;
  if (part.getProperties().length > 0 || part.getCallSignatures().length > 0 || part.getConstructSignatures().length > 0) return false;
  if (context.checker.isArrayType(part) || context.checker.isTupleType(part)) return false;
  const symbol = part.getSymbol();
  if (symbol && (symbol.flags & ts.SymbolFlags.Class) !== 0) return false;
  return !(symbol && (symbol.flags & ts.SymbolFlags.Interface) !== 0 && context.isDeclaredByFacade(symbol));
}

/**
 * A type assertion tsmp cannot honour: `value as { name: string }` where the value may be a
 * dict (a record type, such as what `json.loads` gives). A dict's keys are subscripts in Python,
 * an object type's properties are attributes, and the assertion changes no value.
 */
export function assertsDictAsObject(context: TransformationContext, from: ts.Type, to: ts.Type): boolean {
  const isDict = (part: ts.Type) => isDictPart(context, part) && !isArrayType(context, part);
  const isAttributeObject = (part: ts.Type) =>
    (part.flags & ts.TypeFlags.Object) !== 0 &&
    !isDict(part) &&
    !isArrayType(context, part) &&
    !context.checker.isTupleType(part) &&
    part.getCallSignatures().length === 0 &&
    part.getProperties().length > 0;
  return some(from, isDict) && !some(to, isDict) && some(to, isAttributeObject);
}

/**
 * A facade type declared as an alias of a plain object type with properties and index
 * signatures only (`type ExceptionContext = { message: string; … }`,
 * `type ErrorCodes = { readonly [errno: number]: string }`) describes a dict that MicroPython
 * hands over or takes (the loop exception-handler context, `errno.errorcode`): its keys are
 * subscripts, not attributes. Facade objects with behaviour are classes or interfaces, so they
 * are not caught by this.
 */
export function isFacadeDictType(context: TransformationContext, type: ts.Type): boolean {
  return every(type, (part) => isFacadeDictPart(context, part));
}

/** A dict the facade declares (`errno.errorcode`): a Python dict, whose keys are what Python gives it. */
export function isFacadeDict(context: TransformationContext, type: ts.Type): boolean {
  return some(type, (part) => isFacadeDictPart(context, part));
}

function isFacadeDictPart(context: TransformationContext, part: ts.Type): boolean {
  const symbol = part.getSymbol();
  const declaration = symbol?.declarations?.[0];
  return (
    declaration !== undefined &&
    ts.isTypeLiteralNode(declaration) &&
    ts.isTypeAliasDeclaration(declaration.parent) &&
    declaration.members.every((member) => ts.isPropertySignature(member) || ts.isIndexSignatureDeclaration(member)) &&
    context.isDeclaredByFacade(symbol!)
  );
}

/**
 * A Python object read and written with `[]` through its `__getitem__`/`__setitem__`: a class
 * or interface that the facade, a `.py` driver's declaration or a `board:` module declares with
 * a number index signature (`[index: number]: Pixel` on NeoPixel). `np[0] = [255, 0, 0]` then
 * stays `np[0] = …` in Python; on Node the facade's class answers `[]` itself.
 */
export function isPythonItemsType(context: TransformationContext, type: ts.Type): boolean {
  return every(type, (part) => {
    const symbol = part.getSymbol();
    return (
      symbol !== undefined &&
      (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) !== 0 &&
      context.checker.getIndexInfoOfType(part, ts.IndexKind.Number) !== undefined &&
      context.isDeclaredByFacade(symbol)
    );
  });
}

/** Iterables whose iterator is never a generator: arrays, strings, typed arrays, Map, Set and their iterators. */
const notGenerators = new Set([
  "Map",
  "ReadonlyMap",
  "Set",
  "ReadonlySet",
  "MapIterator",
  "SetIterator",
  "ArrayIterator",
  "StringIterator",
]);

/** Whether for…of over this value may step a generator it does not see as one (one not typed Generator). */
export function mayIterateAGenerator(node: ts.Node, context: TransformationContext): boolean {
  const type = context.typeOf(node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some(
    (part) =>
      !(part.flags & ts.TypeFlags.StringLike) &&
      !context.checker.isArrayType(part) &&
      !context.checker.isTupleType(part) &&
      !isTypedArrayName(part.getSymbol()?.getName()) &&
      !notGenerators.has(part.getSymbol()?.getName() ?? ""),
  );
}
