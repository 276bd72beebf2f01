import { describe, expect, it } from "vitest";
import { rejectionOf } from "../../harness/differential.js";

/**
 * Constructs tsmp cannot translate faithfully are rejected with a coded diagnostic, never
 * emitted wrong (docs/semantics.md lists them).
 */
const cases: [string, string, string][] = [
  ["console.log of a class instance", `class P { x = 1; } console.log(new P());`, "TSMP1104"],
  ["console.log of an array of class instances", `class P { x = 1; } console.log([new P()]);`, "TSMP1104"],
  ["console.log of an Error", `const e = new Error("x"); console.log(e);`, "TSMP1110"],
  ["regular expression in split", `console.log("a1b".split(/\\d/));`, "TSMP1105"],
  ["regular expression in replace", `console.log("a1b".replace(/\\d/, "-"));`, "TSMP1105"],
  ["JSON.stringify with a replacer", `console.log(JSON.stringify({ a: 1 }, ["a"]));`, "TSMP1107"],
  ["JSON.parse with a reviver", `console.log(JSON.parse("1", (k, v) => v));`, "TSMP1108"],
  ["new Array(n) with holes", `const a = new Array(3); console.log(a.length);`, "TSMP1109"],
  ["new Array(n) filled from an index on", `console.log(new Array<number>(3).fill(1, 1));`, "TSMP1109"],
  ["JSON.stringify of a class instance", `class P { x = 1; } console.log(JSON.stringify(new P()));`, "TSMP1112"],
  ["Object.keys of a class instance", `class P { x = 1; y = 2; } console.log(Object.keys(new P()));`, "TSMP1112"],
  [
    "Object.entries of a union holding a class instance",
    `class P { x = 1; y = 2; } const v: P | { a: number } = new P(); console.log(Object.entries(v));`,
    "TSMP1112",
  ],
  ["for…in over a class instance", `class P { x = 1; y = 2; } for (const k in new P()) console.log(k);`, "TSMP1112"],
  ["a spread of a class instance", `class P { x = 1; y = 2; } console.log(JSON.stringify({ ...new P() }));`, "TSMP1112"],
  [
    "an object literal's method reading this, taken off it",
    `const o = { n: 2, double() { return this.n * 2; } }; const f = o.double; console.log(f());`,
    "TSMP1113",
  ],
  [
    "an object literal's function expression reading this, taken off it",
    `const o = { n: 2, get: function () { return this.n; } }; const f = o.get; console.log(f());`,
    "TSMP1113",
  ],
  [
    "a record's method reading this",
    `const r: Record<string, any> = { n: 2, double() { return this.n * 2; } }; console.log(r.double());`,
    "TSMP1113",
  ],
  [
    "getter in an object literal with a spread",
    `const base = { a: 2 }; const o = { ...base, get twice() { return this.a * 2; } }; console.log(o.twice);`,
    "TSMP1113",
  ],
  ["callback with a rest parameter", `console.log([1, 2].map((...xs: number[]) => xs.length));`, "TSMP1103"],
  ["an unmapped library member", `console.log(Object.getOwnPropertyDescriptor({ a: 1 }, "a"));`, "TSMP1101"],
  ["normalize of a run-time string", `const s: string = "e"; console.log(s.normalize());`, "TSMP1131"],
  ["console.log format directives", `console.log("%d items", 3);`, "TSMP1114"],
  ["ECMAScript private names", `class S { #secret = 42; reveal() { return this.#secret; } } console.log(new S().reveal());`, "TSMP1008"],
  [
    "bind to another object",
    `class A { n = 1; get() { return this.n; } } const a = new A(); const b = new A(); console.log(a.get.bind(b)());`,
    "TSMP1108",
  ],
  ["Date objects", `console.log(new Date().getTime() > 0);`, "TSMP1123"],
  ["length of a function held in a let", `let f = (a: number) => a; f = () => 0; console.log(f.length);`, "TSMP1140"],
  [
    "call of a method an interface declares",
    `interface Getter { get(): number } class A implements Getter { n = 1; get() { return this.n; } } const a: Getter = new A(); console.log(a.get.call(new A()));`,
    "TSMP1141",
  ],
  [
    "toSorted with a comparator computed in the call",
    `const order = (up: boolean) => (a: number, b: number) => (up ? a - b : b - a); console.log([2, 1].toSorted(order(true)));`,
    "TSMP1108",
  ],
  ["call of a static method", `class A { static n = 1; static get() { return this.n; } } console.log(A.get.call({ n: 2 }));`, "TSMP1141"],
  [
    "call of a class method reading this, destructured off its object",
    `class A { n = 1; get() { return this.n; } } const { get } = new A(); console.log(get.call({ n: 2 }));`,
    "TSMP1141",
  ],
  [
    "a class method reading this, taken off its object",
    `class A { n = 1; get() { return this.n; } } const a = new A(); const get = a.get; console.log(get.call({ n: 2 }));`,
    "TSMP1142",
  ],
  ["name of a function passed as an argument", `function show(f: () => void) { console.log(f.name); } show(() => {});`, "TSMP1140"],
];

describe("rejected constructs", () => {
  for (const [name, source, code] of cases) {
    it(`${name} → ${code}`, () => {
      expect(rejectionOf(source)).toContain(`error ${code}:`);
    });
  }
});

it("says why the fields of a class instance cannot be listed", () => {
  expect(rejectionOf(`class Box { id = 1; size = 2; } console.log(Object.values(new Box()).length);`)).toContain(
    "error TSMP1112: Object.values of a Box instance is not supported: its fields would come out in MicroPython's order, not creation order.",
  );
});
