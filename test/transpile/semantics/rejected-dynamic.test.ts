import { expect, it } from "vitest";
import { rejectionOf } from "../../harness/differential.js";

it("rejects a library method on an any value that tsmp cannot perform, naming the value", () => {
  const message = rejectionOf(`const p = JSON.parse('{"s":"x"}'); console.log(p.s.normalize());`);
  expect(message).toContain("TSMP1120");
  expect(message).toContain("normalize() on 'p.s', a value typed any");
  expect(message).toContain("Declare the value's type");
});

it.each([
  ["BigInt64Array", `const a = new BigInt64Array(2); console.log(a.length);`, "TSMP1121", "BigInt64Array holds BigInts"],
  [
    "SharedArrayBuffer",
    `const b = new SharedArrayBuffer(4); console.log(b.byteLength);`,
    "TSMP1121",
    "SharedArrayBuffer shares memory between threads",
  ],
  ["Atomics", `const a = new Int32Array(4); console.log(Atomics.load(a, 0));`, "TSMP1101", "Atomics.load is not supported"],
])("rejects %s", (_name, source, code, text) => {
  const message = rejectionOf(source);
  expect(message).toContain(code);
  expect(message).toContain(text);
});
