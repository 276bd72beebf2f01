import { describeCases } from "../../harness/cases.js";

// `x instanceof Array` in code walking JSON or config values; String, Number and Boolean only
// ever hold their wrapper objects, which a primitive is not.
describeCases("instanceof the library's Array, String, Number and Boolean", {
  "values of every kind against Array": `const vals: unknown[] = [[1], [], "s", 5, true, new Uint8Array(2), { a: 1 }, null, undefined, "x".match(/x/), JSON.parse("[1]")]; console.log(vals.map((v) => (v instanceof Array ? 1 : 0)).join(""), vals.filter((v) => !(v instanceof Array)).length);`,
  "a JSON walker telling arrays from objects": `function depth(v: unknown): number { if (v instanceof Array) return 1 + Math.max(0, ...v.map(depth)); if (typeof v === "object" && v !== null) return 1 + Math.max(0, ...Object.values(v).map(depth)); return 0; } console.log(depth(JSON.parse('{"a":[1,[2,{"b":[]}]],"c":3}')), depth([]), depth(7));`,
  "primitives are no instances of their wrappers": `const xs: unknown[] = ["s", 5, true, [1]]; let n = 0; const next = () => xs[n++]; console.log(xs.map((v) => [v instanceof String, v instanceof Number, v instanceof Boolean].map(Number).join("")).join(" "), next() instanceof String, n);`,
});
