import { describeCases } from "../../harness/cases.js";

describeCases("truthiness, null and undefined", {
  "booleans in template literals": `const t = true; const f = false; console.log(\`\${t} \${f}\`);`,
  "booleans concatenated": `const ok = 1 < 2; console.log("ok: " + ok);`,
  "booleans printed": `console.log(true, false, !true, !!1);`,
  "null and undefined printed": `const n = null; const u = undefined; console.log(n, u);`,
  "null and undefined in templates": `const n: string | null = null; const u: string | undefined = undefined; console.log(\`\${n} \${u}\`);`,
  "undefined from missing find": `const r = [1, 2].find((x) => x > 5); console.log(r);`,
  "truthiness of zero and empty string": `const vals = [0, 1, -1]; for (const v of vals) console.log(v ? "T" : "F"); const e: string = ""; console.log(e ? "T" : "F");`,
  "NaN is falsy": `const n = NaN; console.log(n ? "T" : "F", !n);`,
  "empty array is truthy": `const a: number[] = []; console.log(a ? "T" : "F", !a);`,
  "empty object is truthy": `const o = {}; console.log(o ? "T" : "F");`,
  "null is falsy": `const o: { x: number } | null = null; console.log(o ? "T" : "F");`,
  "strict equality": `const one: number = 1; const two: number = 2; const s: string = "1"; console.log(one === 1, s === "1", one !== two, one === two);`,
  "null vs undefined loose equality": `const n = null; const u = undefined; console.log(n == u, n === null, u === undefined);`,
  "nullish coalescing": `function pick(n: number): number | null { return n > 0 ? n : null; } const b: number | undefined = [0][0]; console.log(pick(0) ?? 5, pick(2) ?? 5, b ?? 5);`,
  "nullish chain": `const a: string | null = null; const b: string | null = null; console.log(a ?? b ?? "default");`,
  "nullish assignment": `let a: number | null = null; a ??= 3; a ??= 4; console.log(a);`,
  "or returns operand": `const z: number = 0; const x: string = "x"; const e: string = ""; const n: string | null = [null][0]; console.log(z || "fallback", x || "y", e || 0, n || "d");`,
  "and returns operand": `const one: number = 1; const z: number = 0; const e: string = ""; const a: string = "a"; console.log(one && "second", z && "never", e && "x", a && 5);`,
  "or assignment and and assignment": `let x = 0; x ||= 7; let y = 1; y &&= 9; console.log(x, y);`,
  "optional chaining property": `interface P { name: string; next?: P } const p: P = { name: "a", next: { name: "b" } }; console.log(p.next?.name, p.next?.next?.name);`,
  "optional chaining call": `const o: { f?: () => number } = {}; const g: { f?: () => number } = { f: () => 4 }; console.log(o.f?.(), g.f?.());`,
  "optional chaining on null": `function maybe(v: number[] | null): number[] | null { return v; } const a = maybe(null); const b = maybe([7]); console.log(a?.length, a?.[0], b?.length, b?.[0]);`,
  "optional chaining with nullish default": `const cfg: { port?: number } = {}; console.log(cfg.port ?? 80);`,
  "not of values": `const z: number = 0; const one: number = 1; const e: string = ""; const a: string = "a"; const n: string | null = [null][0]; console.log(!z, !one, !e, !a, !n);`,
  "double negation": `const items: number[] = []; const x: string = "x"; console.log(!!items.length, !!x);`,
  "ternary chain": `for (const n of [1, 5, 10]) console.log(n < 3 ? "low" : n < 8 ? "mid" : "high");`,
  "boolean arithmetic avoided but compare": `const a: boolean = 1 > 0; const b: boolean = 1 < 0; console.log(a === b, a !== b, a && b, a || b);`,
  "typeof checks": `const v: number | string = Math.random() > 2 ? "s" : 5; console.log(typeof v === "number", typeof v === "string");`,
  "typeof values": `console.log(typeof 1, typeof "s", typeof true, typeof undefined, typeof {}, typeof [], typeof (() => 1));`,
  "if with undefined property": `const o: { x?: number } = {}; if (o.x) console.log("has"); else console.log("none");`,
  "null in array printed": `console.log([null, 1]);`,
  "logical not on object": `const o: object | undefined = undefined; console.log(!o);`,
  "boolean from comparison stored": `const big = 10 > 3; console.log(big, typeof big);`,
  "and-or with numbers": `const a = 5; const b = 0; console.log(a && b, a || b, b || a);`,
  "conditional with nullish object": `const maps: (Map<string, number> | undefined)[] = [undefined, new Map([["a", 1]])]; for (const m of maps) console.log(m ? m.size : -1);`,
  "String of boolean expression": `console.log(String(1 > 2), String(!false));`,
  "object read past an array's end is falsy": `interface Tok { k: string } const toks: Tok[] = [{ k: "a" }]; const t = toks[3]; if (!t) console.log("end"); console.log(t ? "T" : "F", !!t, (t || { k: "d" }).k, t && t.k);`,
  "while over array elements typed without undefined": `const rows: number[][] = [[1], [2, 3]]; let i = 0; let row = rows[i]; while (row) { console.log(row.length); row = rows[++i]; }`,
  "record's missing object key is falsy": `const r: Record<string, { n: number }> = { a: { n: 1 } }; const m = r["b"]; const a = r["a"]; console.log(m ? m.n : "none", a ? a.n : "none");`,
  "function returning an element past the end": `interface P { x: number } function first(xs: P[]): P { return xs[0]; } const f = first([]); if (!f) console.log("no first"); const g = first([{ x: 2 }]); if (g) console.log(g.x);`,
  "{} and Object holding falsy primitives": `const a: {} = 0; const b: Object = ""; const c: {} = 5; console.log(a ? "T" : "F", b ? "T" : "F", c ? "T" : "F", !a);`,
  "NaN on the left of || and && is falsy": `const n = Number("x"); const p = parseFloat("q"); console.log(n || 0, n && 5, p || -1, [1.5, NaN, 0].map((x) => x || -1)); let a = Math.sqrt(-1); a ||= 7; console.log(a);`,
  "NaN in a number-or-string union is falsy": `const u: number | string = Number("z"); console.log(u ? "T" : "F", u || "dflt", !u);`,
});

// `unknown` narrowed by `!== undefined` is `{} | null`: it may still hold 0 or "".
describeCases("truthiness of {} | null", {
  "an unknown narrowed by !== undefined": `const obj = JSON.parse(\`{"debug":"","n":0,"s":"x","z":null}\`) as Record<string, unknown>;
const out: string[] = [];
for (const k of ["debug", "n", "s", "z", "none"]) {
  const v = obj[k];
  if (v !== undefined) out.push(\`\${k}:\${Boolean(v)}:\${v ? "T" : "F"}:\${!v}\`);
  if (v !== null && v !== undefined) out.push(\`\${k}=\${v ? 1 : 0}\`);
}
console.log(out.join(" "));
function f(x: {} | null) { return x ? "yes" : "no"; }
console.log(f(0), f(""), f(null), f("a"), f({}));`,
});
