import { describeCases } from "../../harness/cases.js";

// `unshift` gives the new length whatever the receiver is: a field, a getter's array, an
// element, a call's result, a value typed any.
describeCases("unshift as a value on any receiver", {
  "a field, a getter, an element, a call": `class Q { items: number[] = [3]; private hidden: number[] = [1, 2]; get view(): number[] { return this.hidden; } add(x: number) { return this.items.unshift(x, x + 1); } } const q = new Q(); console.log(q.add(1), q.items, q.view.unshift(0), q.view, q.items.unshift()); const o = { list: ["a"] }; const grid: number[][] = [[1]]; function get(): string[] { return ["z"]; } console.log(o.list.unshift("b"), o.list, grid[0].unshift(9, 8), grid, get().unshift("y"));`,
  "spread arguments, any, in arithmetic and conditions": `const items: number[] = [1]; const len = items.unshift(...[7, 8]); const a: any = [1]; const tup: [number, ...number[]] = [1]; let m = 0; m += items.unshift(4); const xs: number[] = []; console.log(len, a.unshift(0), a, tup.unshift(0), tup, m, items.unshift(5) > 2 ? "big" : "small", xs.unshift(1) ? "truthy" : "falsy");`,
});
