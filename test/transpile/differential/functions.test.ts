import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("functions", () => {
  it("declares and calls a function", () =>
    expectToMatchJsResult(`function add(a: number, b: number) { return a + b; } console.log(add(2, 3));`));
  it("default parameters", () =>
    expectToMatchJsResult(`function greet(name = "world") { return "hello " + name; } console.log(greet(), greet("you"));`));
  it("default parameter evaluated per call", () =>
    expectToMatchJsResult(
      `function add(x: number, list: number[] = []) { list.push(x); return list.length; } console.log(add(1), add(2));`,
    ));
  it("optional parameters are undefined", () =>
    expectToMatchJsResult(`function f(a?: number) { return a === undefined ? "none" : "some"; } console.log(f(), f(1));`));
  it("expression-bodied arrow", () => expectToMatchJsResult(`const sq = (x: number) => x * x; console.log(sq(7));`));
  it("block-bodied arrow", () => expectToMatchJsResult(`const f = (x: number) => { const y = x + 1; return y * 2; }; console.log(f(3));`));
  it("arrow passed as argument becomes a lambda", () =>
    expectToMatchJsResult(`function apply(f: (x: number) => number, v: number) { return f(v); } console.log(apply((x) => x + 10, 5));`));
  it("multi-statement arrow as argument is hoisted", () =>
    expectToMatchJsResult(
      `function apply(f: (x: number) => number, v: number) { return f(v); } console.log(apply((x) => { let y = x; y += 2; return y; }, 5));`,
    ));
  it("recursion", () =>
    expectToMatchJsResult(`function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); } console.log(fib(15));`));
  it("closure reads captured variable", () =>
    expectToMatchJsResult(`function outer() { const base = 10; return (x: number) => base + x; } console.log(outer()(5));`));
  it("closure reassigns captured variable (nonlocal)", () =>
    expectToMatchJsResult(
      `function counter() { let n = 0; return () => { n++; return n; }; } const c = counter(); c(); c(); console.log(c());`,
    ));
  it("function reassigns module variable (global)", () =>
    expectToMatchJsResult(`let total = 0; function addTo(x: number) { total += x; } addTo(3); addTo(4); console.log(total);`));
  it("nested closures three levels", () =>
    expectToMatchJsResult(
      `function a() { let x = 1; function b() { function c() { x = x * 5; } c(); } b(); return x; } console.log(a());`,
    ));
  it("function returning nothing prints undefined", () => expectToMatchJsResult(`function f(): void {} console.log(f());`));
  it("postfix increment value in expression", () => expectToMatchJsResult(`let i = 5; const j = i++; console.log(i, j);`));
  it("prefix increment value in expression", () => expectToMatchJsResult(`let i = 5; const j = ++i; console.log(i, j);`));
});

describe("comments", () => {
  it("survive as # lines, in blocks with nothing else too", () =>
    expectToMatchJsResult(
      `// leading\nfunction f(n: number) {\n  /* block\n   * comment */\n  if (n > 0) {\n    // only a comment and a type\n    interface Unused { a: number }\n  }\n  return n; // trailing\n}\nconsole.log(f(2));`,
    ));
});

describe("callbacks given more arguments than they declare", () => {
  it("a lambda ignores the extra arguments", () =>
    expectToMatchJsResult(
      `function each(f: (a: number, b: number) => void) { f(1, 2); } each((a) => console.log("got", a)); each(() => console.log("none"));`,
    ));
  it("a hoisted callback ignores them too, and keeps loop bindings", () =>
    expectToMatchJsResult(`const handlers: ((pin: number) => void)[] = []; function irq(h: (pin: number) => void) { handlers.push(h); }
for (const name of ["a", "b"]) { irq(() => { const text = "irq " + name; console.log(text); }); }
for (const h of handlers) h(7);`));
});

describe("functions holding properties", () => {
  it("assigned after a declaration, an arrow and a generator, read inside and outside", () =>
    expectToMatchJsResult(
      `function tally(n: number): number { tally.calls++; return n * 2; }\ntally.calls = 0;\nconst label = (s: string) => s + label.suffix;\nlabel.suffix = "!";\nfunction* gen() { yield gen.first; }\ngen.first = 7;\nfunction greet(this: string, s: string) { return this + s + greet.mark; }\ngreet.mark = "?";\nconsole.log([1, 2].map(tally), tally.calls, typeof tally, label("hi"), [...gen()], greet.call("a", "b"));`,
    ));
  it("declared by a function type, or copied on by Object.assign", () =>
    expectToMatchJsResult(
      `const h: { (s: string): string; tag: string } = (s) => s + h.tag;\nh.tag = "#";\nconst named = Object.assign((n: number) => n + named.step, { step: 10, from: "k" });\nnamed.step++;\nconsole.log(h("x"), h.tag, named(1), named.from);`,
    ));
});
