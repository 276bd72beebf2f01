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
  // Each way out of the class's own type: the getter must still be found by name.
  "an instance in an array, read through any": `class R { private s = 2; get length() { return this.s; } } const rs = [new R()]; const a: any[] = rs; console.log(a[0].length, rs[0]!.length);`,
  "an instance handed to a generic function": `class R { private s = 3; get length() { return this.s; } } function first<T>(x: T): T { return x; } const r: any = first(new R()); console.log(r.length);`,
  "an instance cast to any, returned through an interface": `interface Sized { length: number } class R { private s = 4; get length() { return this.s; } } function make(): Sized { return new R(); } const r = new R(); console.log((r as any).length, make().length);`,
  "this handed out": `class R { private s = 5; get length() { return this.s; } self(): unknown { return this; } } const x: any = new R().self(); console.log(x.length);`,
  "an instance in an object literal and a field": `class R { private s = 6; get length() { return this.s; } } class H { r = new R(); } const o: { r: any } = { r: new R() }; const h: any = new H(); console.log(o.r.length, h.r.length);`,
  "a generic class's instance, and the class itself, in any": `class Box<T> { private v: T; constructor(v: T) { this.v = v; } get value() { return this.v; } } const b = new Box<number>(1); const a: any = b; const C: any = Box; console.log(a.value, b.value, new C(5).value);`,
  "an instance kept typed: variables, fields, parameters, returns": `class R { private s = 7; get length() { return this.s; } get twice() { return this.s * 2; } grow() { this.s++; return this; } } class Box { private r: R | undefined = new R(); get() { return this.r!; } } function len(r: R): number { return r.length; } function make(): R { return new R(); } let r = make(); r = r.grow(); const b = new Box(); console.log(len(r), b.get().length, r.twice, r === r.grow(), r.length, !r);`,
});

describe("getter methods", () => {
  const mainOf = (source: string) => transpileSnippet(source).files.find((file) => file.path === "main.py")!.text;

  it("a final class's getter is a method; one that returns a field is that field", () => {
    const main = mainOf(
      `class R { private s = 1; get length() { return this.s; } } const r = new R(); const a: any = r; console.log(r.length, a.length);`,
    );
    expect(main).toContain("def _get_length(self):");
    expect(main).toContain("def __getattr__(self, name):");
    expect(main).toContain('print(r.s, js_inspect(js_get(a, "length")))');
    expect(main).not.toContain("@property");
  });

  it("a class whose instances keep its type has no dispatch, nor a method for a getter returning a field", () => {
    const main = mainOf(
      `class R { private s = 1; get length() { return this.s; } get twice() { return this.s * 2; } } const r = new R(); console.log(r.length, r.twice);`,
    );
    expect(main).not.toContain("__getattr__");
    expect(main).not.toContain("_get_length");
    expect(main).toContain("def _get_twice(self):");
    expect(main).toContain("print(r.s, r._get_twice())");
  });

  it("an instance exported by name keeps the dispatch: another module may read it through any", () => {
    const main = mainOf(
      `class R { private s = 1; get length() { return this.s; } } const r = new R(); export { r }; console.log(r.length);`,
    );
    expect(main).toContain("def __getattr__(self, name):");
  });
});
