import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("optional chaining", () => {
  it("property on a possibly undefined object", () =>
    expectToMatchJsResult(
      `interface P { name: string } function f(p?: P) { return p?.name ?? "none"; } console.log(f({ name: "x" }), f());`,
    ));
  it("a chain short-circuits as a whole", () =>
    expectToMatchJsResult(
      `interface N { v: number; next?: N } const n: N = { v: 1, next: { v: 2 } }; console.log(n.next?.v, \`\${n.next?.next?.v}\`);`,
    ));
  it("optional call", () =>
    expectToMatchJsResult(
      `interface H { on?: (x: number) => number } const a: H = { on: (x) => x * 2 }; const b: H = {}; console.log(a.on?.(4), \`\${b.on?.(4)}\`);`,
    ));
  it("optional element access", () =>
    expectToMatchJsResult(`function first(xs?: number[]) { return xs?.[0] ?? -1; } console.log(first([7]), first());`));
  it("the base is evaluated once", () =>
    expectToMatchJsResult(
      `let calls = 0; interface P { v: number } function get(): P | undefined { calls++; return { v: 3 }; } console.log(get()?.v, calls);`,
    ));
  it("method call on a possibly undefined receiver", () =>
    expectToMatchJsResult(
      `class C { hi() { return "hi"; } } function f(c: C | null) { return c?.hi() ?? "nobody"; } console.log(f(new C()), f(null));`,
    ));
});

describe("optional chaining on library values", () => {
  it("length of a possibly undefined array", () =>
    expectToMatchJsResult(`function n(xs?: number[]) { return xs?.length ?? 0; } console.log(n([1, 2]), n());`));
});

describe("optional call of a base class's method through super", () => {
  it("instance and static methods, the method given its this", () =>
    expectToMatchJsResult(`
class Parent { protected tag = "parent"; describe(n: number) { return this.tag + ":" + n; } static kind() { return "parent kind"; } }
class Child extends Parent {
  protected tag = "child";
  describe(n: number) { return "child(" + super.describe?.(n * 2) + ")"; }
  static kind() { return "child of " + super.kind?.(); }
}
console.log(new Child().describe(3), Child.kind(), new Parent().describe(1));
`));
});
