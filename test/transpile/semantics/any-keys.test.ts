import { describeCases } from "../../harness/cases.js";

// JavaScript keys properties by strings: a number key written through a value typed any is
// the number's text on a dict or an object, and stays an index on an array.
describeCases("number keys through any", {
  "a dict held in any": `const r: Record<string, number> = { x: 1 }; const a: any = r; a[3] = 4; a[1] += 1; a[2]++; a[5] = 1; a[5] *= 4; console.log(r, Object.keys(a), a[1], a["3"], a[3], r["3"], JSON.stringify(r), 3 in a, "5" in a);`,
  "an empty object, fractional keys and delete": `const a: any = {}; a[1] = 2; a[2.5] = 3; const k = 0.1 + 0.2; a[k] = "x"; a[-1] = "neg"; console.log(Object.keys(a), a["1"], a[1], a["2.5"], a[k], a["0.30000000000000004"]); delete a[k]; delete a[1]; console.log(Object.keys(a)); for (const key in a) console.log(key, typeof key, a[key]);`,
  "an array held in any": `const list: any = [1, 2, 3]; list[0] += 10; list[1]++; list[2.0] = 7; const i: number = 1.5 * 2 - 1; list[i] = 9; console.log(list, list[0], list["1"], list.length);`,
  "nested tables and JSON objects": `function make(): any { return { n: {} as Record<string, number> }; } const holder: any = make(); holder.n[7] = 1; holder.n[7]++; const j: any = JSON.parse('{"1": 5}'); j[1] += 1; j[2] = 0; const e: Record<string, any> = { a: {} }; e.a[3] = 4; console.log(holder.n, JSON.stringify(holder), j[1], j["1"], Object.keys(j), e.a, Object.keys(e.a));`,
  "a receiver evaluated once": `let calls = 0; const store: Record<string, number> = {}; function get(): any { calls++; return store; } get()[4] = 1; get()[4] += 2; get()[6]++; console.log(store, calls);`,
});
