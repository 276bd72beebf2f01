import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("local modules", () => {
  it("named imports", () =>
    expectToMatchJsResult({
      "main.ts": `import { add, NAME } from "./util"; console.log(add(1, 2), NAME);`,
      "util.ts": `export function add(a: number, b: number) { return a + b; } export const NAME = "util";`,
    }));
  it("namespace import", () =>
    expectToMatchJsResult({
      "main.ts": `import * as u from "./util"; console.log(u.twice(4));`,
      "util.ts": `export const twice = (n: number) => n * 2;`,
    }));
  it("import from lib/ folder", () =>
    expectToMatchJsResult({
      "main.ts": `import { Counter } from "./lib/counter"; const c = new Counter(); c.inc(); console.log(c.n);`,
      "lib/counter.ts": `export class Counter { n = 0; inc() { this.n++; } }`,
    }));
  it("import from a nested folder", () =>
    expectToMatchJsResult({
      "main.ts": `import { speed } from "./drivers/motor"; console.log(speed());`,
      "drivers/motor.ts": `import { clamp } from "../lib/limits"; export function speed() { return clamp(300); }`,
      "lib/limits.ts": `export function clamp(v: number) { return v > 255 ? 255 : v; }`,
    }));
  it("an import cycle of namespace imports, at the top and in a folder, loads in JavaScript's order", () =>
    expectToMatchJsResult({
      "main.ts": `import * as flat from "./b"; import * as deep from "./ring/a"; import { label } from "./ring/c"; console.log(flat.middle(), deep.start(), label());`,
      "a.ts": `import * as b from "./b"; console.log("load a"); export function start(): string { return "a>" + b.middle(); } export function end(): string { return "end"; }`,
      "b.ts": `import * as a from "./a"; console.log("load b"); export function middle(): string { return "b>" + a.end(); }`,
      "ring/a.ts": `import * as b from "./b"; console.log("load ring/a"); export function start(): string { return "a>" + b.middle(); } export function end(): string { return "end"; }`,
      "ring/b.ts": `import * as a from "./a"; export let calls = 0; console.log("load ring/b"); export function middle(): string { calls++; return "b>" + a.end(); }`,
      "ring/c.ts": `import * as state from "./b"; import { calls } from "./b"; export * as again from "./a"; export function label(): string { return "calls=" + calls + "," + state.calls; }`,
    }));
  it("renamed imports and reserved names", () =>
    expectToMatchJsResult({
      "main.ts": `import { print as show, type Opts } from "./util"; const o: Opts = { n: 2 }; console.log(show(o.n));`,
      "util.ts": `export interface Opts { n: number } export function print(n: number) { return "n=" + n; }`,
    }));
  it("a namespace's members named like Python builtins", () =>
    expectToMatchJsResult({
      "main.ts": `import * as N from "./nums"; import { nums } from "./index"; import * as I from "./index";
function use(m: typeof N) { return m.sum([1]) + m.max([2]); }
const { min } = N;
console.log(N.sum([1, 2]), N.max([3, 4]), N.print, nums.min([5, 6]), I.nums.round(2.5), N["sum"]([7]), min([8]), use(N));`,
      "index.ts": `export * as nums from "./nums";`,
      "nums.ts": `export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export function max(xs: number[]) { return Math.max(...xs); }
export function min(xs: number[]) { return Math.min(...xs); }
export const round = (v: number) => Math.round(v) * 10;
export let print = "p";`,
    }));
  it("module state shared between importers", () =>
    expectToMatchJsResult({
      "main.ts": `import { bump, get } from "./state"; bump(); bump(); console.log(get());`,
      "state.ts": `let count = 0; export function bump() { count++; } export function get() { return count; }`,
    }));
});

describe("exports", () => {
  it("export under another name", () =>
    expectToMatchJsResult({
      "main.ts": `import { answer, VERSION } from "./values"; console.log(answer(), VERSION);`,
      "values.ts": `function compute() { return 42; } const version = "1.0"; export { compute as answer, version as VERSION };`,
    }));
  it("a user name that is also a runtime helper's", () =>
    expectToMatchJsResult(
      `const js_div = (a: number, b: number) => a + b; const JsObject = 3; console.log(js_div(1, 2), 7 / 2, JsObject);`,
    ));
});

describe("default exports and re-exports", () => {
  it("default-exported functions, classes and values, imported by any name", () =>
    expectToMatchJsResult({
      "main.ts": `import blink, { rate } from "./led"; import Motor from "./motor"; import limits from "./limits";\nconsole.log(blink(3), rate, new Motor(2).speed(), limits.max);`,
      "led.ts": `export const rate = 5;\nexport default function blink(times: number) { return "blink x" + times * rate; }`,
      "motor.ts": `export default class Motor { constructor(readonly gear: number) {} speed() { return this.gear * 100; } }`,
      "limits.ts": `const max = 255;\nexport default { min: 0, max };`,
    }));
  it("anonymous default exports", () =>
    expectToMatchJsResult({
      "main.ts": `import twice from "./twice"; import Box from "./box";\nconsole.log(twice(21), new Box().label);`,
      "twice.ts": `export default function (n: number) { return n * 2; }`,
      "box.ts": `export default class { label = "box"; }`,
    }));
  it("export { … } from, export * from and export * as", () =>
    expectToMatchJsResult({
      "main.ts": `import { add, total as sum, scale, util, Mode } from "./index";\nconsole.log(add(1, 2), sum([1, 2, 3]), scale, util.add(2, 2), Mode.Fast);`,
      "index.ts": `export { add, total } from "./arith";\nexport * from "./config";\nexport * as util from "./arith";\nexport { type Options } from "./config";`,
      "arith.ts": `export function add(a: number, b: number) { return a + b; }\nexport const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);`,
      "config.ts": `export const scale = 10;\nexport enum Mode { Slow, Fast }\nexport interface Options { fast: boolean }`,
    }));
});
