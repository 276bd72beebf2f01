import { describe, expect, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";
import { createTranspiler } from "../../../src/transpile/index.js";

describe("library members", () => {
  it("substr, with negative starts and lengths", () =>
    expectToMatchJsResult(`
const s = "microcontroller";
console.log(s.substr(5), s.substr(5, 3), s.substr(-4), s.substr(-4, 2), s.substr(3, 0), s.substr(3, -1), s.substr(40), s.substr(-40, 5));
`));
  it("localeCompare is ordinal", () =>
    expectToMatchJsResult(`
const words = ["pear", "apple", "fig", "apple"];
console.log(words.sort((a, b) => a.localeCompare(b)), "a".localeCompare("b"), "b".localeCompare("a"), "x".localeCompare("x"));
`));
  it("Object.is, Object.hasOwn, hasOwnProperty, getOwnPropertyNames", () =>
    expectToMatchJsResult(`
const o = { a: 1, b: undefined as number | undefined };
const same = o;
console.log(Object.is(NaN, NaN), Object.is(0, 0), Object.is(1, 1.5), Object.is(1, 1), Object.is("x", "x"), Object.is(o, same), Object.is(o, { ...o }));
console.log(Object.hasOwn(o, "a"), Object.hasOwn(o, "b"), Object.hasOwn(o, "c"), o.hasOwnProperty("a"), o.hasOwnProperty("zz"));
console.log(Object.hasOwn([5, 6], 1), Object.hasOwn([5, 6], "2"), Object.hasOwn([5, 6], "length"));
console.log(Object.getOwnPropertyNames(o), Object.getOwnPropertyNames([7, 8]));
`));
  it("WeakMap and WeakSet keyed by object identity", () =>
    expectToMatchJsResult(`
class Sensor { constructor(readonly name: string) {} }
const a = new Sensor("a"); const b = new Sensor("a");
const readings = new WeakMap<Sensor, number>();
readings.set(a, 1).set(b, 2);
console.log(readings.get(a), readings.get(b), readings.has(a), readings.delete(a), readings.has(a), readings.get(a));
const seen = new WeakSet<object>();
const key = { id: 1 };
seen.add(key);
console.log(seen.has(key), seen.has({ id: 1 }), seen.delete(key), seen.has(key));
console.log((readings as any).size === undefined, (seen as any).size === undefined);
`));
  it("for…in over arrays gives index strings", () =>
    expectToMatchJsResult(`
const pins = [4, 5, 12];
for (const i in pins) console.log(i, typeof i, pins[Number(i)]);
let keys = "";
for (const k in [[1], [2]]) keys += k + ";";
console.log(keys);
`));
  it("parseInt passed as a callback takes the index as its radix, as in JavaScript", () =>
    expectToMatchJsResult(`console.log(["10", "10", "10", "7"].map(parseInt), ["1", "2"].map((s) => parseInt(s)));`));
  it("Date.now() counts milliseconds since 1970", () =>
    expectToMatchJsResult(`
const start = Date.now();
let spin = 0;
for (let i = 0; i < 1000; i++) spin += i;
const elapsed = Date.now() - start;
console.log(Number.isInteger(start), start > 1.7e12, elapsed >= 0 && elapsed < 5000, spin);
`));
  it("Date objects are rejected, pointing at Date.now and ticks_ms", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileSource(`const d = new Date();\nconsole.log(d.getFullYear());`);
    const first = result.diagnostics[0]!;
    expect([first.code, first.line, first.column]).toEqual(["TSMP1123", 1, 15]);
    expect(first.message).toBe(
      "Date objects are not supported: MicroPython has no time zone or calendar tables. Date.now() gives milliseconds since the epoch; to time intervals use ticks_ms() and ticks_diff() from tsmp/time.",
    );
  });
});

describe("labeled blocks", () => {
  it("break out of a labeled block, from inside it and from inner loops", () =>
    expectToMatchJsResult(`
function classify(values: number[]) {
  let verdict = "all small";
  check: {
    if (values.length === 0) { verdict = "empty"; break check; }
    for (const v of values) {
      for (let i = 0; i < 2; i++) {
        if (v * i > 10) { verdict = "found " + v; break check; }
      }
    }
    verdict += " (checked " + values.length + ")";
  }
  return verdict;
}
console.log(classify([]), classify([1, 2]), classify([3, 20, 40]));
outer: for (let i = 0; i < 3; i++) {
  inner: { if (i === 1) break inner; if (i === 2) continue outer; console.log("body", i); }
  console.log("after block", i);
}
`));
  it("an unlabeled break leaving a labeled block is rejected with what to write", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileSource(
      `for (let i = 0; i < 3; i++) {\n  block: { if (i === 1) break; console.log(i); }\n}`,
    );
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["TSMP1022", 2, 25]]);
  });
});
