import { describeCases } from "../../harness/cases.js";

// console.log of function values: Node lists an object's functions (they are its own
// properties) under the name JavaScript gives them, or `(anonymous)`.
describeCases("console.log of functions", {
  "an object's function properties are listed": `const o = { f: () => 1, a: 2 }; console.log(o);`,
  "an object of functions only": `console.log({ run: () => 1, stop: () => 2 });`,
  "methods and function expressions take their key's name": `const o = { n: 1, m() { return 1; }, inc() { this.n++; }, fe: function () { return 4; }, fn: function inner() { return 5; } }; console.log(o); console.log(o.m);`,
  "a block-bodied arrow property": `const o = { f: (x: number) => { const y = x + 1; return y; } }; console.log(o);`,
  "declared functions keep their names": `function named() { return 2; } const g = () => 1; const k = function () { return 4; }; console.log(named, g, k, { named, g, h: g });`,
  "anonymous functions": `const list = [() => 1, (x: number) => { const y = x; return y; }]; console.log(list, list[0]);`,
  "a reassigned variable names its new function": `let h = () => 2; h = () => 3; console.log(h, h());`,
  "a default parameter names its function": `function pick(cb = () => 8) { return cb; } console.log(pick());`,
  "a parenthesized function is named too": `const o = { f: (() => 1) }; let z; z = (() => 2); console.log(o, z);`,
  "a nested function": `function outer() { const inner = () => 14; return inner; } console.log(outer(), [outer()]);`,
  "a function in a nested object": `console.log({ handlers: { click: () => 1, key: { down: () => 2 } } });`,
  "async functions": `async function af() { return 1; } const aa = async () => 1; console.log(af, aa, { aa, m: async () => 2 });`,
  "a class and a function in one object": `class K {} console.log({ K, make: () => new K() });`,
  "a function holding a property lists it": `function tally() { return 1; } tally.calls = 0; console.log(tally, { tally }, [tally]);`,
  "a function's property nested and past the depth": `function deep() { return 0; } deep.info = { a: { b: { c: 1 } } }; console.log(deep, { x: { y: { deep } } });`,
  "a function's long property breaks the line": `function longer() { return 0; } longer.text = "z".repeat(60); console.log(longer);`,
});
