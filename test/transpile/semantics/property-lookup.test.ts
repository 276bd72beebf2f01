import { describeCases } from "../../harness/cases.js";

describeCases("property lookup", {
  "in on an object literal": `const o: { a?: number; b: number } = { a: 1, b: 2 }; delete o.a; console.log("a" in o, "b" in o, "c" in o, 0 in o);`,
  "in with a number key": `const o = { 1: "one", x: 2 }; const k = 1; console.log(k in o, 2 in o, "1" in o);`,
  "in on an array asks for an index": `const a = [5, 6]; console.log(0 in a, 1 in a, 2 in a, 5 in a, "length" in a);`,
  "in on a class instance finds fields and methods": `class P { x = 1; m() { return 1; } } const p = new P(); console.log("x" in p, "m" in p, "y" in p);`,
  "in on a record": `const r: Record<string, number> = { k: 1 }; console.log("k" in r, "z" in r);`,
  "number key of an object literal": `const o: { a: number; [k: number]: number } = { a: 1, 5: 2 }; const i = 5; console.log(o[5], o[i], o[6]);`,
  "delete of an absent property": `const o: { p?: number; q: number } = { q: 1 }; console.log(delete o.p, o);`,
  "optional delete on undefined": `const o = undefined as { p?: number } | undefined; console.log(delete o?.p, o);`,
  "spread of an array into an object": `const a = [7, 8]; const o = { ...a }; console.log(JSON.stringify(o));`,
  "spread of null and undefined": `const n = null as any; const u = undefined as any; console.log(JSON.stringify({ a: 1, ...n, ...u }));`,
  "spread of a short-circuited operand": `const flag = false as boolean; console.log(JSON.stringify({ a: 1, ...(flag && { b: 2 }) }));`,
  "join with an undefined separator": `const a = [1, 2]; const s = ["x", "y"]; console.log(a.join(undefined), [].join(undefined), s.join(undefined));`,
  "property named with $ holding an arrow": `const o = { $pick: (...xs: string[]) => xs[1] }; console.log(o.$pick("a", "b"));`,
});

describeCases("index and count arguments", {
  "slice with undefined and NaN bounds": `const s = "0123456789"; const u = undefined as number | undefined; console.log(s.slice(u, 5), s.slice(3, u), s.slice(NaN, 3), s.slice(3, NaN), s.slice(1.7, 4.2));`,
  "charAt and charCodeAt at NaN": `const s = "hello"; console.log(s.charAt(NaN), s.charCodeAt(NaN), s.charAt(1.5));`,
  "padStart and padEnd with fractions and NaN": `const s = "foo"; console.log(s.padStart(5.9, "12"), s.padEnd(NaN), s.padEnd(6.5, "-"));`,
  "flat with an undefined depth": `const a = [1, [2, [3]]]; console.log(JSON.stringify(a.flat(undefined)));`,
});

describeCases("elements read expecting they may be missing", {
  "in an optional chain": `const o: { a?: { b?: { c: number }[] } } = { a: { b: [{ c: 10 }] } }; console.log(o.a?.b?.[0]?.c ?? "none", o.a?.b?.[2]?.c ?? "none");`,
  "before ?? and compared with undefined": `const a = [1, 2]; const s = "ab"; const i = 5; console.log(a[i] ?? -1, a[i] === undefined, s[i] !== undefined, s[1] ?? "x", a[1.5] === undefined);`,
});

describeCases("for…of assigning to a pattern", {
  "defaults for elements the rows lack": `let first = ""; for ([first = "none"] of [[], ["x"]]) console.log(first);`,
});

describeCases("Array.of", {
  "with spread arguments": `const a = [1, 2]; console.log(Array.of(...a, 3, ...new Set([4])), Array.of(...a));`,
});
