import * as py from "../python-ast.js";
import { transformArgs } from "./arguments.js";
import type { CallMapping, CallMappings } from "./mapping.js";

/**
 * The iteration protocol: `it.next(v)` gives JavaScript's `{ value, done }` from a generator
 * (a JsGenerator) or from any Python iterator the library returns (Map keys, Set values…);
 * a generator's `return(v)` and `throw(e)` end it early, running its `finally` blocks.
 */
const next: CallMapping = (node, context, receiver) =>
  py.call(context.useHelper("iter_next"), [receiver, ...transformArgs(node, context).slice(0, 1)]);

const method =
  (name: string): CallMapping =>
  (node, context, receiver) =>
    py.call(py.attribute(receiver, name), transformArgs(node, context).slice(0, 1));

export const iteratorCalls: CallMappings = { next };

export const generatorCalls: CallMappings = { next, return: method("js_return"), throw: method("js_throw") };

/** The library's names for the iterators its methods return, by TypeScript version. */
export const iteratorKinds = [
  "Iterator",
  "IterableIterator",
  "IteratorObject",
  "MapIterator",
  "SetIterator",
  "ArrayIterator",
  "StringIterator",
];
