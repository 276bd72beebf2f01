import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("block scoping in function-scoped Python", () => {
  it("an inner let shadows an outer one", () => expectToMatchJsResult(`let x = 1; { let x = 2; console.log(x); } console.log(x);`));
  it("shadowing inside a function", () =>
    expectToMatchJsResult(
      `function f(n: number) { const r = n; if (n > 0) { const r = n * 10; console.log(r); } return r; } console.log(f(3));`,
    ));
  it("a loop variable shadows an outer variable", () =>
    expectToMatchJsResult(`const i = 100; for (let i = 0; i < 2; i++) console.log(i); console.log(i);`));
  it("sibling blocks reuse a name", () =>
    expectToMatchJsResult(
      `for (const n of [1, 2]) { if (n === 1) { const label = "one"; console.log(label); } else { const label = "two"; console.log(label); } }`,
    ));
  it("catch variable does not clobber an outer one", () =>
    expectToMatchJsResult(
      `const e = "outer"; try { throw new Error("inner"); } catch (e) { console.log((e as Error).message); } console.log(e);`,
    ));
  it("closure over a shadowed variable", () =>
    expectToMatchJsResult(`let v = "a"; let get = () => v; { let v = "b"; get = () => v; } console.log(get(), v);`));
});

describe("function hoisting", () => {
  it("calls a function declared further down", () =>
    expectToMatchJsResult(`console.log(later(2)); function later(n: number) { return n * 3; }`));
  it("a function calling one declared after it, called early", () =>
    expectToMatchJsResult(`start(); function start() { console.log(helper()); } function helper() { return "helped"; }`));
  it("hoisting inside a function body", () =>
    expectToMatchJsResult(`function outer() { return inner() + 1; function inner() { return 41; } } console.log(outer());`));
});

describe("closures created in loops", () => {
  it("capture each iteration's const", () =>
    expectToMatchJsResult(
      `const fs: (() => number)[] = []; for (const n of [1, 2, 3]) fs.push(() => n * 10); let out = ""; for (const f of fs) out += f() + " "; console.log(out);`,
    ));
  it("capture each iteration's counter", () =>
    expectToMatchJsResult(
      `const fs: (() => number)[] = []; for (let i = 0; i < 3; i++) { fs.push(() => i); } console.log(fs[0]() + fs[1]() * 10 + fs[2]() * 100);`,
    ));
  it("capture a let declared in a while body", () =>
    expectToMatchJsResult(
      `const fs: (() => string)[] = []; let k = 0; while (k < 2) { const tag = "t" + k; fs.push(() => { const s = tag + "!"; return s; }); k++; } console.log(fs[0](), fs[1]());`,
    ));
  it("a callback with a parameter keeps it first", () =>
    expectToMatchJsResult(
      `const fs: ((x: number) => number)[] = []; for (const m of [2, 3]) fs.push((x) => x * m); console.log(fs[0](5), fs[1](5));`,
    ));
});

describe("getters and setters", () => {
  it("getter", () =>
    expectToMatchJsResult(
      `class C { constructor(private r: number) {} get area() { return this.r * this.r * 3; } } console.log(new C(2).area);`,
    ));
  it("getter and setter", () =>
    expectToMatchJsResult(
      `class T { private c = 0; set celsius(v: number) { this.c = v; } get celsius() { return this.c; } get f() { return this.c * 9 / 5 + 32; } } const t = new T(); t.celsius = 100; console.log(t.celsius, t.f);`,
    ));
  it("setter runs from the constructor", () =>
    expectToMatchJsResult(
      `class P { private v = 0; constructor(x: number) { this.value = x; } get value() { return this.v; } set value(x: number) { this.v = x < 0 ? 0 : x; } } console.log(new P(-5).value, new P(7).value);`,
    ));
});
