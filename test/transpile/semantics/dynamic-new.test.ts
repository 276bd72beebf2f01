import { describeCases } from "../../harness/cases.js";

// `new C(...)` where the checker cannot tell what C is: js_new does what JavaScript's new does.
describeCases("new of a constructor the checker cannot resolve", {
  "an any holding Int16Array over a buffer": `const C: any = Int16Array; const t = new C(new Uint8Array([1, 2, 3, 4]).buffer); console.log(t[0], t[1], t.length);`,
  "an any holding a typed array from a length and from values": `const C: any = Uint16Array; const a = new C(3); const b = new C([1, 70000]); console.log(a.length, a[0], b[0], b[1]);`,
  "an any holding a class of the program": `class P { constructor(public x: number, public y: number) {} sum() { return this.x + this.y; } } const C: any = P; const p = new C(2, 3); console.log(p.sum(), p instanceof P);`,
  "an any holding Map, Set and Error": `const M: any = Map; const S: any = Set; const E: any = Error; const m = new M([["a", 1]]); const s = new S([1, 1, 2]); const e = new E("boom"); console.log(m.get("a"), s.size, e.message, e.name, e instanceof Error);`,
  "a factory typed by a construct signature": `function make<T>(C: new (n: number) => T, n: number): T { return new C(n); } const t = make(Int32Array, 2); class Box { constructor(public n: number) {} } console.log(t.length, make(Box, 5).n);`,
  "a union of a typed array and a class": `class Pair { constructor(public n: number) {} } function build(big: boolean) { const C: typeof Uint8Array | typeof Pair = big ? Uint8Array : Pair; return new C(2); } console.log((build(true) as Uint8Array).length, (build(false) as Pair).n);`,
  "an unknown cast": `const C = Float32Array as unknown as new (b: ArrayBuffer) => Float32Array; const f = new Float32Array([1.5, -2]); const g = new C(f.buffer); console.log(g[0], g[1]);`,
});
