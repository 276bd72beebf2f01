import { describeCases } from "../../harness/cases.js";

// JSON.stringify gives undefined, not a string, for undefined and functions (json_stringify.py).
describeCases("JSON.stringify of undefined and functions", {
  "undefined alone is undefined": `const u = undefined; console.log(JSON.stringify(undefined), JSON.stringify(u) === undefined, typeof JSON.stringify(undefined));`,
  "concatenated and in a template": `console.log("x" + JSON.stringify(undefined), \`[\${JSON.stringify(undefined)}]\`, String(JSON.stringify(() => 1)));`,
  "undefined and function members are left out of objects": `console.log(JSON.stringify({ a: undefined, b: () => 1 }), JSON.stringify({ a: undefined, c: 2, d: () => 1 }));`,
  "undefined and functions are null in arrays": `console.log(JSON.stringify([undefined, () => 1]), JSON.stringify([1, undefined, 3], null, 1));`,
  "a function alone is undefined": `function f(): number { return 1; } const s = JSON.stringify(f); console.log(JSON.stringify(f), s === undefined);`,
  "an optional value": `function show(v?: number): string { return "v=" + JSON.stringify(v); } console.log(show(), show(2));`,
  "a result kept in a variable and compared": `const s: string | undefined = JSON.stringify(undefined); console.log(s ?? "none", s === undefined ? "u" : s.length);`,
});
