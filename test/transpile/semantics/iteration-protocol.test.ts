import { describeCases } from "../../harness/cases.js";

/**
 * The iteration protocol on the program's own classes and object literals: `[Symbol.iterator]()`
 * is what for…of, spread, Array.from and array destructuring call, once, before stepping the
 * iterator it returns by next() (symbol-iterator.ts, js_iterate.py).
 */
describeCases("iteration protocol: [Symbol.iterator]() of the program's objects", {
  "a class whose iterator is an object with next()": `class Span { constructor(private lo: number, private hi: number) {}
  [Symbol.iterator]() { let i = this.lo; const hi = this.hi; return { next: () => (i < hi ? { value: i, done: i++ < 0 } : { value: -1, done: true }) }; } }
const r = new Span(1, 4); for (const x of r) console.log(x); console.log([...r], Array.from(r), Math.max(...r)); const [a, b] = new Span(5, 9); console.log(a, b);`,
  "a generator method": `class Bag { items = ["a", "b"]; *[Symbol.iterator]() { yield* this.items; yield "end"; } }
for (const s of new Bag()) console.log(s); console.log([...new Bag()].join("+"), Array.from(new Bag(), (s) => s.length));`,
  "an object literal that is its own iterator": `let i = 0; const squares = { [Symbol.iterator]() { return this; }, next() { i++; return { value: i * i, done: i > 3 }; } };
console.log(Object.keys(squares), JSON.stringify(squares)); console.log([...squares], i); console.log([...squares], i);`,
  "a function returning an IterableIterator": `function letters(s: string): IterableIterator<string> { let k = 0; return { [Symbol.iterator]() { return this; }, next() { return k < s.length ? { value: s[k++], done: false } : { value: "", done: true }; } }; }
let out = ""; for (const c of letters("xyz")) out += c.toUpperCase(); console.log(out); console.log([...letters("ab")], Array.from(letters("cd"))); const it = letters("ef"); console.log(it.next(), [...it], it.next());`,
  "next() of values typed only as iterators": `function* g() { yield 1; return 2; } const gi: Iterator<number> = g(); console.log(gi.next(), gi.next(), gi.next());
const mi: IterableIterator<string> = new Map([["a", 1]]).keys(); console.log(mi.next(), mi.next());
const own: Iterator<string> = { next: () => ({ value: "own", done: false }) }; console.log(own.next().value);`,
  "a loop left early, and the iterator called by hand": `class Count { n = 0; [Symbol.iterator]() { return this; } next() { this.n++; return { value: this.n, done: false }; } }
const c = new Count(); for (const v of c) { if (v > 2) break; console.log(v); } console.log(c.n); const own = c[Symbol.iterator](); console.log(own === c, own.next().value);`,
  "a subclass replacing the iterator": `class Base { [Symbol.iterator](): Iterator<string> { let left = 1; return { next: () => ({ value: "base", done: left-- <= 0 }) }; } } class Child extends Base { *[Symbol.iterator]() { yield "child"; yield "!"; } }
const all: Base[] = [new Base(), new Child()]; for (const o of all) console.log([...o]);`,
  "done and value left out": `const it = { [Symbol.iterator]() { return this; }, k: 0, next() { this.k++; return this.k < 3 ? { value: this.k } : { done: true }; } };
console.log([...(it as Iterable<number | undefined>)]);`,
  "for…of over an Iterable parameter closes a generator it leaves": `function* nat() { let i = 0; try { while (true) yield i++; } finally { console.log("closed at", i); } } function* take<T>(it: Iterable<T>, n: number) { for (const v of it) { yield v; if (--n === 0) return; } } console.log([...take(nat(), 3)]); function firstOver(xs: Iterable<number>, t: number): number | undefined { for (const x of xs) if (x > t) return x; return undefined; } console.log(firstOver(nat(), 4)); try { for (const x of nat() as Iterable<number>) if (x === 2) throw new Error("stop"); } catch (e) { console.log((e as Error).message); }`,
  "for…of over a class's generator iterator closes it on break": `class Ring { constructor(private items: string[]) {} *[Symbol.iterator]() { try { for (const x of this.items) yield x; } finally { console.log("ring closed"); } } } const r = new Ring(["a", "b", "c"]); for (const x of r) { console.log(x); if (x === "b") break; } for (const x of r) console.log(x); console.log("end");`,
  "for…of over an iterable typed any or IterableIterator closes a generator": `function* g() { try { yield 1; yield 2; } finally { console.log("g closed"); } } const a: any = g(); for (const x of a) { console.log(x); break; } const it: IterableIterator<number> = g(); outer: for (const k of [1, 2]) { for (const x of it) { console.log(k, x); continue outer; } } console.log(it.next());`,
  "array pattern over an Iterable closes a generator it leaves": `function* g() { try { yield 1; yield 2; yield 3; } finally { console.log("g closed"); } } function two(it: Iterable<number>) { const [a, b] = it; return a + b; } console.log(two(g())); class R { *[Symbol.iterator]() { try { yield "r"; yield "s"; } finally { console.log("R closed"); } } } const [r1] = new R(); console.log(r1);`,
});
