import type { ts } from "ts-morph";
import type { TransformationContext } from "../context.js";
import type * as py from "../python-ast.js";
import { arrayCalls, arrayProperties } from "./array.js";
import { consoleCalls } from "./console.js";
import { errorProperties } from "./error.js";
import { stringProperties } from "./string.js";

/** Maps `receiver.member(...)`; `receiver` is already transformed (unless it is a global like `console`). */
export type CallMapping = (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression) => py.Expression;
export type CallMappings = Record<string, CallMapping>;

export type PropertyMapping = (
  node: ts.PropertyAccessExpression,
  context: TransformationContext,
  receiver: py.Expression,
) => py.Expression;
export type PropertyMappings = Record<string, PropertyMapping>;

/** Keyed by receiver kind (see library.ts): a global's name, `Array`, `String`, or a class name. */
export const callMappings: Record<string, CallMappings> = {
  console: consoleCalls,
  Array: arrayCalls,
};

export const propertyMappings: Record<string, PropertyMappings> = {
  Array: arrayProperties,
  String: stringProperties,
  Error: errorProperties,
};

/** Globals whose members are mapped one by one: the receiver itself has no Python value. */
export const namespaceGlobals = new Set(["console"]);
