import { ts } from "../typescript.js";
import * as py from "../python-ast.js";
import { transformArgs } from "./arguments.js";
import { bindCallback, callbackArity } from "./callbacks.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";

/**
 * Map and Set are the JsMap/JsSet helper classes (insertion-ordered, as MicroPython's dict
 * and set are not). Their methods carry JavaScript's names, so most calls stay calls. Their
 * iterators (for…of, keys(), values(), entries()) are live as JavaScript's are: Python
 * generators over JsEntries, whose next() gives `{ value, done }` through js_iter_next.
 */
const same: CallMapping = (node, context, receiver) => {
  const member = (node.expression as ts.PropertyAccessExpression).name.text;
  return py.call(py.attribute(receiver, member), transformArgs(node, context));
};

const forEach =
  (kind: string): CallMapping =>
  (node, context, receiver) => {
    const callback = node.arguments[0]!;
    const arity = callbackArity(callback, context, `${kind}.forEach`, 3);
    const [fn, thisValue] = context.transformInOrder(node.arguments.slice(0, 2));
    return py.call(py.attribute(receiver, "forEach"), [bindCallback(callback, fn!, thisValue, context), py.num(arity)]);
  };

export const mapCalls: CallMappings = {
  get: same,
  set: same,
  has: same,
  delete: same,
  clear: same,
  keys: same,
  values: same,
  entries: same,
  forEach: forEach("Map"),
};

export const setCalls: CallMappings = {
  add: same,
  has: same,
  delete: same,
  clear: same,
  keys: same,
  values: same,
  entries: same,
  forEach: forEach("Set"),
};

export const sizeProperty: PropertyMappings = {
  size: (_node, _context, receiver) => py.call(py.name("len"), [receiver]),
};

/**
 * WeakMap and WeakSet are JsMap and JsSet keyed by the objects themselves (class instances and
 * object literals hash by identity). MicroPython has no weak references: an entry keeps its
 * key alive until it is deleted.
 */
export const weakMapCalls: CallMappings = { get: same, set: same, has: same, delete: same };
export const weakSetCalls: CallMappings = { add: same, has: same, delete: same };
