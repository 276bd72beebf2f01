import { describeCases } from "../../harness/cases.js";

describeCases("function values: name and length", {
  "length counts the parameters before a default or a rest, without this": `function none() {} function three(a: number, b: string, c?: boolean) {} function withDefault(a: number, b = 2, c?: number) {} function rest(a: number, ...more: number[]) {} function onlyThis(this: void) {} function thisFirst(this: void, x: number, y: number) {}
console.log(none.length, three.length, withDefault.length, rest.length, onlyThis.length, thisFirst.length);`,
  "length of arrows, function expressions and overloads": `const add = (x: number, y: number) => x + y; const one = function (x: number) { return x; }; function over(a: string): string; function over(a: number, b: number): number; function over(a: any, b?: any): any { return a; }
console.log(add.length, one.length, over.length, ((a: number, b: number, c: number) => a).length, (() => 0).length);`,
  "name of functions and arrows": `function named() {} const arrow = () => 1; const expr = function () {}; const inner = function own() {}; const alias = arrow;
console.log(named.name, arrow.name, expr.name, inner.name, alias.name, JSON.stringify((() => 1).name));`,
  "name and length of classes": `class Point { constructor(public x: number, y = 0) {} } class Empty {} class Child extends Point {} const Anonymous = class {}; const Own = class Inner {}; const Again = Anonymous;
console.log(Point.name, Point.length, Empty.name, Empty.length, Child.name, Child.length, Anonymous.name, Own.name, Again.name, JSON.stringify((class {}).name));`,
});

describeCases("function values: call, apply and bind through an optional chain", {
  "a function that may be undefined keeps its own type": `function pair(this: unknown, arg: unknown) { return [this, arg]; } function pick(n: number) { return n > 0 ? pair : undefined; } const some = pick(1); const none = pick(0);
console.log(JSON.stringify(some?.call(1, 2)), JSON.stringify(some?.apply("t", [3])), none?.call(1, 2), none?.apply(1, [2]), JSON.stringify(some?.bind(5)(6)));`,
  "an arrow ignores the this argument": `const double = (x: number) => x * 2; const maybe = [double, undefined][0]; console.log(maybe?.call(99, 4), maybe?.apply(undefined, [5]), double.call(null, 1), maybe?.bind(7)(8));`,
});

describeCases("function values: call, apply and bind of a const whose type forgot the function", {
  "a function declaring this, typed without it": `const greet: (...args: any) => any = function (this: { name: string }, greeting: string, end: string) { return greeting + " " + this.name + end; }; const who = { name: "Ada" };
console.log(greet.call(who, "hi", "!"), greet.apply(who, ["yo", "?"]), greet.bind(who, "hey")("."));`,
  "typed Function": `const plus: Function = function (this: number, x: number) { return this + x; }; console.log(plus.call(2, 3), plus.apply(10, [5]), plus.bind(1)(1));`,
  "an arrow and a plain function ignore the this argument": `const twice: (x: number) => number = (x) => x * 2; const inc = function (x: number) { return x + 1; }; const f: Function = inc;
console.log(twice.call(9, 3), twice.apply(null, [4]), twice.bind(7, 5)(), f.call(0, 1), f.apply(0, [2]));`,
});

describeCases("function values: call, apply and bind of a value the build cannot identify", {
  "a parameter of a function type declaring this gets the this argument": `function area(this: { w: number }, k: number) { return this.w * k; }
const scale = function (this: { w: number }, k: number) { return this.w - k; };
function run(fn: (this: { w: number }, k: number) => number, k: number) { return [fn.call({ w: 5 }, k), fn.apply({ w: 2 }, [k]), fn.bind({ w: 3 })(k)]; }
console.log(JSON.stringify([run(area, 2), run(scale, 1), run((k) => k + 1, 2), run(function (k) { return k * 10; }, 3)]));`,
  "functions in an array, a property and a Map": `function who(this: { name: string } | undefined, greeting: string) { return greeting + " " + (this === undefined ? "nobody" : this.name); }
const table: Array<(this: { name: string } | undefined, g: string) => string> = [who, (g) => g + "!"];
const holder = { fn: who as (this: { name: string } | undefined, g: string) => string };
const byName = new Map([["who", who]]);
console.log(table[0]!.call({ name: "Ada" }, "hi"), table[1]!.call({ name: "Ada" }, "hi"), holder.fn.call(undefined, "yo"), byName.get("who")!.apply({ name: "Bo" }, ["hey"]));`,
  "a bound function keeps its this, its bound arguments come first": `function sum(this: { base: number }, ...ks: number[]) { return this.base + ks.reduce((a, b) => a + b, 0); }
function later(fn: (this: { base: number }, ...ks: number[]) => number) { const b = fn.bind({ base: 7 }, 1); return [b(2), b.call({ base: 1000 }, 3), b.apply({ base: 1000 }, [4, 5]), fn.apply({ base: 3 }, [4, 5]), fn.call({ base: 0 })]; }
const pre = sum.bind({ base: 100 });
console.log(JSON.stringify([later(sum), later(pre)]));`,
  "arrows keep their lexical this": `class Box { v = 4; arrow() { return (k: number) => this.v * k; } }
function twice(f: (k: number) => number) { return f.call({ v: 1000 }, 2) + f.apply(null, [3]) + f.bind(undefined)(1); }
console.log(twice(new Box().arrow()));`,
  "a class's method run on another object": `class Counter { n = 1; add(x: number, y = 0) { return this.n + x + y; } pure(x: number) { return x * 2; } }
class Big extends Counter { n = 50; add(x: number) { return -x; } }
const c = new Counter(); const other = new Counter(); other.n = 10; const big: Counter = new Big();
const pure = c.pure;
console.log(c.add.call(other, 2), c.add.apply(other, [3, 4]), c.add.call(c, 1), big.add.call(other, 5), pure.call(other, 3), pure.apply(undefined, [4]));`,
  "an object literal's method run on another object": `const o = { w: 9, plus(k: number) { return this.w + k; }, plain(k: number) { return k; } };
const p = { w: 1 };
console.log(o.plus.call(p, 1), o.plus.apply(p, [2]), o.plus.bind(p)(3), o.plus.call(o, 0), o.plain.call(p, 4));`,
  "the this argument and the arguments are evaluated in order": `const log: string[] = []; const mark = <T>(label: string, value: T) => { log.push(label); return value; };
function pick(this: { tag: string }, x: number) { return this.tag + x; }
const fns: Array<(this: { tag: string }, x: number) => number | string> = [pick];
console.log(mark("fn", fns[0]!).call(mark("this", { tag: "t" }), mark("arg", 1)), log.join(","));`,
});

// The thisArg after a callback (`a.forEach(f, obj)`): a function declaring `this` is called with
// it; an arrow function ignores it, but it is still evaluated.
describeCases("function values: the thisArg of array, typed-array, Map and Set callbacks", {
  "array methods": `class Scaler { constructor(public factor: number) {} apply(x: number) { return x * this.factor; } }
const out: number[] = [];
[1, 2, 3].forEach(function (this: Scaler, x) { out.push(this.apply(x)); }, new Scaler(3));
const only = [2, 3];
console.log(out, [4, 5].map(function (this: { off: number }, x) { return x + this.off; }, { off: 100 }));
console.log([1, 2, 3].filter(function (this: number[], x) { return this.includes(x); }, only), [1, 2, 3].some(function (this: number[], x) { return this.includes(x); }, only));
console.log([1, 2, 3].every(function (this: number[], x) { return this.includes(x); }, only), [1, 2, 3].find(function (this: number[], x) { return this.includes(x); }, only), [1, 2, 3].findLastIndex(function (this: number[], x) { return this.includes(x); }, only));
console.log(Array.from([1, 2], function (this: { k: number }, x) { return x * this.k; }, { k: 7 }), [1, 2].flatMap(function (this: { tag: string }, x) { return [this.tag, x]; }, { tag: "p" }));`,
  "typed arrays, Map and Set": `const u8 = new Uint8Array([1, 2, 3]);
const seen: string[] = [];
u8.forEach(function (this: string[], x, i) { this.push(i + ":" + x); }, seen);
console.log(seen, u8.map(function (this: { k: number }, x) { return x * this.k; }, { k: 10 }), Uint8Array.from([1, 2], function (this: { k: number }, x) { return x + this.k; }, { k: 5 }));
const acc = { total: 0 };
new Map([["a", 1], ["b", 2]]).forEach(function (this: typeof acc, v) { this.total += v; }, acc);
new Set([10, 20]).forEach(function (this: typeof acc, v) { this.total += v; }, acc);
console.log(acc.total, [1, 2].reduce((a, b) => a + b, 10), u8.reduce((a, b) => a + b, 100));`,
  "an arrow function's thisArg is evaluated once": `let calls = 0;
const next = () => { calls++; return { n: calls }; };
console.log([1, 2].map((x) => x * 2, next()), calls);
function plain(this: void, x: number) { return x + 1; }
console.log([1].map(plain, null));`,
  "a method handed on with its own object as the thisArg": `class K {
  base = 10;
  m(x: number) { return x + this.base; }
  add(x: number) { this.base += x; }
  run(xs: number[]) { xs.forEach(this.add, this); return xs.map(this.m, this); }
}
const k = new K();
console.log([1, 2].map(k.m, k), [1, 2].filter(k.m, k), k.run([1, 2]), [3].some(k.m, k), [5, 6].find(k.m, k));
const counter = { n: 0, bump(x: number) { this.n += x; } };
[1, 2, 3].forEach(counter.bump, counter);
console.log(counter.n, Array.from([1, 2], k.m, k), new Set([1]).forEach(k.add, k), k.base, new Uint8Array([1, 2]).map(k.m, k));
const holder = { k };
console.log([7].map(holder.k.m, holder.k));`,
});
