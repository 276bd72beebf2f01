import { describeCases } from "../../harness/cases.js";

// Values typed any, above all JSON.parse results: every member JavaScript can reach on what the
// value holds at run time (an object, an array, a string, a number, a Map).
const doc = `const p = JSON.parse('{"a":[1,2,{"b":"c"}],"s":" Hey there ","n":3,"f":2.5,"o":{"k":"v"},"e":[]}');`;

describeCases("any values", {
  "issue example": `const p = JSON.parse('{"a":[1,2,{"b":"c"}],"s":"hey"}'); console.log(p.a[2].b, p.s.toUpperCase(), p.a.length);`,
  "nested reads": `${doc} console.log(p.o.k, p["o"]["k"], p.a[0] + p.a[1], p.n * 2, p.f);`,
  "missing key is undefined": `${doc} console.log(p.nope === undefined, p.o.nope === undefined, p.a[10] === undefined, p.s[100] === undefined, p.a[-1] === undefined, p.a[1.5] === undefined);`,
  "length of string, array, object": `${doc} console.log(p.s.length, p.a.length, p.e.length, p.o.length === undefined);`,
  "index of string": `${doc} console.log(p.s[1], p.s[2]);`,
  "computed keys": `${doc} const k = "o"; const i = 1; console.log(p[k].k, p.a[i], p.a[i + 1].b);`,
  "numeric string key on array": `${doc} console.log(p.a["1"]);`,
  "write properties": `${doc} p.o.k = "w"; p.o.added = 1; p.a[0] = 9; console.log(JSON.stringify(p.o), p.a[0]);`,
  "compound assignment": `${doc} p.n += 2; p.a[1] *= 10; p.s += "!"; console.log(p.n, p.a[1], p.s);`,
  increment: `${doc} p.n++; ++p.a[0]; console.log(p.n, p.a[0]);`,
  "string methods": `${doc} const s = p.s; console.log(s.trim(), s.toLowerCase(), s.toUpperCase(), s.trimStart() + "|", "|" + s.trimEnd());`,
  "string search": `${doc} const s = p.s; console.log(s.includes("Hey"), s.startsWith(" H"), s.endsWith(" "), s.indexOf("e"), s.lastIndexOf("e"), s.indexOf("zz"));`,
  "string slicing": `${doc} const s = p.s; console.log(s.slice(1, 4), s.slice(-4), s.substring(4, 1), s.charAt(1), s.charCodeAt(1), s.at(-2));`,
  "string split and replace": `${doc} const s = p.s.trim(); console.log(s.split(" "), s.replace("e", "E"), s.replaceAll("e", "E"), s.split(""));`,
  "string padding and repeat": `const v: any = "7"; console.log(v.padStart(3, "0"), v.padEnd(3, "."), v.repeat(3), v.concat("a", 1));`,
  "array push pop shift unshift": `${doc} const a = p.a; console.log(a.push(4, 5), a.pop(), a.shift(), a.unshift(0), a.length, p.e.pop() === undefined);`,
  "array map filter": `const v: any = JSON.parse("[1,2,3,4]"); console.log(v.map((x: number) => x * 2), v.filter((x: number, i: number) => i % 2 === 0), v.map((x: number, i: number, arr: number[]) => arr.length - i));`,
  "array some every find": `const v: any = JSON.parse("[1,2,3,4]"); console.log(v.some((x: number) => x > 3), v.every((x: number) => x > 0), v.find((x: number) => x > 2), v.findIndex((x: number) => x > 2), v.findLast((x: number) => x < 3), v.findLastIndex((x: number) => x > 9));`,
  "array reduce": `const v: any = JSON.parse("[1,2,3,4]"); console.log(v.reduce((s: number, x: number) => s + x, 0), v.reduce((s: number, x: number) => s * x), v.reduceRight((s: string, x: number) => s + x, ""));`,
  "array forEach": `const v: any = JSON.parse('["a","b"]'); v.forEach((x: string, i: number) => console.log(i, x));`,
  "array join includes indexOf": `const v: any = JSON.parse('[1,"a",null,true]'); console.log(v.join("-"), v.join(), v.includes("a"), v.indexOf(true), v.lastIndexOf(1), v.indexOf(2));`,
  "array slice concat at": `const v: any = JSON.parse("[1,2,3]"); console.log(v.slice(1), v.slice(-2, -1), v.concat([4], 5), v.at(-1), v.at(5) === undefined);`,
  "array splice reverse sort": `const v: any = JSON.parse("[3,1,10,2]"); console.log(v.splice(1, 1), v); console.log(v.reverse()); console.log(v.sort()); console.log(v.sort((a: number, b: number) => a - b));`,
  "array fill flat": `const v: any = JSON.parse("[[1,[2]],[3]]"); console.log(v.flat(), JSON.stringify(v.flat(2))); const w: any = [0, 0, 0]; console.log(w.fill(7, 1));`,
  "toString of array, number, string": `const v: any = JSON.parse('[[1,2],3,"x",true]'); console.log(v.toString(), v[1].toString(), v[1].toString(2), v[2].toString(), v[3].toString());`,
  toFixed: `const v: any = JSON.parse("[2.345, 7]"); console.log(v[0].toFixed(2), v[1].toFixed(1));`,
  "method of a class instance": `class C { k = 2; twice(x: number) { return x * this.k; } } const c: any = new C(); console.log(c.twice(4), c.k, c.missing === undefined);`,
  "function stored in an object": `const o: any = { f: (x: number) => x + 1, n: 1 }; console.log(o.f(1), o.n);`,
  "Map held in any": `const m: any = new Map([["a", 1]]); console.log(m.get("a"), m.has("b"), m.size); m.set("b", 2); m.forEach((v: number, k: string) => console.log(k, v));`,
  "record held in any": `const r: Record<string, number> = { x: 1 }; const v: any = r; console.log(v.x, v["x"], v.y === undefined);`,
  "unknown narrowed": `const u: unknown = JSON.parse('{"s":"abc","a":[1,2]}'); if (typeof u === "object" && u !== null && "s" in u) { const s = (u as { s: unknown }).s; if (typeof s === "string") console.log(s.toUpperCase(), s.length); } const a: unknown = JSON.parse("[1,2,3]"); if (Array.isArray(a)) console.log(a.length, a[0], a.map((x) => x + 1));`,
  "config file shape": `const cfg = JSON.parse('{"wifi":{"ssid":"home","retries":3},"pins":[2,4,5]}'); for (const pin of cfg.pins) console.log("pin", pin); console.log(cfg.wifi.ssid.length, cfg.wifi.retries - 1, cfg.pins.indexOf(4));`,
  "optional chaining on any": `const p = JSON.parse('{"a":{"b":1}}'); console.log(p?.a?.b, p.x?.y === undefined, p.a?.["b"]);`,
  "truthiness and equality": `const p = JSON.parse('{"z":0,"e":"","l":[],"t":"x"}'); console.log(p.z ? 1 : 2, p.e ? 1 : 2, p.l ? 1 : 2, p.t === "x", p.missing == null);`,
  "delete on any": `const p = JSON.parse('{"a":1,"b":2}'); delete p.a; console.log(JSON.stringify(p), Object.keys(p));`,
  "property of undefined throws": `const p = JSON.parse('{}'); try { console.log(p.a.b); } catch (e) { console.log("threw"); }`,
  "typed arrays and buffers held in any": `const t: any = new Int16Array([1, -2, 3]); const u: any = new Uint8Array([9, 8]); console.log(t.byteLength, t.byteOffset, t.BYTES_PER_ELEMENT, t[1], t.length, u.buffer.byteLength, u.subarray(1).byteOffset, u.nope === undefined, u[5] === undefined);`,
});

// Receivers whose JavaScript operation the checker cannot pick: type parameters, unions of
// strings and arrays, structural types a string or an array satisfies.
describeCases("values of open types", {
  "type parameter": `function len<T extends string | number[]>(x: T) { return x.length; } console.log(len("abc"), len([1, 2]));`,
  "type parameter method": `function up<T extends string>(x: T) { return x.toUpperCase() + x.length; } console.log(up("ab"));`,
  "a type parameter made non-nullable (T & {})": `function total<T extends number[]>(xs: T & {}) { let s = 0; xs.forEach((x) => { s += x; }); return s + xs.length; } function first<T extends string | number[]>(x: T & {}) { return [x.length, x.slice(1)]; } console.log(total([1, 2, 3]), JSON.stringify(first("abc")), JSON.stringify(first([4, 5])));`,
  "type parameter object": `function get<T extends { n: number }>(x: T) { x.n += 1; return x.n; } class N { n = 4; } const o = { n: 1, m: 0 }; console.log(get(o), get(new N()), JSON.stringify(o));`,
  "union of string and array": `function f(x: string | number[]) { return [x.length, x.slice(1).length, x.at(-1)]; } console.log(f("abc"), f([1, 2]));`,
  "union indexing": `function f(x: string | number[], i: number) { return x[i]; } console.log(f("abc", 1), f([4, 5], 0));`,
  "structural length": `function g(x: { length: number }) { return x.length; } console.log(g("ab"), g([1, 2, 3]), g({ length: 7 }));`,
  "structural method": `interface Sliceable { length: number; slice(start: number): Sliceable } function m(x: Sliceable) { return x.slice(1).length; } console.log(m("abc"), m([1, 2]));`,
  "interface implemented by a class": `interface Stack { push(v: number): number; length: number } class S implements Stack { items: number[] = []; length = 0; push(v: number) { this.items.push(v); this.length = this.items.length; return this.length; } } const s: Stack = new S(); s.push(3); console.log(s.push(4), s.length);`,
});

// `(v as Record<string, unknown>)[k]` of a value the checker knows nothing of: it may hold an
// array or a class instance, so it is read as a value typed any is.
describeCases("a record assertion on a value typed unknown", {
  "a deepEqual over arrays, objects and NaN": `const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object), kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};
console.log(deepEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] }), deepEqual([1, [2, 3]], [1, [2, 4]]), deepEqual({ a: undefined }, { b: undefined }), deepEqual("1", 1));`,
  "a property read off an object, an array and a generic value": `class P { x = 1; }
function read<T>(v: T, k: string) { return (v as Record<string, unknown>)[k]; }
function at(v: object, k: string) { return (v as Record<string, number>)[k]; }
console.log(read({ x: 2 }, "x"), read([5, 6], "1"), read(new P(), "x"), read({}, "none"), at([7, 8], "0"), at(new P(), "x"));`,
});
