import { describeCases } from "../../harness/cases.js";

// null and undefined are different values on the board too (undefined is None, null the
// `null` singleton of _tsmp): every place a program can tell them apart.
describeCases("null and undefined are distinct", {
  "strict equality tells them apart": `const vs: (number | null | undefined)[] = [null, undefined, 0]; for (const v of vs) console.log(v === null, v === undefined, v !== null, v !== undefined);`,
  "loose equality takes both": `const vs: (number | null | undefined)[] = [null, undefined, 0]; for (const v of vs) console.log(v == null, v != null, v == undefined, v != undefined);`,
  "any values compared": `const vs: any[] = [null, undefined, 0, "", false]; for (const v of vs) console.log(v === null, v === undefined, v == null);`,
  "unknown values compared": `const vs: unknown[] = [null, undefined]; for (const v of vs) console.log(v === null, v === undefined, v == null);`,
  "null-only and undefined-only types": `function f(x: string | null) { return x == null; } function g(x?: string) { return x == null; } console.log(f(null), f("a"), g(), g("b"));`,
  "nullish coalescing keeps neither": `const vs: (number | null | undefined)[] = [null, undefined, 0]; for (const v of vs) console.log(v ?? "d");`,
  "nullish assignment": `let a: any = null; a ??= 1; let b: any = undefined; b ??= 2; let c: any = 0; c ??= 3; console.log(a, b, c);`,
  "optional chaining on both": `const vs: ({ n: number } | null | undefined)[] = [null, undefined, { n: 1 }]; for (const v of vs) console.log(v?.n);`,
  "optional call on both": `const fs: ((() => number) | null | undefined)[] = [null, undefined, () => 3]; for (const f of fs) console.log(f?.());`,
  truthiness: `const vs: any[] = [null, undefined]; for (const v of vs) console.log(v ? "T" : "F", !v, !!v, v || "or", v && "and");`,
  "object or null truthiness": `const os: ({ a: number } | null | undefined)[] = [null, undefined, { a: 1 }]; for (const o of os) console.log(o ? "T" : "F");`,
  typeof: `const vs: any[] = [null, undefined]; for (const v of vs) console.log(typeof v); const n: string | null = null; console.log(typeof n, typeof null, typeof undefined);`,
  "typeof of unions": `function t(x: number | null | undefined) { return typeof x; } console.log(t(null), t(undefined), t(1));`,
  "String and concatenation": `const n = null; const u = undefined; const a: any = null; console.log(String(n), String(u), String(a), "a" + n, "b" + u, "c" + a, \`\${n}-\${u}-\${a}\`);`,
  "Number of null and undefined": `const a: any = null; const b: any = undefined; console.log(Number(null), Number(undefined), Number(a), Number(b), a + 1, b + 1);`,
  "JSON.stringify": `const o: any = { a: null, b: undefined, c: [null, undefined], d: 1 }; console.log(JSON.stringify(o), JSON.stringify(null), JSON.stringify(undefined), JSON.stringify([undefined]));`,
  "JSON.stringify of typed fields": `const o: { a: number | null; b?: number; c: string | null | undefined } = { a: null, c: undefined }; console.log(JSON.stringify(o)); o.c = null; console.log(JSON.stringify(o));`,
  "JSON.parse null": `const v = JSON.parse('{"a":null,"b":[null,1]}'); console.log(v.a === null, v.a === undefined, v.b[0] === null, v.c === undefined, v); console.log(JSON.stringify(v));`,
  "console.log nested": `console.log([null, undefined, 1], { a: null, b: undefined }, null, undefined); const m: any = { x: [undefined] }; console.log(m);`,
  "console.log of typed values": `const a: string | null = null; const b: string | undefined = undefined; const c: number | null | undefined = undefined; const d: number | null | undefined = null; console.log(a, b, c, d);`,
  "in and delete": `const o: Record<string, number | null | undefined> = { a: null, b: undefined }; console.log("a" in o, "b" in o, "c" in o, o.a, o.b, o.c); delete o.a; console.log("a" in o, o.a);`,
  "Map and Set keys": `const m = new Map<any, string>(); m.set(null, "n"); m.set(undefined, "u"); console.log(m.get(null), m.get(undefined), m.size, m.has(null)); const s = new Set<any>([null, undefined, null]); console.log(s.size, s.has(null), s.has(undefined), [...s]);`,
  "Object.keys values entries": `const o: Record<string, null | undefined> = { a: null, b: undefined }; console.log(Object.keys(o), Object.values(o), Object.entries(o));`,
  "defaults apply only for undefined": `function f(x: number | null = 5) { return x; } function g(x: any = [1]) { return x; } console.log(f(), f(null), f(undefined), g(null), g());`,
  "optional parameters": `function f(a?: number | null) { return a === undefined ? "u" : a === null ? "n" : a; } console.log(f(), f(null), f(1), f(undefined));`,
  "destructuring defaults only for undefined": `const { a = 1, b = 2 }: { a?: number | null; b?: number | null } = { a: null }; const [c = 3, d = 4] = [null, undefined]; console.log(a, b, c, d);`,
  "array methods with null callbacks": `const a = [1, 2, 3]; console.log(a.map((x) => (x > 1 ? null : undefined)), a.filter(() => null), a.find(() => null), a.some(() => null), a.every(() => undefined));`,
  "indexOf and includes": `const a: any[] = [1, null, undefined]; console.log(a.indexOf(null), a.indexOf(undefined), a.includes(null), a.includes(undefined), [1].includes(undefined as any), [1].indexOf(null as any));`,
  "sort puts undefined last": `const a: any[] = [3, undefined, null, 1]; a.sort(); console.log(a); const b: any[] = [undefined, 2, null]; b.sort((x: any, y: any) => (x ?? 0) - (y ?? 0)); console.log(b);`,
  "grown arrays and empty shift/pop": `const a: number[] = []; a.length = 2; console.log(a[0] === undefined, a[0] === null, a.length); const e: number[] = []; console.log(e.shift(), e.pop(), e.shift() === undefined, e.pop() === null);`,
  "record reads of missing keys": `const r: Record<string, string | null> = { a: null }; console.log(r["a"] === null, r["b"] === undefined, r["b"] === null);`,
  "functions returning nothing": `function f(): void {} function g(): null { return null; } const a: any = f(); const b: any = g(); console.log(a === undefined, b === null, a, b);`,
  "switch on null": `for (const v of [null, undefined, 1] as any[]) { switch (v) { case null: console.log("null"); break; case undefined: console.log("undefined"); break; default: console.log("other"); } }`,
  "null and undefined compared with numbers": `const n: any = null; const u: any = undefined; console.log(n < 1, n >= 0, u < 1, u >= 0, n == 0, u == 0);`,
  "join of null and undefined": `console.log([1, null, undefined, 2].join("-"), String([null, undefined]));`,
  "null stored in an object literal": `const o = { a: null as string | null, b: undefined as string | undefined }; console.log(o.a, o.b, o, JSON.stringify(o), Object.keys(o));`,
  "null in class fields": `class C { x: number | null = null; y?: number = undefined; } const c = new C(); console.log(c.x, c.y, c.x === null, c.y === undefined);`,
  "JSON.stringify of undefined printed": `const u: any = undefined; console.log(JSON.stringify(u), JSON.stringify(() => 1), JSON.stringify(null));`,
  "spreading null and undefined": `const n: any = null; const u: any = undefined; console.log({ ...n, ...u, a: 1 }, Object.assign({ b: 2 }, n, u));`,
  "generator results": `function* g() { yield null; } const it = g(); const first = it.next(); const last = it.next(); console.log(first, last, JSON.stringify(first), JSON.stringify(last));`,
  "any property reads": `const o: any = { a: null }; console.log(o.a, o.b, o.a?.x, o.b?.x, o.a ?? "d", o.b ?? "e", JSON.stringify({ v: o.b, w: o.a }));`,
  "null as an index or count": `const n: any = null; console.log("abc".slice(n), "abc".slice(0, n), "ab".repeat(n), [1, 2, 3].slice(n, 2));`,
  "nullable object in a condition": `function f(o: number[] | null | undefined) { return o ? o.length : -1; } console.log(f(null), f(undefined), f([]), f([1]));`,
});

// An optional property of an interface or a type literal typed without null, holding JSON's
// null: JavaScript's `??`, `?.` and `== null` still treat it as missing.
describeCases("null from JSON in optional properties", {
  "?? ?. == null and ??= over parsed data": `interface Msg { t: string; v?: number; tags?: string[]; meta?: { unit?: string } }
const msgs: Msg[] = JSON.parse('[{"t":"a","v":1},{"t":"b","tags":["x"]},{"t":"c","v":null,"tags":null,"meta":null},{"t":"d","meta":{"unit":null}}]');
console.log(msgs.map((m) => \`\${m.t}:\${m.v ?? "-"}:\${m.tags?.length ?? 0}:\${m.meta?.unit ?? "?"}\`).join(" "), msgs.filter((m) => m.v !== undefined).length, msgs.filter((m) => m.v != null).length, msgs.filter((m) => m.v == null).length);
for (const m of msgs) { m.v ??= 0; }
console.log(msgs.map((m) => m.v));
type Cfg = { name?: string; port?: number };
const c: Cfg = JSON.parse('{"name":null}');
const name = c.name ?? "default";
console.log(name, name.length, c.port ?? 80, c.name?.toUpperCase());`,
  "a property typed | undefined, and variables and fields holding one": `interface Cfg { a?: number; b: number | undefined; }
const o: Cfg = JSON.parse('{"a": null, "b": null}');
let x: number | undefined = o.a;
x ??= 7;
let y: number | undefined = o.b;
const z: number | undefined = y;
let w: string | undefined;
w = JSON.parse("null");
console.log(x, y === undefined, y == null, y ?? "dflt", z != null, o.b ?? 2, w?.length, w ?? "none");
class Holder { v: number | undefined; constructor(c: Cfg) { this.v = c.b; } show() { return this.v ?? -1; } }
console.log(new Holder(o).show());`,
});
