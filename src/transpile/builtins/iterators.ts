import * as py from "../python-ast.js";
import { transformArgs } from "./arguments.js";
import type { CallMapping, CallMappings } from "./mapping.js";

/**
 * A generator object (a JsGenerator): `next(v)` gives JavaScript's `{ value, done }`, and
 * `return(v)` and `throw(e)` end it early, running its `finally` blocks.
 */
const method =
  (name: string): CallMapping =>
  (node, context, receiver) =>
    py.call(py.attribute(receiver, name), transformArgs(node, context).slice(0, 1));

/** The iterators of Map and Set are Python generators, live over their JsEntries. */
export const collectionIteratorCalls: CallMappings = {
  next: (_node, context, receiver) => py.call(context.useHelper("js_iter_next"), [receiver]),
};

export const generatorCalls: CallMappings = { next: method("js_next"), return: method("js_return"), throw: method("js_throw") };

/**
 * next() of a value typed only as an iterator (`Iterator`, `IterableIterator`, what a
 * `[Symbol.iterator]()` returned): a generator, a Python iterator or an object of the
 * program's, told apart when it runs (js_step). `return` and `throw` stay unmapped.
 */
export const iteratorCalls: CallMappings = {
  next: (node, context, receiver) => py.call(context.useHelper("js_step"), [receiver, ...transformArgs(node, context).slice(0, 1)]),
};
