import { describeCases } from "../../harness/cases.js";

/**
 * Getters and setters in object literals: each literal gets a class of its own holding them
 * as properties (JsClassObject.py). What JavaScript shows of them must not change: they are
 * own enumerable keys in their place, JSON.stringify, a spread and Object.values call the
 * getter, Object.keys, `in` and console.log do not.
 */
describeCases("object literals: getters and setters", {
  "a getter and a setter reading this": `const o = { _v: 1, get v() { return this._v; }, set v(x: number) { this._v = x * 2; } };
console.log(o.v); o.v = 5; console.log(o.v, o._v); o.v += 1; console.log(o.v, o["v"]);`,
  "listed in their place, the getter called only for values": `let calls = 0; const o = { a: 1, get b() { calls++; return this.a + 1; }, c: 3 };
console.log(Object.keys(o), calls, "b" in o, "z" in o, Object.hasOwn(o, "b"), calls);
console.log(JSON.stringify(o), calls); const copy = { ...o }; console.log(copy, calls);
console.log(Object.entries(o), Object.values(o), calls); for (const k in o) console.log(k);`,
  "console.log shows the accessor kind without calling it": `let calls = 0;
console.log({ x: 1, get g() { calls++; return 1; }, set s(v: number) {}, get gs() { return 2; }, set gs(v: number) {}, y: "z" }, calls);`,
  "a setter alone reads as undefined": `const o = { last: 0, set v(x: number) { this.last = x; } }; o.v = 3; console.log(o.v, o.last, JSON.stringify(o));`,
  "getters closing over a function's variables, one object per call": `function counter(start: number) { let n = start; return { get next() { return n++; }, reset() { n = start; } }; }
const c = counter(5); console.log(c.next, c.next); c.reset(); console.log(c.next); const d = counter(1); console.log(d.next, c.next);`,
  "names Python reserves": `const o = { get from() { return "f"; }, get class() { return "c"; }, set None(v: number) {} }; console.log(o.from, o.class, Object.keys(o), JSON.stringify(o));`,
  "Object.assign onto an object runs its setter": `const t = { log: [] as number[], set v(x: number) { this.log.push(x); } }; Object.assign(t, { v: 1 }, { v: 2 }); console.log(t.log, Object.keys(t));`,
  "a method and a getter of the same object": `const acc = { items: [3, 4], get total() { return this.items.reduce((s, x) => s + x, 0); }, add(x: number) { this.items.push(x); return this.total; } };
console.log(acc.add(5), acc.total, JSON.stringify(acc));`,
  "a getter typed through an interface": `interface Sized { readonly size: number; name: string } const s: Sized = { name: "n", get size() { return this.name.length * 10; } }; s.name = "four"; console.log(s.size, s);`,
});

describeCases("object literals: function expressions reading this", {
  "bound to their object as methods are, and to a copy": `const counter = { n: 1, bump: function () { this.n += 1; return this.n; }, show: function (p: string) { return p + this.n; } };
counter.bump(); console.log(counter.show("n="), counter.bump()); const copy = { ...counter, n: 10 }; console.log(copy.bump(), counter.n, Object.keys(copy), JSON.stringify(copy));`,
  "beside an arrow that keeps the method's this": `class Box { label = "box"; make() { return { label: "inner", own: function () { return this.label; }, outer: () => this.label }; } }
const o = new Box().make(); console.log(o.own(), o.outer());`,
  "an object replaced while its function is being called": `let o = { val: 3, add: function (x: null, y: number) { return y + this.val; } };
function swap() { o = { val: 5, add: function (x: null, y: number) { return (y + this.val) * 10; } }; return null; }
let i = 1; const first = o.add(swap(), i++); console.log(first, o.add(null, i), i);`,
});
