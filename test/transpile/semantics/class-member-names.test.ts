import { describeCases } from "../../harness/cases.js";

describeCases("class members named by a string constant", {
  "fields and methods named by a const or a literal": `const FIELD = "count"; const STEP: "step" = "step"; class Counter { [FIELD] = 1; ["label"] = "c"; [STEP](by: number) { this.count += by; return this; } [\`reset\`]() { this.count = 0; } } const c = new Counter(); c[STEP](2).step(3); console.log(c.count, c[FIELD], c.label, c["label"]); c.reset(); console.log(c.count);`,
  "static members named by a const": `const LIMIT = "limit"; const MAKE = "make"; class Pool { static [LIMIT] = 3; static [MAKE]() { return Pool.limit * 2; } } console.log(Pool[LIMIT], Pool.limit, Pool[MAKE](), Pool.make());`,
});

describeCases("class fields and methods named by a number or by a string Python cannot spell", {
  "numbered fields and methods, instance and static": `class Grid { 1 = "one"; static 2 = "two"; 0x10 = 16; [3]() { return "three:" + this[1]; } static [4]() { return "four"; } } const g = new Grid(); console.log(g[1], Grid[2], g[16], g[3](), Grid[4](), g["1"]);`,
  "string names with dashes and spaces, read by key and through any": `class Keys { "with-dash" = 1; static "a b" = "ab"; "do-it"(n: number) { return n * 2 + this["with-dash"]; } } const k = new Keys(); const dyn: any = k; console.log(k["with-dash"], Keys["a b"], k["do-it"](3), dyn["do-it"](1), dyn[\`with-dash\`], "with-dash" in k);`,
  "overridden in a subclass, and a field beside a parameter property": `class Base { 7 = "base seven"; [8]() { return "base eight"; } name() { return this[8](); } } class Derived extends Base { constructor(readonly tag: string) { super(); } [8]() { return "derived eight " + this.tag + " " + this[7]; } } console.log(new Base().name(), new Derived("d").name(), new Derived("e")[7]);`,
  "static initializers run in order with the others": `const order: string[] = []; function note(s: string) { order.push(s); return s; } class Steps { static a = note("a"); static 1 = note("1"); static b = note("b"); static "c-d" = note("c-d"); } console.log(order.join(","), Steps[1], Steps["c-d"]);`,
});
