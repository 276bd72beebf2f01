import { arrayCalls, arrayProperties, arrayStaticCalls } from "./array.js";
import { mapCalls, setCalls, sizeProperty, weakMapCalls, weakSetCalls } from "./collections.js";
import { consoleCalls } from "./console.js";
import { classContextCalls, classContextProperties, memberContextProperties } from "./decorator-context.js";
import { errorCalls, errorProperties } from "./error.js";
import { collectionIteratorCalls, generatorCalls, iteratorCalls } from "./iterators.js";
import { jsonCalls } from "./json.js";
import { mathCalls, mathProperties } from "./math.js";
import { numberCalls, numberStaticCalls, numberStaticProperties } from "./number.js";
import { descriptorProperties, objectStaticCalls } from "./object.js";
import { promiseCalls, promiseStaticCalls } from "./promise.js";
import { regExpCalls, regExpProperties } from "./regexp.js";
import { stringCalls, stringProperties, stringStaticCalls } from "./string.js";
import { symbolCalls, symbolProperties, symbolStaticCalls } from "./symbol.js";
import { binaryCallMappings, binaryPropertyMappings } from "./typed-arrays.js";
import type { CallMappings, PropertyMappings } from "./mapping.js";
import * as py from "../python-ast.js";

/**
 * Keyed by receiver kind (see library.ts): `Array`, `String`, `Number` for values; a global
 * namespace's name (`console`, `Math`, `JSON`); `ArrayConstructor`-style names for the static
 * members of a global class; or a library class name (`Map`, `Error`).
 */
export const callMappings: Record<string, CallMappings> = {
  console: consoleCalls,
  Math: mathCalls,
  JSON: jsonCalls,
  ObjectConstructor: objectStaticCalls,
  NumberConstructor: numberStaticCalls,
  ArrayConstructor: arrayStaticCalls,
  StringConstructor: stringStaticCalls,
  Array: arrayCalls,
  String: stringCalls,
  Number: numberCalls,
  Map: mapCalls,
  Set: setCalls,
  WeakMap: weakMapCalls,
  WeakSet: weakSetCalls,
  DateConstructor: { now: (_node, context) => py.call(context.useHelper("date_now"), []) },
  Error: errorCalls,
  Generator: generatorCalls,
  MapIterator: collectionIteratorCalls,
  SetIterator: collectionIteratorCalls,
  Iterator: iteratorCalls,
  IterableIterator: iteratorCalls,
  Promise: promiseCalls,
  ClassDecoratorContext: classContextCalls,
  PromiseConstructor: promiseStaticCalls,
  Symbol: symbolCalls,
  RegExp: regExpCalls,
  SymbolConstructor: symbolStaticCalls,
  ...binaryCallMappings,
};

export const propertyMappings: Record<string, PropertyMappings> = {
  Math: mathProperties,
  NumberConstructor: numberStaticProperties,
  Array: arrayProperties,
  String: stringProperties,
  Map: sizeProperty,
  Set: sizeProperty,
  Error: errorProperties,
  ClassDecoratorContext: classContextProperties,
  ClassMethodDecoratorContext: memberContextProperties,
  ClassFieldDecoratorContext: memberContextProperties,
  ClassGetterDecoratorContext: memberContextProperties,
  ClassSetterDecoratorContext: memberContextProperties,
  Symbol: symbolProperties,
  RegExp: regExpProperties,
  PropertyDescriptor: descriptorProperties,
  TypedPropertyDescriptor: descriptorProperties,
  TemplateStringsArray: { raw: (_node, context, receiver) => py.call(context.useHelper("tpl_raw"), [receiver]) },
  ...binaryPropertyMappings,
};

/** Globals whose members are mapped one by one: the receiver itself has no Python value. */
export const namespaceGlobals = new Set([
  "console",
  "Math",
  "JSON",
  "ObjectConstructor",
  "NumberConstructor",
  "ArrayConstructor",
  "StringConstructor",
  "DateConstructor",
  "PromiseConstructor",
  "SymbolConstructor",
]);
