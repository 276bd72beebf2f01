import { describe, expect, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { transpileSnippet } from "../../harness/differential.js";

// A final class whose accessors are all getters defines them as methods (getter-methods.ts):
// every way a program can read a getter must still see it.
describeCases("getters as methods", {
  "read directly, in a loop": `class Ring { private size = 3; get length(): number { return this.size; } take() { this.size--; } } const r = new Ring(); let n = 0; while (r.length > 0) { r.take(); n++; } console.log(n, r.length);`,
  "read through any and an interface": `interface Sized { readonly size: number } class Box { private items = [1, 2]; get size() { return this.items.length; } get first() { return this.items[0]; } } const b = new Box(); const a: any = b; const s: Sized = b; console.log(a.size, a.first, s.size, a.missing === undefined);`,
  "not an own key": `class P { x = 1; get double() { return this.x * 2; } } const p = new P(); console.log(Object.keys(p), p.double);`,
  "optional chain and destructuring": `class P { get name() { return "p"; } } const p: P | undefined = new P(); const { name } = new P(); console.log(p?.name, name);`,
  "a getter computing from fields, called directly": `class C { private a = 2; private b = 3; get sum() { return this.a + this.b; } bump() { this.a++; } } const c = new C(); c.bump(); console.log(c.sum);`,
  "a getter using another getter": `class C { private n = 4; get half() { return this.n / 2; } get quarter() { return this.half / 2; } } console.log(new C().quarter);`,
  "a class with a setter keeps properties": `class T { private v = 1; get value() { return this.v; } set value(x: number) { this.v = x * 2; } } const t = new T(); t.value = 5; console.log(t.value);`,
  "an extended class keeps properties": `class A { get kind() { return "a"; } } class B extends A { override get kind() { return "b"; } } const xs: A[] = [new A(), new B()]; console.log(xs.map((x) => x.kind).join());`,
});

describe("getter methods", () => {
  it("a final class's getter is a method; one that returns a field is that field", () => {
    const main = transpileSnippet(
      `class R { private s = 1; get length() { return this.s; } } const r = new R(); console.log(r.length);`,
    ).files.find((file) => file.path === "main.py")!.text;
    expect(main).toContain("def _get_length(self):");
    expect(main).toContain("print(r.s)");
    expect(main).not.toContain("@property");
  });
});
