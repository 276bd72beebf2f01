import type { HelperName } from "./runtime/helper-names.js";

/** The typed arrays tsmp supports; each is the runtime class of the same name (runtime/<name>.py). */
export const typedArrayNames = [
  "Uint8Array",
  "Uint8ClampedArray",
  "Int8Array",
  "Uint16Array",
  "Int16Array",
  "Uint32Array",
  "Int32Array",
  "Float32Array",
  "Float64Array",
] as const satisfies readonly HelperName[];

export type TypedArrayName = (typeof typedArrayNames)[number];

export function isTypedArrayName(name: string | undefined): name is TypedArrayName {
  return typedArrayNames.includes(name as TypedArrayName);
}
