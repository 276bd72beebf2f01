import { describeCases } from "../../harness/cases.js";

// A library function used as a value is the lambda of its mapped call (function-values.ts):
// these cases hold it against JavaScript wherever a function value goes.
describeCases("library functions as values", {
  "Math functions as map callbacks, with NaN, Infinity and -0 results": `const xs = [-1.5, 2, -3, 0.5, 2.5, NaN, Infinity, -Infinity];
const show = (v: number[]) => console.log(v.map(String).join(" "), v.map((x) => Object.is(x, -0)).join(" "));
const zeros = [-0, 0, -0.25, 1e-300];
show(zeros.map(Math.abs)); show(zeros.map(Math.sign)); show(zeros.map(Math.sqrt)); show(zeros.map(Math.fround)); show(zeros.map(Math.log1p));
show(xs.map(Math.abs)); show(xs.map(Math.floor)); show(xs.map(Math.ceil)); show(xs.map(Math.round)); show(xs.map(Math.trunc));
show(xs.map(Math.sign)); show(xs.map(Math.sqrt)); show(xs.map(Math.exp).map((x) => Math.round(x * 1e4))); show(xs.map(Math.log10));
show(xs.map(Math.cbrt).map((x) => Math.round(x * 1e4))); show(xs.map(Math.clz32)); show(xs.map(Math.fround)); show(xs.map(Math.log1p).map((x) => Math.round(x * 1e4)));`,
  "Math.cbrt of NaN, Infinity and -0, called and as a value": `const xs = [NaN, Infinity, -Infinity, -0, 0, -27, 8];
console.log(xs.map(Math.cbrt).join(" "), xs.map((x) => Math.cbrt(x)).join(" "), Object.is(Math.cbrt(-0), -0), xs.map(Math.cbrt).map((x) => Object.is(x, -0)).join(" "));`,
  "two-parameter Math functions get the index as their second argument": `const xs = [-1.5, 2, -3, 0.5, 2.5];
console.log(xs.map(Math.pow).join(" "), xs.map(Math.imul).join(" "), xs.map(Math.atan2).map((x) => x.toFixed(4)).join(" "));`,
  "Math.max, Math.min and Math.hypot also get the index and the array": `const xs: any = [-1.5, 2, 0.5];
console.log(xs.map(Math.max).join(" "), xs.map(Math.min).join(" "), xs.map(Math.hypot).join(" "));
const one: any = [[5], [-2]];
console.log(one.map(Math.max).join(" "), [7].map(Math.max as (...v: any[]) => number).join(" "), ([[]] as any).map(Math.min).join(" "));`,
  "parseFloat, parseInt and Number's statics as callbacks": `console.log(["1.5", "2x", " -0", "abc", "Infinityx", "1e3"].map(parseFloat).map(String).join(" "), Object.is(["-0"].map(parseFloat)[0], -0));
console.log(["10", "10", "10", "7", "11"].map(parseInt).map(String).join(" "), ["1", "2", "3"].map(Number.parseInt).join(" "), ["1.5", "x"].map(Number.parseFloat).join(" "));
const ns = [1, 1.5, NaN, Infinity, -0, 2 ** 53];
console.log(ns.map(Number.isInteger).join(), ns.map(Number.isFinite).join(), ns.map(Number.isNaN).join(), ns.map(Number.isSafeInteger).join(), ns.map(isNaN).join(), ns.map(isFinite).join());`,
  "String, Number and Boolean as callbacks keep JavaScript's output": `console.log(["10", "11"].map(parseInt), [1, 2.5, -0].map(String), ["1", "x", ""].map(Number), [0, 1, "", "a", NaN].filter(Boolean));`,
  "String, Array, Object and JSON statics as callbacks": `console.log(([72, 105] as any).map(String.fromCharCode), [[1], 2, "x"].map(Array.isArray));
console.log([{ a: 1 }, { b: 2, c: 3 }].map(Object.keys), [{ a: 1 }].map(Object.values), [{ a: [1] }].map(Object.entries));
const toJson: (v: unknown) => string = JSON.stringify; const parse: (s: string) => unknown = JSON.parse;
console.log([1, "x", [null], { k: undefined }].map((v) => v).map(toJson).join("|"), JSON.stringify(["[1]", '{"b":2}', "null"].map(parse)));`,
  "stored in a variable and called with fewer or more arguments": `const round = Math.round; const pf = parseFloat; const pi = parseInt; const keys = Object.keys; const isArr = Array.isArray;
console.log(round(2.5), round(-2.5), round(NaN), round(-Infinity), pf("3.25abc"), pf(" -0"), pi("ff", 16), pi("11"), keys({ q: 1, r: 2 }), isArr([]), isArr("x"));
const loose = Math.abs as (...args: any[]) => number;
console.log(loose(-2, 99, "extra"), String(loose()), loose(null), loose("-7"), typeof round, typeof pf);`,
  "a string's, an array's, a Map's or a Set's method bound to its own object, read when bound": `const s = "a-b-c"; const split = s.split.bind(s);
console.log(split("-"), split("-", 2), ["b", "z"].map(s.includes.bind(s)), ["a", "c"].map(s.indexOf.bind(s)));
const seen = new Set<string>(); ["p", "q", "p"].forEach(seen.add.bind(seen));
const m = new Map([["k", 1]]);
console.log(seen.size, [...seen], ["p", "x"].map(seen.has.bind(seen)), ["k", "z"].map(m.get.bind(m)));
const nums = [3, 1, 2];
console.log([1, 5].map(nums.includes.bind(nums)), [2, 9].map(nums.indexOf.bind(nums)), [0, -1].map(nums.at.bind(nums)));
let word = "abc"; const at = word.charAt.bind(word); word = "xyz";
console.log(at(1), [0, 2].map(at), Math.max.bind(Math)(3, 9));`,
  "the same function read twice is one value": `const f = Math.abs; const fns = [Math.max, Math.min];
function pick(op: string) { return op === "max" ? Math.max : Math.min; }
console.log(f === Math.abs, fns.includes(Math.max), fns.indexOf(pick("min")), pick("max") === Math.max, new Set([parseFloat, parseFloat]).size);`,
  "JSON data (any) given to Math functions is converted as Number() does": `const data = JSON.parse('[1.5, null, "-2", "x", true, " 4 "]');
console.log(data.map(Math.abs).join(" "), data.map(Math.floor).join(" "), data.map(Math.round).join(" "), data.map(Math.max).join(" "));
const lists = JSON.parse('[[3], [], [1, 2], ["5"], [null]]'); console.log(lists.map(Math.max).join(" "), lists.map(Math.min).join(" "));
const nums: any[] = data; console.log(nums.map(Math.sign).join(" "), nums.map(Math.trunc).join(" "), nums.map(Number.isInteger).join(" "));`,
  "in an object literal and in an array": `const ops = { abs: Math.abs, floor: Math.floor, isInt: Number.isInteger, max: Math.max, parse: parseFloat };
console.log(ops.abs(-4), ops.floor(-1.5), ops.isInt(3), ops.isInt(3.5), ops.max(1, 5, 3), ops.max(), ops.parse("2.5e1x"));
const table: Array<(x: number) => number> = [Math.sqrt, Math.cbrt, Math.abs, Math.round];
console.log(table.map((f) => f(-8)).map(String).join(" "), table.map((f) => f(6.25)).map((x) => x.toFixed(6)).join(" "));`,
  "passed to a user function taking (x: number) => number": `function apply(f: (x: number) => number, x: number) { return f(x); }
console.log(apply(Math.abs, -3), apply(Math.sqrt, -1), apply(Math.floor, Infinity), apply(Math.log, 0), apply(Math.exp, 1000), Object.is(apply(Math.abs, -0), 0));
function apply2(f: (a: number, b: number) => number) { return f(7, 2); }
console.log(apply2(Math.pow), apply2(Math.max), apply2(Math.min), apply2(Math.atan2).toFixed(3), apply2(Math.abs), apply2(Math.imul), apply2(Math.hypot));`,
  "console.log spread, stored and as a callback": `function debug(...args: unknown[]) { console.log("[dbg]", ...args); }
debug(1, "two", [3], { four: 4 }, null, undefined, 1.5, -0, NaN); debug();
const parts = ["%s is %d%%", "age", 42, "left"]; console.log(...parts); console.log(...[]); console.log(...["plain"], "x", ...[1, 2]);
const log = console.log; log("hello", 1, [2, "s"]); const o = { log }; o.log("in", { an: "object" });
const m = new Map([["k", 1]]); m.forEach(console.log);`,
  "console.log as a forEach callback prints the value, the index and the array": `[1, 2].forEach(console.log); ["a", "b"].forEach(console.log);
const fromCodes: (...codes: number[]) => string = String.fromCharCode;
console.log(fromCodes(104, 105), JSON.stringify(fromCodes()));`,
});
