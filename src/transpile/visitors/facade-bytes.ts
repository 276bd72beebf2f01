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
 * `[data, address]`, `asyncio.gather`'s results) has those items made ones (`u8_items`).
 */
function asUint8Arrays(type: ts.Type, value: py.Expression, context: TransformationContext): py.Expression {
  if (isUint8ArrayResult(type)) return py.call(context.useHelper("u8_of"), [value]);
  const positions = uint8ArrayPositions(type, context);
  if (positions === undefined) return value;
  const which = positions === "all" ? [] : [py.tuple(positions.map((position) => py.num(position)))];
  return py.call(context.useHelper("u8_items"), [value, ...which]);
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

/** Which items of an array or tuple type may be Uint8Arrays: all of them, some, or none (undefined). */
function uint8ArrayPositions(type: ts.Type, context: TransformationContext): "all" | number[] | undefined {
  const { checker } = context;
  if (!checker.isArrayType(type) && !checker.isTupleType(type)) return undefined;
  const items = checker.getTypeArguments(type as ts.TypeReference);
  const positions = items.flatMap((item, index) => (mayBeUint8Array(item) ? [index] : []));
  if (positions.length === 0) return undefined;
  if (positions.length === items.length) return "all";
  // A tuple with a rest part (`[Uint8Array, ...number[]]`) has no fixed positions after it.
  const rest = checker.isTupleType(type) && (type as ts.TupleTypeReference).target.hasRestElement;
  return rest ? undefined : positions;
}
