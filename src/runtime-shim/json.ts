/**
 * `tsmp/json` ⇔ MicroPython's `json`, beside JavaScript's `JSON` (which tsmp also translates).
 * `dumps` writes MicroPython's format (`[1, "a", null]`, with spaces) and takes scalars and
 * arrays only: a TypeScript object is not a dict on the board, and MicroPython's `dumps` would
 * print it as `<JsObject object at …>`; write objects with `JSON.stringify`. `loads` gives
 * dicts for objects: type the result as a record and read it with `value["key"]`.
 * https://docs.micropython.org/en/latest/library/json.html
 */
import type { KwArgs } from "./kwargs.js";
import { ValueError } from "./exceptions.js";

/** What `dumps` can write faithfully on both sides. */
export type JsonData = null | boolean | number | string | JsonData[];
/** What `loads` gives. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function encode(value: JsonData, itemSeparator: string): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  // A whole JS number was an int in the program (tsmp keeps integers as ints); others are floats.
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  return `[${value.map((item) => encode(item, itemSeparator)).join(itemSeparator)}]`;
}

/** `obj` as JSON text, MicroPython's way: `separators` defaults to `[", ", ": "]`. */
export function dumps(obj: JsonData, options?: KwArgs<{ separators?: [string, string] }>): string {
  // With no objects to write, only the item separator shows.
  const [itemSeparator] = options?.separators ?? [", ", ": "];
  return encode(obj, itemSeparator);
}

/** Parses JSON text; ValueError("syntax error in JSON") when it is not JSON. */
export function loads(str: string): JsonValue {
  try {
    return JSON.parse(str) as JsonValue;
  } catch {
    throw new ValueError("syntax error in JSON");
  }
}
