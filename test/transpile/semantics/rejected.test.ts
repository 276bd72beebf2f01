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
  ["a regular expression with the u flag", `console.log("a1b".split(/\\d/u));`, "TSMP1105"],
  ["a regular expression with lookbehind", `console.log("a1b".replace(/(?<=a)\\d/, "-"));`, "TSMP1105"],
  ["a regular expression from a run-time text", `const p: string = "a"; console.log(new RegExp(p).test("a"));`, "TSMP1143"],
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
  [
    "a class method reading this, handed to map with another object as its thisArg",
    `class A { n = 1; get() { return this.n; } } const a = new A(); const b = new A(); console.log([1].map(a.get, b));`,
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

describe("regular expressions tsmp refuses say what and what to write instead", () => {
  const refused: [string, string, string][] = [
    ["the u flag", `console.log(/a/u.test("a"));`, "TSMP1105: This regular expression is not supported by tsmp: the u flag (Unicode mode)"],
    ["the v flag", `console.log(/a/v.test("a"));`, "the v flag (Unicode sets): write the pattern without it"],
    ["the d flag", `console.log(/a/d.exec("a"));`, "the d flag (match indices)"],
    ["lookbehind", `console.log(/(?<!a)b/.test("b"));`, "lookbehind ((?<=…), (?<!…)): test the text before the match"],
    ["\\p without u", `console.log(/\\p{L}/.test("p{L}"));`, "\\p{…} (Unicode property escapes need the u flag"],
    ["a backreference with i", `console.log(/(a)\\1/i.test("aA"));`, "a backreference with the i flag"],
    ["a legacy octal escape", `console.log(/\\1a/.test("a"));`, "the legacy octal escape \\1"],
    ["an identity escape of a letter", `console.log(/\\q/.test("q"));`, 'the escape \\q, which JavaScript reads as a plain "q"'],
    ["a character outside the BMP", `console.log(/😀/.test("😀"));`, "outside the Basic Multilingual Plane"],
    ["a quantified lookahead", `console.log(new RegExp("(?=a)*").test("a"));`, "a quantifier after the assertion (?=a)"],
    ["a huge counted repetition", `console.log(/(?:ab){3000}/.test("ab"));`, "a pattern this long once counted repetitions are unrolled"],
    ["an invalid pattern", `console.log(new RegExp("(a").test("a"));`, "Invalid regular expression: /(a/: Unterminated group"],
    [
      "new RegExp of a run-time text",
      `const p: string = "a"; console.log(new RegExp(p).test("a"));`,
      "TSMP1143: A regular expression built from a text known only when the program runs is not supported",
    ],
    ["match of a run-time text", `const p: string = "a"; console.log("abc".match(p));`, "TSMP1143"],
  ];
  for (const [name, source, message] of refused) {
    it(name, () => {
      expect(rejectionOf(source)).toContain(message);
    });
  }
});
