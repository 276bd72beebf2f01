import { describeCases } from "../../harness/cases.js";

describeCases("destructuring, rest, spread and parameters", {
  "array destructuring": `const [a, b] = [1, 2]; console.log(a, b);`,
  "array destructuring skip": `const [, second, , fourth] = [1, 2, 3, 4]; console.log(second, fourth);`,
  "array destructuring rest": `const [head, ...tail] = [1, 2, 3]; console.log(head, tail);`,
  "array destructuring defaults": `const [a = 5, b = 7] = [1]; console.log(a, b);`,
  "swap with destructuring": `let a = 1; let b = 2; [a, b] = [b, a]; console.log(a, b);`,
  "object destructuring": `const { x, y } = { x: 1, y: 2 }; console.log(x, y);`,
  "object destructuring rename": `const { x: px, y: py } = { x: 1, y: 2 }; console.log(px, py);`,
  "object destructuring defaults": `const o: { a?: number; b?: number } = { a: 1 }; const { a = 10, b = 20 } = o; console.log(a, b);`,
  "object destructuring of an any value: a missing property is undefined": `class P { x = 1; } const { x, y } = new P() as any; const { z } = JSON.parse('{"a": 1}'); console.log(x, y === undefined, z === undefined);`,
  "object destructuring rest": `const { a, ...others } = { a: 1, b: 2, c: 3 }; console.log(a, others);`,
  "nested destructuring": `const { p: { q }, list: [first] } = { p: { q: "deep" }, list: [9, 8] }; console.log(q, first);`,
  "destructuring in parameters": `function area({ w, h }: { w: number; h: number }) { return w * h; } console.log(area({ w: 3, h: 4 }));`,
  "array destructuring in parameters": `function sum([a, b]: number[]) { return a + b; } console.log(sum([3, 4]));`,
  "parameter destructuring with defaults": `function f({ a = 1, b = 2 }: { a?: number; b?: number }) { return a + b; } console.log(f({}), f({ a: 5 }), f({ b: 0 }));`,
  "destructuring in for of": `const pairs: [string, number][] = [["a", 1], ["b", 2]]; for (const [k, v] of pairs) console.log(k, v);`,
  "object destructuring in for of": `const pts = [{ x: 1, y: 2 }, { x: 3, y: 4 }]; for (const { x, y } of pts) console.log(x + y);`,
  "destructuring from function result": `function pair(): [number, string] { return [1, "a"]; } const [n, s] = pair(); console.log(n, s);`,
  "destructuring assignment to existing": `let a = 0; let b = 0; ({ a, b } = { a: 3, b: 4 }); console.log(a, b);`,
  "rest parameters": `function total(...xs: number[]) { return xs.reduce((s, x) => s + x, 0); } console.log(total(), total(1), total(1, 2, 3));`,
  "rest after positional": `function tag(name: string, ...vals: number[]) { return name + ":" + vals.join(","); } console.log(tag("t", 1, 2));`,
  "spread arguments": `function add3(a: number, b: number, c: number) { return a + b + c; } const xs: [number, number, number] = [1, 2, 3]; console.log(add3(...xs));`,
  "spread into rest": `function count(...xs: number[]) { return xs.length; } const a = [1, 2]; console.log(count(...a, 3, ...a));`,
  "default parameters": `function greet(name: string, greeting = "hi") { return greeting + " " + name; } console.log(greet("a"), greet("b", "yo"));`,
  "default parameter uses earlier one": `function f(a: number, b = a * 2) { return a + b; } console.log(f(1), f(1, 1));`,
  "default parameter evaluated each call": `function f(list: number[] = []) { list.push(1); return list.length; } console.log(f(), f(), f([5]));`,
  "optional parameters": `function f(a: number, b?: number) { return b === undefined ? a : a + b; } console.log(f(1), f(1, 2));`,
  "undefined passed to default": `function f(x = 5) { return x; } console.log(f(undefined), f(1));`,
  "arrow with defaults and rest": `const f = (a = 1, ...r: number[]) => a + r.length; console.log(f(), f(2, 3, 4));`,
  "nested array destructuring": `const [[a, b], [c]] = [[1, 2], [3]]; console.log(a, b, c);`,
  "destructuring strings": `const [c1, c2] = "hi"; console.log(c1, c2);`,
  "destructuring map entries": `const m = new Map([["k", 1]]); for (const [key, value] of m) console.log(key, value);`,
  "object rest in parameters": `function f({ id, ...rest }: { id: number; a: number; b: number }) { return Object.keys(rest).join(","); } console.log(f({ id: 1, a: 2, b: 3 }));`,
  "default from object destructuring null-safe": `const { port = 80 } = { port: undefined as number | undefined }; console.log(port);`,
  "destructuring in arrow parameters": `const pts = [{ x: 1 }, { x: 5 }]; console.log(pts.map(({ x }) => x * 2));`,
  "destructure array of tuples with index": `const entries: [string, number][] = [["a", 1]]; entries.forEach(([k, v], i) => console.log(i, k, v));`,
});

describeCases("destructuring with computed keys", {
  "keys run in order, before their property is read, with defaults and a rest": `let log = ""; const k = (s: string) => { log += s; return s; }; const src: Record<string, number> = { a: 1, b: 2, c: 3 };
const { [k("a")]: first, [k("b")]: second = 9, [k("z")]: missing = 7, ...others } = src; console.log(first, second, missing, others, log);`,
  "the source before the first key": `let s = "A"; const o: Record<string, string> = { "A!B": "hit" }; function src() { s += "!"; return o; } function key() { s += "B"; return s; }
const { [key()]: got } = src(); console.log(got, s);`,
  "a shaped object, a name Python reserves and a number key": `const obj = { x: 1, class: 2, 3: "three" }; const key = "class"; const n = 3; const { [key]: c, [n]: t } = obj; console.log(c, t);`,
  "in an assignment, nested": `let y: boolean | undefined; const r = ({ x: { [(3).toString()]: y } } = { x: { [(3).toString()]: true } }); console.log(y, JSON.stringify(r));`,
  "from a value typed any": `const v: any = { deep: { k2: "v" } }; const name = "k" + 2; const { deep: { [name]: found, [name + "x"]: none } } = v; console.log(found, none);`,
});

describeCases("destructuring strings and arrays by position and by property", {
  "the rest of a string is an array of its characters": `const [h, , l, ...rest] = "hello"; console.log(h, l, rest, rest.length, Array.isArray(rest)); let q: string, r: string[]; [q, ...r] = "ab"; r.push("!"); console.log(q, r); function tail(s: string) { const [, ...cs] = s; return cs.map((c) => c.toUpperCase()); } console.log(tail("xyz"), tail(""));`,
  "length and numbered items of an array or a string": `const { length, 0: first } = "abcd"; const { length: n, 1: second } = [9, 8]; const [row] = [[1, 2, 3]]; const { length: cols, 2: last } = row; console.log(length, first, n, second, cols, last);`,
});
