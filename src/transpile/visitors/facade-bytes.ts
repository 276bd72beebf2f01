import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isWrittenTo } from "../builtins/arguments.js";

/**
 * The facade types MicroPython's byte-returning functions (`UART.read`, `StreamReader.read`,
 * `struct.pack`, a driver's `read()`) as `Uint8Array`, but on a board they return `bytes`,
 * which has none of Uint8Array's methods. Their results are made Uint8Arrays where they enter
 * the program (`u8_of`), so everything the program does with them keeps JavaScript's meaning.
 */

/** Only Uint8Array, or Uint8Array or nothing (`UART.read()` gives null after a timeout). */
function isUint8ArrayResult(type: ts.Type): boolean {
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) === 0,
  );
  return parts.length > 0 && parts.every((part) => part.getSymbol()?.getName() === "Uint8Array");
}

function callsPython(node: ts.CallExpression, context: TransformationContext): boolean {
  const symbol = context.symbolOf(node.expression);
  return symbol !== undefined && context.isDeclaredByFacade(symbol);
}

/** A call of a Python function typed to return a Uint8Array: its result as one. */
export function asFacadeBytes(node: ts.CallExpression, value: py.Expression, context: TransformationContext): py.Expression {
  if (!callsPython(node, context)) return value;
  const signature = context.checker.getResolvedSignature(node);
  return signature ? asUint8Arrays(context.checker.getReturnTypeOfSignature(signature), value, context) : value;
}

/**
 * A value typed Uint8Array made one (`u8_of`); a list or tuple with Uint8Array items (`recvfrom`'s
 * `[data, address]`, `asyncio.gather`'s results), or with lists of them (a gather of gathers),
 * has those items made ones (`u8_items`).
 */
function asUint8Arrays(type: ts.Type, value: py.Expression, context: TransformationContext): py.Expression {
  if (isUint8ArrayResult(type)) return py.call(context.useHelper("u8_of"), [value]);
  const shape = bytesShape(type, context, 0);
  if (shape === undefined) return value;
  return py.call(context.useHelper("u8_items"), [value, ...(shape === "all" ? [] : [shapeExpression(shape)])]);
}

/** A property the facade types Uint8Array (`NeoPixel.buf`, a bytearray on a board), read: a view of it. */
export function facadePropertyBytes(
  node: ts.PropertyAccessExpression,
  value: py.Expression,
  context: TransformationContext,
): py.Expression {
  if (isWrittenTo(node) || !isUint8ArrayResult(context.typeOf(node))) return value;
  return py.call(context.useHelper("u8_of"), [value]);
}

/**
 * An await whose value is typed Uint8Array: a stream's `read`, but also a task or `wait_for`
 * that carries one, which tsmp cannot trace back to the facade. u8_of passes a Uint8Array the
 * program made through (an isinstance check), so every such await is wrapped.
 */
export function awaitedFacadeBytes(node: ts.AwaitExpression, value: py.Expression, context: TransformationContext): py.Expression {
  const awaited = context.checker.getAwaitedType(context.typeOf(node.expression));
  return awaited ? asUint8Arrays(awaited, value, context) : value;
}

/** `Uint8Array`, or a union with it (`Uint8Array | PythonException` from gather's return_exceptions). */
function mayBeUint8Array(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).some((part) => part.getSymbol()?.getName() === "Uint8Array");
}

/**
 * Where the Uint8Arrays are in an array or tuple type: every item ("all"), or the positions
 * of those that may be one and, for an item that is itself such a list, its position (null:
 * every item, in an array) with its own shape. Undefined when there are none.
 */
type BytesShape = "all" | (number | [number | null, BytesShape])[];

/** How deep a gather of gathers is followed (a recursive type would go on forever). */
const deepestShape = 4;

function bytesShape(type: ts.Type, context: TransformationContext, depth: number): BytesShape | undefined {
  const { checker } = context;
  if (depth > deepestShape || (!checker.isArrayType(type) && !checker.isTupleType(type))) return undefined;
  const items = checker.getTypeArguments(type as ts.TypeReference);
  if (checker.isArrayType(type)) {
    if (mayBeUint8Array(items[0]!)) return "all";
    const inner = bytesShape(items[0]!, context, depth + 1);
    return inner === undefined ? undefined : [[null, inner]];
  }
  // A tuple with a rest part (`[Uint8Array, ...number[]]`) has no fixed positions after it.
  if ((type as ts.TupleTypeReference).target.hasRestElement) return undefined;
  const entries = items.flatMap((item, index): (number | [number, BytesShape])[] => {
    if (mayBeUint8Array(item)) return [index];
    const inner = bytesShape(item, context, depth + 1);
    return inner === undefined ? [] : [[index, inner]];
  });
  if (entries.length === 0) return undefined;
  return entries.length === items.length && entries.every((entry) => typeof entry === "number") ? "all" : entries;
}

/** A shape as u8_items reads it: None for every item, else a tuple of positions and (position, shape) pairs. */
function shapeExpression(shape: BytesShape): py.Expression {
  if (shape === "all") return py.none();
  return py.tuple(
    shape.map((entry) =>
      typeof entry === "number" ? py.num(entry) : py.tuple([entry[0] === null ? py.none() : py.num(entry[0]), shapeExpression(entry[1])]),
    ),
  );
}
