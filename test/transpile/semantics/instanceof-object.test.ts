import { describeCases } from "../../harness/cases.js";

describeCases("instanceof Object", {
  "objects of every kind, and not the primitives": `class P {} const values: unknown[] = [{}, [], () => 1, new P(), new Map(), new Error("e"), new Uint8Array(2), "s", 3, 2.5, true, null, undefined];
console.log(values.map((v) => v instanceof Object).join(" "));`,
});
