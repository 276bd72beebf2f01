import { describeCases } from "../../harness/cases.js";

// Number(x) and unary + of an array or an object convert it to a primitive first, as
// JavaScript's ToNumber does: an object by valueOf() then toString(), an array by its text.
const classes = `class Money { constructor(public cents: number) {} valueOf(): number { return this.cents / 100; } toString(): string { return "m"; } } class Code { toString(): string { return " 0x1f "; } } class Plain { n = 1; }`;

describeCases("Number() of arrays and objects", {
  "arrays read as their text": `const empty: number[] = []; console.log(Number([5]), Number(["7"]), Number(empty), Number([1, 2]), Number([[" 3 "]]), Number([null]), Number([undefined]), Number([true]), Object.is(Number([-0]), -0), Number([[[]]]), Number(["0b101"]), +[9], +[], Number([NaN]), Number([Infinity]));`,
  "objects by valueOf, then toString": `${classes} const m = new Money(250); console.log(Number(m), +m, Number(new Code()), Number(new Plain()), Number({}), Number({ valueOf() { return "12"; } }), Number({ toString() { return "4"; } }), Number([m]), Number([new Code()]), Number(new Map()));`,
  "any and unknown holding arrays and objects": `${classes} const values: any[] = [[8], [], ["x"], new Money(100), { a: 1 }, null, undefined, "", " 42 ", true]; console.log(values.map((v) => Number(v)).join(" "), values.map((v) => +v).join(" ")); const u: unknown = [3]; console.log(Number(u) * 2);`,
  "String, Number and Boolean called with no argument": `const S = String; const N = Number; const B = Boolean; console.log(JSON.stringify(S()), N(), B(), String(), Number(), Boolean());`,
});
