/**
 * `tsmp/json` ⇔ MicroPython's `json`, beside JavaScript's `JSON` (which tsmp also translates).
 * `dumps` writes MicroPython's format (`{"a": [1, "b", null]}`, with spaces): objects reach
 * Python as dicts (`PythonData`), keeping the program's key order on every target (a dict the
 * board builds itself would print in its own order). `loads` gives dicts for objects: type the
 * result as a record and read it with `value["key"]`; a JSON null is Python's None, which is
 * `undefined` (JavaScript's `JSON.parse` gives `null`).
 * https://docs.micropython.org/en/latest/library/json.html
 */
import type { KwArgs, PythonData } from "./kwargs.js";
import { ValueError } from "./exceptions.js";

/** What `dumps` writes. */
export type JsonData = null | undefined | boolean | number | string | JsonData[] | { readonly [key: string]: JsonData };
/** What `loads` gives. */
export type JsonValue = undefined | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

function encode(value: JsonData, itemSeparator: string, keySeparator: string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  // A whole JS number was an int in the program (tsmp keeps integers as ints); others are floats.
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => encode(item, itemSeparator, keySeparator)).join(itemSeparator)}]`;
  const members = Object.entries(value).map(
    ([key, item]) => `${JSON.stringify(key)}${keySeparator}${encode(item, itemSeparator, keySeparator)}`,
  );
  return `{${members.join(itemSeparator)}}`;
}

/** `obj` as JSON text, MicroPython's way: `separators` defaults to `[", ", ": "]`. */
export function dumps(obj: PythonData<JsonData>, options?: KwArgs<{ separators?: [string, string] }>): string {
  const [itemSeparator, keySeparator] = options?.separators ?? [", ", ": "];
  return encode(obj, itemSeparator, keySeparator);
}

/** Parses JSON text; ValueError("syntax error in JSON") when it is not JSON. */
export function loads(str: string): JsonValue {
  try {
    return withoutNull(JSON.parse(str));
  } catch {
    throw new ValueError("syntax error in JSON");
  }
}

/** JSON's null as the board has it: None, which is undefined; object keys stay. */
function withoutNull(value: unknown): JsonValue {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(withoutNull);
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = withoutNull(object[key]);
  }
  return value as JsonValue;
}
