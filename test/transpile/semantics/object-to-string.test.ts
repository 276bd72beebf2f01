import { describeCases } from "../../harness/cases.js";

/** `value.toString()` where the checker knows only Object's toString: the value decides (obj_to_string.py). */
describeCases("toString of values known only as objects", {
  "classes with and without their own, literals, arrays, collections, errors": `class Plain { x = 1; } class Named { toString() { return "named"; } } class Child extends Named {}
function show(v: object) { return v.toString(); }
console.log(show(new Plain()), show(new Named()), show(new Child()), show({ a: 1 }), show({ toString: () => "lit" }));
console.log(show([1, [2, 3]]), show(new Map()), show(new Set([1])), show(new Error("boom")));`,
  "a value typed {} may be a primitive": `const values: {}[] = [42, "s", true, 1.5, { k: 1 }]; console.log(values.map((v) => v.toString()).join("|"));`,
});
