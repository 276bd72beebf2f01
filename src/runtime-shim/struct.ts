/**
 * `tsmp/struct` ⇔ MicroPython's `struct`: pack and unpack primitive values to and from bytes
 * (`Uint8Array` in TypeScript). Native order (`@`, the default) is that of a 32-bit
 * little-endian board, as on ESP32, RP2040 and STM32 ports.
 * https://docs.micropython.org/en/latest/library/struct.html
 */
import { ValueError } from "./exceptions.js";

interface Field {
  code: string;
  /** Repeat count, or the byte length of an `s` field. */
  count: number;
}

interface Layout {
  littleEndian: boolean;
  native: boolean;
  fields: Field[];
}

/** Sizes for `<`, `>`, `!` (standard) and `@` (native, a 32-bit board's C types). */
const SIZES: Readonly<Record<string, number>> = {
  b: 1,
  B: 1,
  x: 1,
  s: 1,
  h: 2,
  H: 2,
  e: 2,
  i: 4,
  I: 4,
  l: 4,
  L: 4,
  P: 4,
  f: 4,
  q: 8,
  Q: 8,
  d: 8,
};

function parse(format: string): Layout {
  let rest = format;
  let littleEndian = true;
  let native = true;
  if (/^[<>!=@]/.test(rest)) {
    native = rest[0] === "@";
    littleEndian = rest[0] === "<" || rest[0] === "@" || rest[0] === "=";
    rest = rest.slice(1);
  }
  const fields: Field[] = [];
  for (const match of rest.matchAll(/(\d*)(.)/g)) {
    const code = match[2]!;
    if (SIZES[code] === undefined) throw new ValueError("bad typecode");
    fields.push({ code, count: match[1] === "" ? 1 : Number(match[1]) });
  }
  return { littleEndian, native, fields };
}

/** Walks a layout's values: `visit(code, offset)` per value, `s` fields once with their length. */
function walk(layout: Layout, visit: (code: string, offset: number, length: number) => void): number {
  let offset = 0;
  for (const { code, count } of layout.fields) {
    const size = SIZES[code]!;
    if (layout.native && size > 1) offset = Math.ceil(offset / size) * size;
    if (code === "s") {
      visit(code, offset, count);
      offset += count;
      continue;
    }
    for (let i = 0; i < count; i++) {
      if (code !== "x") visit(code, offset, size);
      offset += size;
    }
  }
  return offset;
}

/** The number of bytes `format` packs into. */
export function calcsize(format: string): number {
  return walk(parse(format), () => undefined);
}

function writeValue(view: DataView, code: string, offset: number, value: unknown, littleEndian: boolean): void {
  const number = typeof value === "boolean" ? Number(value) : value;
  if (typeof number !== "number" && typeof number !== "bigint") throw new TypeError(`can't convert ${typeof value} to int`);
  const asInt = () => (typeof number === "bigint" ? number : BigInt(Math.trunc(number)));
  switch (code) {
    case "f":
      return view.setFloat32(offset, Number(number), littleEndian);
    case "d":
      return view.setFloat64(offset, Number(number), littleEndian);
    case "e":
      return view.setUint16(offset, toHalf(Number(number)), littleEndian);
    case "q":
    case "Q":
      return view.setBigUint64(offset, BigInt.asUintN(64, asInt()), littleEndian);
    default: {
      // MicroPython stores the low bytes of any integer, whatever its sign or size.
      const bits = SIZES[code]! * 8;
      const unsigned = Number(BigInt.asUintN(bits, asInt()));
      if (bits === 8) view.setUint8(offset, unsigned);
      else if (bits === 16) view.setUint16(offset, unsigned, littleEndian);
      else view.setUint32(offset, unsigned, littleEndian);
    }
  }
}

function readValue(view: DataView, code: string, offset: number, littleEndian: boolean): number | bigint {
  switch (code) {
    case "b":
      return view.getInt8(offset);
    case "B":
      return view.getUint8(offset);
    case "h":
      return view.getInt16(offset, littleEndian);
    case "H":
      return view.getUint16(offset, littleEndian);
    case "i":
    case "l":
      return view.getInt32(offset, littleEndian);
    case "I":
    case "L":
    case "P":
      return view.getUint32(offset, littleEndian);
    case "q":
      return safeInteger(view.getBigInt64(offset, littleEndian));
    case "Q":
      return safeInteger(view.getBigUint64(offset, littleEndian));
    case "f":
      return view.getFloat32(offset, littleEndian);
    case "d":
      return view.getFloat64(offset, littleEndian);
    default:
      return fromHalf(view.getUint16(offset, littleEndian));
  }
}

/** A 64-bit field as a number when it fits one exactly (as the transpiled program sees ints). */
function safeInteger(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

function toHalf(value: number): number {
  const float = new DataView(new ArrayBuffer(4));
  float.setFloat32(0, value);
  const bits = float.getUint32(0);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent >= 31) return sign | 0x7c00 | (Number.isNaN(value) ? 0x200 : 0);
  if (exponent <= 0) return sign | ((mantissa | 0x800000) >> (14 - exponent));
  return sign | (exponent << 10) | (mantissa >> 13);
}

function fromHalf(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function packInto(layout: Layout, target: Uint8Array, start: number, values: readonly unknown[]): void {
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  let index = 0;
  walk(layout, (code, offset, length) => {
    // Values run out before the format does: MicroPython stops there (CPython would raise).
    if (index >= values.length) return;
    const value = values[index++];
    if (code === "s") {
      const bytes = typeof value === "string" ? new TextEncoder().encode(value) : (value as Uint8Array);
      target.set(bytes.subarray(0, length), start + offset);
    } else {
      writeValue(view, code, start + offset, value, layout.littleEndian);
    }
  });
}

/**
 * Packs `values` according to `format` into new bytes. On the board these are immutable
 * `bytes`: `pack_into` needs a buffer made as a bytearray (`new Uint8Array(n)`).
 */
export function pack(format: string, ...values: (number | bigint | boolean | Uint8Array)[]): Uint8Array {
  const layout = parse(format);
  const bytes = new Uint8Array(calcsize(format));
  packInto(layout, bytes, 0, values);
  return bytes;
}

/** Packs `values` into `buffer` starting at `offset` (negative: from the end). */
export function pack_into(format: string, buffer: Uint8Array, offset: number, ...values: (number | bigint | boolean | Uint8Array)[]): void {
  const start = offset < 0 ? buffer.length + offset : offset;
  if (start < 0 || start + calcsize(format) > buffer.length) throw new ValueError("buffer too small");
  packInto(parse(format), buffer, start, values);
}

/**
 * Unpacks from `buffer` at `offset` (negative: from the end). The result is a tuple on the board:
 * destructure it, and name its types when the format has `s` fields:
 * `const [id, name] = struct.unpack_from<[number, Uint8Array]>("<H8s", frame)`.
 */
export function unpack_from<T extends unknown[] = number[]>(format: string, buffer: Uint8Array, offset = 0): T {
  const layout = parse(format);
  const start = offset < 0 ? buffer.length + offset : offset;
  if (start < 0 || start + calcsize(format) > buffer.length) throw new ValueError("buffer too small");
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const values: unknown[] = [];
  walk(layout, (code, at, length) => {
    values.push(code === "s" ? buffer.slice(start + at, start + at + length) : readValue(view, code, start + at, layout.littleEndian));
  });
  return values as T;
}

/** Unpacks the start of `buffer` (MicroPython, unlike CPython, allows bytes beyond the format). */
export function unpack<T extends unknown[] = number[]>(format: string, buffer: Uint8Array): T {
  return unpack_from<T>(format, buffer);
}
