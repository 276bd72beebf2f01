import { describeCases } from "../../harness/cases.js";

/** `value.toString()` where the checker knows only Object's toString: the value decides (obj_to_string.py). */
describeCases("toString of values known only as objects", {
  "classes with and without their own, literals, arrays, collections, errors": `class Plain { x = 1; } class Named { toString() { return "named"; } } class Child extends Named {}
function show(v: object) { return v.toString(); }
console.log(show(new Plain()), show(new Named()), show(new Child()), show({ a: 1 }), show({ toString: () => "lit" }));
console.log(show([1, [2, 3]]), show(new Map()), show(new Set([1])), show(new Error("boom")));`,
  "a value typed {} may be a primitive": `const values: {}[] = [42, "s", true, 1.5, { k: 1 }]; console.log(values.map((v) => v.toString()).join("|"));`,
});

/** `"text" + obj` converts by valueOf() first (ToPrimitive with no hint); templates and String() by toString(). */
describeCases("string concatenation of objects with valueOf", {
  "a class and an object literal with valueOf and toString": `class Temp { constructor(private c: number) {} toString() { return this.c.toFixed(1) + "C"; } valueOf() { return this.c; } }
const t = new Temp(-3);
const lit = { valueOf: () => 7, toString: () => "seven" };
let s = "t=";
s += t;
s += lit;
console.log("then " + t, t + " later", \`\${t}\`, String(t), [t].join(), s, "lit " + lit, \`\${lit}\`);`,
  "valueOf giving an object or a boolean": `class Wrapped { valueOf() { return { not: "primitive" }; } toString() { return "wrapped"; } }
class Flag { valueOf() { return true; } toString() { return "flag"; } }
class Plain { toString() { return "plain"; } }
console.log("w " + new Wrapped(), "f " + new Flag(), "p " + new Plain());`,
  "a Map, a Set or a promise in a template or String()": `const m = new Map([[1, 2]]); const s = new Set([1]); const w = new WeakMap<object, number>();
console.log(\`\${m} \${s} \${w}\`, String(m), "s: " + s, [m, s].join("|"), \`\${Promise.resolve(1)}\`);`,
});
