import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isIntegral } from "../operators/numeric.js";
import { argumentList, transformArgs } from "./arguments.js";
import { bindCallback, callbackArity } from "./callbacks.js";
import * as libraryDiagnostics from "./diagnostics.js";
import { isTypedArrayName, typedArrayNames } from "../typed-array-names.js";
import {
  byteLiterals,
  isPlainBufferOf,
  isPlainDataViewNew,
  isPlainDataViewReference,
  isPlainUint8ArrayNew,
  plainDataViewAccess,
} from "../plain-binary.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";

/**
 * Binary data: the typed arrays, ArrayBuffer, DataView, TextEncoder and TextDecoder. Each
 * typed array is a Python class deriving from memoryview (runtime/TypedArray.py) over a
 * bytearray (Uint8Array, whose ArrayBuffer it is) or an array.array (the others): indexing is
 * native, and a store wraps to the element width natively, as JavaScript's does.
 */

/** Library globals of binary data a program may name: each is its runtime class. */
export const binaryGlobals: Record<string, (node: ts.Identifier, context: TransformationContext) => py.Expression> = {
  ...Object.fromEntries(
    typedArrayNames.map((name) => [name, (_node: ts.Identifier, context: TransformationContext) => context.useHelper(name)]),
  ),
  ArrayBuffer: (_node, context) => context.useHelper("ArrayBuffer"),
  DataView: (_node, context) => context.useHelper("DataView"),
  TextEncoder: (_node, context) => context.useHelper("TextEncoder"),
  TextDecoder: (_node, context) => context.useHelper("TextDecoder"),
};

/** Binary-data globals tsmp rejects: their JavaScript semantics have no MicroPython form. */
const rejectedGlobals: Record<string, string> = {
  BigInt64Array: "BigInt64Array holds BigInts, which tsmp does not support",
  BigUint64Array: "BigUint64Array holds BigInts, which tsmp does not support",
  SharedArrayBuffer: "SharedArrayBuffer shares memory between threads, which MicroPython boards do not do",
  Atomics: "Atomics work on shared memory between threads, which MicroPython boards do not do",
};

export function rejectBinaryGlobal(node: ts.Identifier, context: TransformationContext): py.Expression | undefined {
  const reason = Object.hasOwn(rejectedGlobals, node.text) ? rejectedGlobals[node.text] : undefined;
  if (!reason) return undefined;
  context.report(libraryDiagnostics.unsupportedBinaryData(node, reason));
  return py.none();
}

/**
 * `new Uint8Array(...)`: `typed_new(Uint8Array, ...)`, which takes every constructor form; a
 * plain one (plain-binary.ts) is a `bytearray`. A plain `new DataView(buffer)` is the buffer.
 */
export function transformBinaryNew(node: ts.NewExpression, context: TransformationContext): py.Expression | undefined {
  if (isPlainDataViewNew(node, context)) return context.transformExpression(node.arguments![0]!);
  if (!ts.isIdentifier(node.expression) || !isTypedArrayName(node.expression.text)) return heldConstructorNew(node, context);
  const symbol = context.symbolOf(node.expression);
  if (!symbol || context.isDeclaredByUser(symbol)) return undefined;
  if (isPlainUint8ArrayNew(node, context)) {
    const literals = byteLiterals(node);
    return py.call(py.name("bytearray"), [
      literals ? py.list(literals.map((value) => py.num(value))) : context.transformExpression(node.arguments![0]!),
    ]);
  }
  const [source] = node.arguments ?? [];
  // Over an ArrayBuffer, an element type other than bytes is a view read through struct.
  const view = source !== undefined && !isByteArrayName(node.expression.text) && mayBeArrayBuffer(context.typeOf(source));
  const cls = context.useHelper(node.expression.text);
  return py.call(context.useHelper(view ? "typed_view" : "typed_new"), [cls, ...transformArgs(node, context)]);
}

/**
 * `new C(...)` with `C` a typed array's constructor held in a variable or picked at run time
 * (`typeof Int16Array | typeof Uint8Array`): the runtime class is `C`'s value, built as the
 * global's `new` builds it. (Called as it is, the memoryview class would view an ArrayBuffer's
 * bytes as elements.)
 */
function heldConstructorNew(node: ts.NewExpression, context: TransformationContext): py.Expression | undefined {
  const type = context.typeOf(node.expression);
  const names = (type.isUnion() ? type.types : [type]).map((part) => {
    const symbol = part.getSymbol();
    const name = symbol?.getName().replace(/Constructor$/, "");
    return symbol && !context.isDeclaredByUser(symbol) && isTypedArrayName(name) ? name : undefined;
  });
  if (names.length === 0 || names.some((name) => name === undefined)) return undefined;
  const [source] = node.arguments ?? [];
  const view = source !== undefined && names.some((name) => !isByteArrayName(name)) && mayBeArrayBuffer(context.typeOf(source));
  const cls = context.transformExpression(node.expression);
  return py.call(context.useHelper(view ? "typed_view" : "typed_new"), [cls, ...transformArgs(node, context)]);
}

/** The typed arrays whose storage is an ArrayBuffer's bytearray itself, viewed natively. */
const isByteArrayName = (name: string | undefined) => name === "Uint8Array" || name === "Uint8ClampedArray";

/** A value of this type may be an ArrayBuffer at run time. */
function mayBeArrayBuffer(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return true;
  if (type.isUnion()) return type.types.some(mayBeArrayBuffer);
  const name = type.getSymbol()?.getName();
  return name === "ArrayBuffer" || name === "SharedArrayBuffer";
}

/**
 * The value a typed-array element store keeps: integer elements need an int, which to_int32
 * gives as JavaScript's ToInt32 does (fractions truncate, NaN is 0); the store then wraps it
 * to the element width natively. A provably integral value is stored as it is.
 */
export function asStoredElement(
  target: ts.Expression,
  valueNode: ts.Expression,
  value: py.Expression,
  context: TransformationContext,
): py.Expression {
  if (!needsIntegerConversion(target, valueNode, context)) return value;
  const converted = py.call(context.useHelper("to_int32"), [value]);
  // A name is read twice for free: an int (the usual case) skips the helper's call frame.
  if (value.kind !== "Name") return converted;
  return py.ifExp(py.compare(py.call(py.name("type"), [value]), "is", py.name("int")), value, converted);
}

/** A store into an integer typed array of a value that may not be an int. */
export function needsIntegerConversion(target: ts.Expression, valueNode: ts.Expression, context: TransformationContext): boolean {
  if (!ts.isElementAccessExpression(target)) return false;
  const name = context.typeOf(target.expression).getSymbol()?.getName();
  // A Uint8ClampedArray rounds and clamps any number itself (runtime/Uint8ClampedArray.py).
  return isTypedArrayName(name) && !name.startsWith("Float") && name !== "Uint8ClampedArray" && !isIntegral(valueNode, context);
}

/**
 * `bytes[i] = value` (or `+=`, `-=`, `*=`) as a statement, with `value` a name that may not
 * hold an int: the store is tried as it is (MicroPython wraps an int natively) and only a value
 * it refuses, a float (TypeError, the element left as it was), is stored again converted as
 * ToInt32 converts it. Testing `type(value) is int` first cost a ring buffer's `put` about a
 * quarter of its time on the unix port; a `try` costs nearly nothing until it catches. The
 * store is written twice, so the receiver and index must read the same again with no effect
 * (names, number literals, fields, arithmetic of those).
 */
export function triedElementStore(
  node: ts.BinaryExpression,
  transformTarget: (left: ts.Expression) => py.Expression,
  context: TransformationContext,
): py.Statement[] | undefined {
  const left = skipParentheses(node.left);
  const right = skipParentheses(node.right);
  const operator = node.operatorToken.kind;
  const update = Object.hasOwn(triedUpdates, operator) ? triedUpdates[operator] : undefined;
  if (operator !== ts.SyntaxKind.EqualsToken && !update) return undefined;
  if (!ts.isElementAccessExpression(left) || !ts.isIdentifier(right) || !needsIntegerConversion(left, right, context)) return undefined;
  if (!readsAgainUnchanged(left.expression, context) || !readsAgainUnchanged(left.argumentExpression, context)) return undefined;
  const target = transformTarget(left);
  const value = context.transformExpression(right);
  // `=`: ToInt32 without the helper's import: NaN and ±Infinity (where `v - v` is NaN) store 0,
  // a finite float truncates to an int, which the store wraps as it wraps any int.
  const finite = py.compare(py.binOp(value, "-", value), "==", py.num(0));
  const converted = update
    ? py.call(context.useHelper("to_int32"), [py.binOp(target, update, value)])
    : py.ifExp(finite, py.call(py.name("int"), [value]), py.num(0));
  return [
    {
      kind: "Try",
      body: [update ? py.augAssign(target, update, value) : py.assign(target, value)],
      handlers: [{ type: py.name("TypeError"), body: [py.assign(target, converted)] }],
      finalbody: [],
    },
  ];
}

const triedUpdates: Partial<Record<ts.SyntaxKind, py.BinaryOperator>> = {
  [ts.SyntaxKind.PlusEqualsToken]: "+",
  [ts.SyntaxKind.MinusEqualsToken]: "-",
  [ts.SyntaxKind.AsteriskEqualsToken]: "*",
};

const skipParentheses = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) ? skipParentheses(node.expression) : node;

const pureOperators = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);

/** An expression whose second reading gives the first's value and does nothing else. */
function readsAgainUnchanged(node: ts.Expression, context: TransformationContext): boolean {
  const expression = skipParentheses(node);
  if (ts.isIdentifier(expression) || ts.isNumericLiteral(expression) || expression.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(expression)) {
    // A field, not an accessor (whose getter could do anything).
    const declaration = context.symbolOf(expression.name)?.valueDeclaration;
    return declaration !== undefined && ts.isPropertyDeclaration(declaration) && readsAgainUnchanged(expression.expression, context);
  }
  if (ts.isBinaryExpression(expression) && pureOperators.has(expression.operatorToken.kind))
    return readsAgainUnchanged(expression.left, context) && readsAgainUnchanged(expression.right, context);
  return false;
}

function method(name: string): CallMapping {
  return (node, context, receiver) => py.call(py.attribute(receiver, name), transformArgs(node, context));
}

/** A method taking a callback: the runtime class is told how many of (value, index, array) it declares. */
function withCallback(name: string, maximum = 3): CallMapping {
  return (node, context, receiver) => {
    const [callback, ...rest] = transformArgs(node, context);
    const arity = callbackArity(node.arguments[0]!, context, `${name} of a typed array`, maximum);
    // reduce's second argument is its initial value; the others' is a thisArg.
    if (maximum === 3)
      return py.call(py.attribute(receiver, name), [bindCallback(node.arguments[0]!, callback!, rest[0], context), py.num(arity)]);
    return py.call(py.attribute(receiver, name), [callback!, py.num(arity), ...rest]);
  };
}

function isConstructorReceiver(node: ts.CallExpression): boolean {
  return (
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    isTypedArrayName(node.expression.expression.text)
  );
}

export const typedArrayCalls: CallMappings = {
  // Statics: Uint8Array.from(iterable, mapper?), Uint8Array.of(...values).
  from(node, context, receiver) {
    if (!isConstructorReceiver(node)) return py.none();
    const [source, mapper, thisValue] = transformArgs(node, context);
    const arity = mapper ? [py.num(callbackArity(node.arguments[1]!, context, "from of a typed array", 2))] : [];
    const bound = mapper ? [bindCallback(node.arguments[1]!, mapper, thisValue, context)] : [];
    return py.call(context.useHelper("typed_from"), [receiver, source!, ...bound, ...arity]);
  },
  of: (node, context, receiver) => py.call(context.useHelper("typed_new"), [receiver, argumentList(transformArgs(node, context))]),
  subarray: method("subarray"),
  slice: method("slice"),
  set: method("set"),
  fill: method("fill"),
  at: method("at"),
  indexOf: method("indexOf"),
  lastIndexOf: method("lastIndexOf"),
  includes: method("includes"),
  join: method("join"),
  reverse: method("reverse"),
  sort: method("sort"),
  toString: method("toString"),
  find: withCallback("find"),
  findIndex: withCallback("findIndex"),
  findLast: withCallback("findLast"),
  findLastIndex: withCallback("findLastIndex"),
  every: withCallback("every"),
  some: withCallback("some"),
  forEach: withCallback("forEach"),
  map: withCallback("map"),
  filter: withCallback("filter"),
  reduce: withCallback("reduce", 4),
  reduceRight(node, context, receiver) {
    const [callback, ...rest] = transformArgs(node, context);
    const arity = callbackArity(node.arguments[0]!, context, "reduceRight of a typed array", 4);
    return py.call(
      context.useHelper("arr_reduce"),
      [receiver, callback!, py.num(arity), ...rest],
      [{ name: "from_end", value: py.bool(true) }],
    );
  },
  copyWithin: method("copyWithin"),
  // The iterators: (index, value) pairs, indexes, values. Of the array itself, not of a plain
  // memoryview of it: a view over another element type's bytes (typed_view.py) iterates its own way.
  entries: (_node, _context, receiver) => py.call(py.name("enumerate"), [receiver]),
  keys: (_node, _context, receiver) => py.call(py.name("range"), [py.call(py.name("len"), [receiver])]),
  values: (_node, _context, receiver) => py.call(py.name("iter"), [receiver]),
};

const attribute =
  (name: string): PropertyMappings[string] =>
  (_node, _context, receiver) =>
    py.attribute(receiver, name);

export const typedArrayProperties: PropertyMappings = {
  length: (_node, _context, receiver) => py.call(py.name("len"), [receiver]),
  byteLength: attribute("byteLength"),
  byteOffset: attribute("byteOffset"),
  buffer(node, context, receiver) {
    if (isPlainBufferOf(node, context)) return receiver;
    // Other element types keep their own elements in an array.array, which no other view can
    // share: a program reading their buffer keeps them in ArrayBuffers instead (typed_buffer.py).
    if (isByteArrayName(context.typeOf(node.expression).getSymbol()?.getName())) return py.attribute(receiver, "buffer");
    return py.call(context.useHelper("typed_buffer"), [receiver]);
  },
  BYTES_PER_ELEMENT: attribute("BYTES_PER_ELEMENT"),
};

export const arrayBufferCalls: CallMappings = { slice: method("slice") };
export const arrayBufferProperties: PropertyMappings = { byteLength: (_node, _context, receiver) => py.call(py.name("len"), [receiver]) };

/**
 * A DataView accessor; on a plain DataView (the bytes themselves) `struct` reads or writes in
 * place: `unpack_from(">H", view, at)[0]`, `pack_into("<I", view, at, value & 0xFFFFFFFF)`.
 */
function dataViewAccessor(name: string): CallMapping {
  return (node, context, receiver) => {
    const access =
      ts.isPropertyAccessExpression(node.expression) && isPlainDataViewReference(node.expression.expression, context)
        ? plainDataViewAccess(node.expression.expression, context)
        : undefined;
    if (!access) return method(name)(node, context, receiver);
    const [offset, value] = transformArgs(node, context).slice(0, access.kind === "get" ? 1 : 2);
    const format = py.str(access.format);
    if (access.kind === "get") return py.subscript(py.call(context.useHelper("unpack_from"), [format, receiver, offset!]), py.num(0));
    const stored = access.mask === undefined ? value! : py.binOp(value!, "&", py.num(`0x${access.mask.toString(16)}`));
    return py.call(context.useHelper("pack_into"), [format, receiver, offset!, stored]);
  };
}

const dataViewAccessors = ["Int8", "Uint8", "Int16", "Uint16", "Int32", "Uint32", "Float32", "Float64"];
export const dataViewCalls: CallMappings = Object.fromEntries(
  dataViewAccessors.flatMap((kind) => [
    [`get${kind}`, dataViewAccessor(`get${kind}`)],
    [`set${kind}`, dataViewAccessor(`set${kind}`)],
  ]),
);
export const dataViewProperties: PropertyMappings = {
  buffer: attribute("buffer"),
  byteOffset: attribute("byteOffset"),
  byteLength: attribute("byteLength"),
};

export const textEncoderCalls: CallMappings = { encode: method("encode") };
export const textDecoderCalls: CallMappings = { decode: method("decode") };
export const textCodingProperties: PropertyMappings = { encoding: attribute("encoding") };

/** The call and property tables of every binary-data type, keyed as registry.ts keys them. */
export const binaryCallMappings: Record<string, CallMappings> = {
  ...Object.fromEntries(typedArrayNames.map((name) => [name, typedArrayCalls])),
  ArrayBuffer: arrayBufferCalls,
  DataView: dataViewCalls,
  TextEncoder: textEncoderCalls,
  TextDecoder: textDecoderCalls,
};

export const binaryPropertyMappings: Record<string, PropertyMappings> = {
  ...Object.fromEntries(typedArrayNames.map((name) => [name, typedArrayProperties])),
  ArrayBuffer: arrayBufferProperties,
  DataView: dataViewProperties,
  TextEncoder: textCodingProperties,
  TextDecoder: textCodingProperties,
};
