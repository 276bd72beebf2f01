import { describe, expect, it } from "vitest";
import { expectSameOutput, expectToMatchJsResult, runOnBoth } from "../../harness/differential.js";

describe("arrays", () => {
  it("literal, index and length", () => expectToMatchJsResult(`const xs = [10, 20, 30]; console.log(xs[0], xs[2], xs.length);`));
  it("push and pop", () =>
    expectToMatchJsResult(`const xs: number[] = []; xs.push(1); xs.push(2, 3); const last = xs.pop(); console.log(last, xs.length);`));
  it("pop on empty array is undefined", () => expectToMatchJsResult(`const xs: number[] = []; console.log(xs.pop());`));
  it("index assignment", () => expectToMatchJsResult(`const xs = [1, 2, 3]; xs[1] = 9; xs[0] += 5; console.log(xs[0], xs[1]);`));
  it("nested arrays", () => expectToMatchJsResult(`const m = [[1, 2], [3, 4]]; console.log(m[1][0], m.length, m[0].length);`));
  it("array of strings in a loop", () =>
    expectToMatchJsResult(`const names = ["a", "b"]; let out = ""; for (const n of names) out += n + ";"; console.log(out);`));
  it("array passed by reference", () =>
    expectToMatchJsResult(`function add(xs: number[]) { xs.push(4); } const a = [1]; add(a); console.log(a.length);`));
  it("array in a template", () => expectToMatchJsResult(`const xs = [1, 2]; console.log(\`\${xs}\`);`));
  it("map and filter with an inline arrow become list comprehensions, except where a closure needs its own variable", async () => {
    const outputs = await runOnBoth(`
class Scaler {
  constructor(private factor: number) {}
  apply(xs: number[]) { return xs.map((x) => x * this.factor); }
}
const x = [3, 1, 2];
const doubled = x.map((x) => -x);
const even = [1, 2, 3, 4].filter((n) => n % 2 === 0);
const grid = [1, 2].map((r) => [10, 20].map((c) => r + c));
const getters = x.map((v) => () => v);
const growing = [1, 2];
const seen = growing.map((v) => growing.length + v);
console.log(doubled.join(), even.join(), JSON.stringify(grid), getters.map((g) => g()).join(), seen.join(), new Scaler(5).apply(x).join());
`);
    expectSameOutput(outputs);
    expect(outputs.python).toContain("doubled = [-x for x in x]\n");
    expect(outputs.python).toContain("even = [n for n in [1, 2, 3, 4] if n % 2 == 0]\n");
    expect(outputs.python).toContain("grid = [[r + c for c in [10, 20]] for r in [1, 2]]\n");
    expect(outputs.python).toContain("getters = list(map(lambda v: lambda: v, x))\n");
  });
});

describe("objects", () => {
  it("literal and property access", () => expectToMatchJsResult(`const p = { x: 1, y: "two" }; console.log(p.x, p.y);`));
  it("property assignment", () => expectToMatchJsResult(`const p = { x: 1 }; p.x = 5; p.x += 1; console.log(p.x);`));
  it("nested objects", () => expectToMatchJsResult(`const o = { inner: { v: 3 } }; o.inner.v *= 2; console.log(o.inner.v);`));
  it("shorthand properties", () => expectToMatchJsResult(`const x = 1, y = 2; const p = { x, y }; console.log(p.x + p.y);`));
  it("object with a method-like arrow", () => expectToMatchJsResult(`const o = { f: (n: number) => n + 1 }; console.log(o.f(1));`));
  it("interface-typed object", () =>
    expectToMatchJsResult(
      `interface Pt { x: number; y: number } function len2(p: Pt) { return p.x * p.x + p.y * p.y; } console.log(len2({ x: 3, y: 4 }));`,
    ));
  it("string-keyed access with a literal", () => expectToMatchJsResult(`const o = { a: 1 }; console.log(o["a"]);`));
  it("record type is a dict", () =>
    expectToMatchJsResult(
      `const counts: Record<string, number> = {}; counts["a"] = 1; counts["b"] = 2; counts.a += 1; console.log(counts["a"], counts.b);`,
    ));
  it("object identity", () => expectToMatchJsResult(`const a = { v: 1 }; const b = a; b.v = 2; console.log(a.v, a === b);`));
  it("reserved word property names", () =>
    expectToMatchJsResult(`const o = { from: 1, pass: 2, print: 3 }; console.log(o.from + o.pass + o.print);`));
  it("methods that do not read this, in key order, generator and async ones too, ignoring surplus arguments", () =>
    expectToMatchJsResult(
      `const tools = { n: 1, double(x: number) { return x * 2; }, *count(k: number) { for (let i = 0; i < k; i++) yield i; }, async later() { return 5; }, $$(s: string) { return s + "$"; } };\nconsole.log(Object.keys(tools), tools.double(21), [...tools.count(3)], tools.$$("a"), typeof tools.later, JSON.stringify(tools));\nconst loose: any = { first(a: number) { return a; } };\nconsole.log(loose.first(1, 2));`,
    ));
  it("methods reading this: bound to their object, rebound to a copy by spread and Object.assign", () =>
    expectToMatchJsResult(
      `const counter = { n: 1, inc(by: number) { this.n += by; return this; }, scaled() { return [1, 2].map((x) => x * this.n); } };\ncounter.inc(2).inc(3);\nconsole.log(counter.n, counter.scaled(), typeof counter.inc, JSON.stringify(counter), Object.keys(counter));\nconst copy = { ...counter, n: 100 };\ncopy.inc(1);\nconst shower = { n: 0, show() { return "n=" + this.n; } };\nconst merged = Object.assign({ n: 7 }, shower);\nmerged.n = 9;\ninterface Greeter { name: string; greet(): string }\nfunction make(name: string): Greeter { return { name, greet() { return "hi " + this.name; } }; }\nconst g = make("a");\ng.name = "b";\nconsole.log(copy.n, counter.n, merged.show(), shower.show(), g.greet(), { ...g, name: "c" }.greet());`,
    ));
});
