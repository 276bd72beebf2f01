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
});
