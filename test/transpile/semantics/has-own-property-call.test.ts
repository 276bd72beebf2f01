import { describeCases } from "../../harness/cases.js";

// The idiom from before Object.hasOwn, still everywhere in copied JavaScript.
describeCases("Object.prototype.hasOwnProperty.call(o, key)", {
  "records, object literals, JSON and arrays, keyword-named keys too": `const o: Record<string, number> = { a: 1, in: 2 }; const lit = { b: 2, from: 3 }; const parsed = JSON.parse('{"c":3,"class":4}'); const has = (x: object, k: string) => Object.prototype.hasOwnProperty.call(x, k); console.log(Object.prototype.hasOwnProperty.call(o, "a"), has(o, "in"), has(lit, "from"), has(parsed, "class"), has(o, "zz"), has(o, "toString"), has([1, 2], "1"), has([1], "length"));`,
  "a class instance's fields but not its methods, in a filter": `class K { x = 1; y?: number; m() {} } const k = new K(); console.log(["x", "y", "m"].filter((name) => Object.prototype.hasOwnProperty.call(k, name)));`,
});
