import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("expressions that need statements first", () => {
  it("assignment inside a while condition", () =>
    expectToMatchJsResult(`const xs = [3, 2, 1, 0]; let i = 0; let v: number; while ((v = xs[i]) !== 0) { console.log(v); i++; }`));
  it("chained assignment", () => expectToMatchJsResult(`let a: number, b: number; a = b = 5; console.log(a + b);`));
  it("assignment as a value", () => expectToMatchJsResult(`let a = 0; const b = (a = 7) + 1; console.log(a, b);`));
  it("increment inside an index", () =>
    expectToMatchJsResult(`const xs = [0, 0, 0]; let i = 0; xs[i++] = 5; xs[i++] = 6; console.log(xs[0], xs[1], i);`));
  it("increment in a call argument", () =>
    expectToMatchJsResult(`let n = 1; function f(a: number, b: number) { return a * 10 + b; } console.log(f(n++, n++), n);`));
  it("comma operator in a for header", () =>
    expectToMatchJsResult(`let s = ""; for (let i = 0, j = 3; i < j; i++, j--) s += i + "" + j + ","; console.log(s);`));
  it("side effects keep their order", () =>
    expectToMatchJsResult(
      `const log: string[] = []; function t(x: string) { log.push(x); return x; } const r = t("a") + t("b") + t("c"); console.log(r, log.length);`,
    ));
});

describe("nested scopes", () => {
  it("closure assigns a variable of an enclosing loop body", () =>
    expectToMatchJsResult(
      `function f() { let total = 0; for (const x of [1, 2, 3]) { const add = () => { total += x; }; add(); } return total; } console.log(f());`,
    ));
  it("class declared inside a function", () =>
    expectToMatchJsResult(
      `function make(n: number) { class Local { v = n; twice() { return this.v * 2; } } return new Local().twice(); } console.log(make(21));`,
    ));
  it("async callback passed inline", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
async function runWith(cb: (n: number) => Promise<number>) { return await cb(4); }
async function main() { console.log(await runWith(async (n) => { await asyncio.sleep_ms(1); return n * n; })); }
asyncio.run(main());`));
  it("recursive closure", () =>
    expectToMatchJsResult(
      `function outer() { const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1)); return fact(6); } console.log(outer());`,
    ));
  it("counter object with closures", () =>
    expectToMatchJsResult(
      `function makeCounter() { let count = 0; return { inc: () => ++count, get: () => count }; } const c = makeCounter(); c.inc(); c.inc(); console.log(c.get());`,
    ));
  it("generic function with constraint", () =>
    expectToMatchJsResult(
      `interface HasId { id: number } function maxId<T extends HasId>(items: T[]): number { let m = -1; for (const it of items) if (it.id > m) m = it.id; return m; } console.log(maxId([{ id: 3 }, { id: 9 }, { id: 4 }]));`,
    ));
});

describe("evaluation order", () => {
  it("prefix increments in one expression", () => expectToMatchJsResult(`let i = 0; const x = ++i + ++i; console.log(x, i);`));
  it("postfix increments in one expression", () => expectToMatchJsResult(`let i = 5; const x = i++ * 10 + i++; console.log(x, i);`));
  it("a property read before its increment", () =>
    expectToMatchJsResult(`const o = { n: 0 }; const before = o.n++; const sum = o.n + ++o.n; console.log(before, sum, o.n);`));
  it("an element read before an assignment to it", () =>
    expectToMatchJsResult(`const a = [1, 2]; function set(v: number) { a[0] = v; return v; } console.log(a[0] + set(9), a[0]);`));
  it("arguments left to right", () =>
    expectToMatchJsResult(
      `const box = { v: 1 }; function pair(x: number, y: number) { return x * 10 + y; } console.log(pair(box.v, (box.v = 5)), box.v);`,
    ));
  it("console.log arguments left to right around a property increment", () =>
    expectToMatchJsResult(`const o = { n: 1 }; console.log(o.n, ++o.n, o.n++, o.n);`));
  it("library call arguments left to right around a property increment", () =>
    expectToMatchJsResult(`const o = { n: 3 }; console.log(Math.max(o.n, ++o.n * 0), Math.min(o.n, o.n--), o.n);`));
  it("a method's receiver is read before its arguments", () =>
    expectToMatchJsResult(`class Box { constructor(public v: number) {} add(x: number) { return this.v + x; } }
const o = { n: 0 }; const boxes = [new Box(10), new Box(20)];
console.log(boxes[o.n].add(++o.n), o.n);
let make = (x: number) => x * 2; const other = (x: number) => x * 3;
console.log(make((make = other, 5)));
console.log(new Box(o.n++).add(o.n));`));
  it("a library method's receiver is read before its arguments", () =>
    expectToMatchJsResult(`const o = { n: 0 }; const words = ["ab", "cd"];
console.log(words[o.n].slice(++o.n), o.n);
let list = [1]; const old = list; list.push((list = [9], 2)); console.log(old, list);`));
  it("console.log of a void call still makes the call", () =>
    expectToMatchJsResult(
      `function f(): void { console.log("called"); } function g(): null { console.log("g"); return null; } console.log(f(), g(), undefined);`,
    ));
  it("converting a void or null call to text still makes the call", () =>
    expectToMatchJsResult(`function f(): void { console.log("f"); } function g(): null { console.log("g"); return null; }
console.log(String(f()), String(g()), \`\${g()}|\${f()}\`, "n=" + g());`));
  it("slice bounds left to right around a property increment", () =>
    expectToMatchJsResult(
      `const o = { n: 1 }; const s = "abcdef"; const a = [1, 2, 3, 4, 5]; console.log(s.slice(o.n, ++o.n), a.slice(o.n, ++o.n), s.substring(o.n, o.n++ + 2), o.n);`,
    ));
  it("spread and plain library arguments in order", () =>
    expectToMatchJsResult(`const o = { n: 1 }; const xs = [5, 0]; console.log(Math.max(o.n, ...xs, ++o.n + 10));`));
});

describe("parameters", () => {
  it("undefined passed for a defaulted parameter", () =>
    expectToMatchJsResult(
      `function f(x = 5, y = "d") { return x + y; } let u: number | undefined; console.log(f(undefined), f(u, undefined), f(1, "e"));`,
    ));
  it("named function expression calls itself", () =>
    expectToMatchJsResult(
      `const fact = function inner(n: number): number { return n <= 1 ? 1 : n * inner(n - 1); }; console.log(fact(5));`,
    ));
  it("static method calls the base class's static method", () =>
    expectToMatchJsResult(
      `class A { static base() { return 1; } } class B extends A { static base() { return super.base() + 1; } } console.log(B.base());`,
    ));
  it("null prints as null in strings", () => expectToMatchJsResult(`const n = null; console.log(\`\${n}\`, "v=" + n);`));
});

describe("statements needed on one side only", () => {
  it("a property increment right of &&", () =>
    expectToMatchJsResult(
      `const o = { n: 0 }; function f(a: boolean) { return a && o.n++ >= 0; } console.log(f(false), o.n, f(true), o.n);`,
    ));
  it("in an if condition", () =>
    expectToMatchJsResult(
      `const o = { n: 0 }; for (const a of [false, true, true]) { if (a || o.n++ > 5) console.log("yes", o.n); else console.log("no", o.n); }`,
    ));
  it("a branch of ?: with an increment", () =>
    expectToMatchJsResult(`const o = { n: 10 }; for (const a of [true, false]) { const v = a ? o.n++ : o.n--; console.log(v, o.n); }`));
  it("?? and ||= with an increment", () =>
    expectToMatchJsResult(
      `const o = { n: 1 }; let u: number | undefined; const v = u ?? o.n++; let w = 5; w ||= o.n++; let z = 0; z ||= o.n++; console.log(v, w, z, o.n);`,
    ));
});
