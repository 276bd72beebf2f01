import { describeCases } from "../../harness/cases.js";

// A destructuring default runs at its place in the pattern and only for undefined; an
// assignment target's reference is evaluated before its value is read; an iterator is stepped
// one element at a time, in order with the defaults.
const trace = `const seen: string[] = []; const note = <T>(tag: string, value: T): T => { seen.push(tag); return value; };`;

describeCases("destructuring: order of reads, defaults and targets", {
  "defaults between getter reads": `${trace}
const source = { get a() { seen.push("read a"); return undefined; }, get b() { seen.push("read b"); return 2; }, get c() { seen.push("read c"); return undefined; } };
const { a = note("default a", 1), b = note("default b", 0), c = note("default c", 3) } = source;
console.log(a, b, c, seen.join(", "));`,
  "defaults of nested patterns, parameters and for…of heads": `${trace}
const { outer: { inner = note("inner", 7) } = note("outer", {} as { inner?: number }), last = note("last", 8) } = {} as { outer?: { inner?: number }; last?: number };
function f({ p = note("p", 1), q = note("q", 2) }: { p?: number; q?: number } = {}, r = note("r", 3)) { return [p, q, r].join("/"); }
console.log(inner, last, f({ q: 5 }), f(), seen.join(", "));
seen.length = 0;
for (const { s = note("s", 1), t = note("t", 2) } of [{ s: 10 }, { t: 20 }] as { s?: number; t?: number }[]) console.log(s, t, seen.join(", "));`,
  "a default reading an earlier element or its own variable": `let x = 5;
[x = x + 1] = [undefined];
let y = 2;
({ y = y * 10 } = {} as { y?: number });
const [first = 1, second = first * 2] = [] as number[];
console.log(x, y, first, second);`,
  "defaults whose expressions need statements of their own": `let i = 0;
const grown: number[] = [];
const { a = i++, b = (grown[3] = 7), c = i++ } = { b: 2 } as { a?: number; b?: number; c?: number };
console.log(a, b, c, i, grown.length);`,
  "assignment targets are evaluated before their values are read": `${trace}
const box: Record<string, number> = {};
const list: number[] = [];
({ a: box["k" + note("key", 1)] = note("default a", 1), b: box.plain = note("default b", 2) } = { a: undefined, b: 5 } as { a?: number; b?: number });
[list[note("index 0", 0)] = note("default 0", 10), list[note("index 1", 1)] = note("default 1", 11)] = [undefined, 5];
console.log(box, list, seen.join(", "));`,
  "targets that grow an array, convert for a typed array or set a length": `const bytes = new Uint8Array(2);
[bytes[0], bytes[1]] = [300, 2.7];
const list = [1, 2, 3];
const more: number[] = [];
[list.length, more[2]] = [1, 4];
console.log(bytes[0], bytes[1], list, JSON.stringify(more));`,
  "a generator is stepped element by element": `${trace}
function* steps(): Generator<number | undefined> { seen.push("to 1"); yield undefined; seen.push("to 2"); yield 2; seen.push("to 3"); yield undefined; seen.push("end"); }
const [a = note("default a", 1), b = note("default b", 0), c = note("default c", 3)] = steps();
console.log(a, b, c, seen.join(", "));
seen.length = 0;
const [d = note("default d", 4), ...rest] = steps();
console.log(d, rest, seen.join(", "));`,
  "a generator left before its end is closed": `const seen: string[] = [];
function* numbers() { try { seen.push("start"); yield 1; yield 2; } finally { seen.push("closed"); } }
const [one] = numbers();
console.log(one, seen.join(", "));
const [, two, three] = numbers();
console.log(two, three, seen.join(", "));`,
  "Map, Set and string sources with holes and defaults": `const pairs = new Map([["a", 1], ["b", 2]]);
const [[k1, v1], [k2, v2] = ["z", 0], third = ["none", -1]] = pairs;
const [s1, , s3 = 99] = new Set([10, 20]);
const [c1, c2, c3 = "?"] = "hi";
console.log(k1, v1, k2, v2, third, s1, s3, c1, c2, c3);`,
});

describeCases("Math.max and Math.min: zeros, NaN and no values", {
  "-0 is below +0": `const z = -0; const p = 0;
console.log(Object.is(Math.max(-0, 0), 0), Object.is(Math.max(0, -0), 0), Object.is(Math.min(0, -0), -0), Object.is(Math.min(-0, 0), -0));
console.log(Object.is(Math.max(z, p), 0), Object.is(Math.min(p, z), -0), 1 / Math.min(p, z), 1 / Math.max(z, p), Object.is(Math.min(...[0, -0]), -0));`,
  "NaN wins wherever it is": `const xs = [1, NaN, 3];
console.log(Math.max(NaN, 1), Math.max(1, NaN), Math.min(1, 2, NaN), Math.max(...xs), Math.min(...xs), Math.max(NaN));`,
  "no values and empty spreads": `const none: number[] = [];
console.log(Math.max(), Math.min(), Math.max(...none), Math.min(...none), Math.max(...[4, 9, 2]), Math.min(...[4, 9, 2]));`,
  "ints and floats mixed": `const n = 3; const f = 2.5;
console.log(Math.max(n, f), Math.min(n, f), Math.max(1, 2, 3), Math.min(-1, -2), Math.max(n), Math.max(-Infinity, -1e308));`,
});
