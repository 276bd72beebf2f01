import { describeCases } from "../../harness/cases.js";

// Operands whose JavaScript operation is chosen at run time: unions, type parameters, any.
describeCases("operators on values of no single static type", {
  "ordering a string | number union": `function order(a: string | number, b: string | number) { return [a < b, a <= b, a > b, a >= b].join(); } console.log(order("10", 9), order("10", "9"), order(2, 10), order("x", 1), order("", 0));`,
  "ordering type parameters": `function least<T extends string | number>(items: T[]): T { let best = items[0]!; for (const x of items) if (x < best) best = x; return best; } console.log(least(["b", "a", "c"]), least([3, 1, 2]));`,
  "length, slice and indexOf of T extends string | unknown[]": `function info<T extends string | number[]>(x: T) { return [x.length, JSON.stringify(x.slice(1)), x.indexOf(x[1] as never)].join(" "); } console.log(info("abc"), info([7, 8, 9]));`,
  "plus on type parameters": `function add<A extends string | number, B extends string | number>(a: A, b: B) { return (a as any) + b; } console.log(add(1, 2), add("1", 2), add(1, "2"));`,
});
