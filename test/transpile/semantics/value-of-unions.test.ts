import { describeCases } from "../../harness/cases.js";

// `+` and `<` convert an object by ToPrimitive (valueOf first, then toString) whatever the
// checker knows of it; a template literal, String() and join call toString().
const money = `class Money { constructor(public cents: number) {} valueOf(): number { return this.cents / 100; } toString(): string { return "$" + (this.cents / 100).toFixed(2); } } function pick(flag: boolean): number | Money { return flag ? new Money(250) : 7; } const x = pick(true); const y = pick(false);`;

describeCases("valueOf through unions, any and type parameters", {
  "a union with a class declaring valueOf, in + and a template": `${money} let s = "a"; s += x; console.log("" + x, x + "", \`\${x}\`, String(x), "" + y, s, [x, y].join(","));`,
  "comparisons of a union call valueOf": `${money} const m = new Money(150); console.log(x < y, y < x, x >= y, m < x, m > new Money(1), x <= m);`,
  "any, unknown, object and a type parameter": `${money} function show<T>(v: T): string { return "<" + v + ">"; } const z: any = new Money(300); const arr: unknown = [1, 2]; const obj: object = new Money(120); console.log(show(new Money(5)), show(3), show([1, 2]), show({ a: 1 }), z + 1, 1 + z, "" + z, z < 4, z > 4, \`\${z}\`, "" + arr, "v" + obj);`,
  "an object literal's valueOf in a union, and elements": `${money} const lit = { valueOf() { return 42; } }; const either: typeof lit | string = Math.random() < 2 ? lit : "s"; const list: (number | Money)[] = [new Money(1), 2]; console.log("" + either, either + "!", "" + list[0], list[0] < list[1], "" + list[5]);`,
});
