import * as py from "../python-ast.js";
import { transformArgs } from "./arguments.js";
import type { CallMapping, CallMappings } from "./mapping.js";

/**
 * A generator object (a JsGenerator): `next(v)` gives JavaScript's `{ value, done }`, and
 * `return(v)` and `throw(e)` end it early, running its `finally` blocks. The iterators of Map
 * and Set are snapshots in Python, where JavaScript's see later changes, so their `next()` stays
 * unsupported.
 */
const method =
  (name: string): CallMapping =>
  (node, context, receiver) =>
    py.call(py.attribute(receiver, name), transformArgs(node, context).slice(0, 1));

export const generatorCalls: CallMappings = { next: method("js_next"), return: method("js_return"), throw: method("js_throw") };
