import { describeCases } from "../../harness/cases.js";

describeCases("class members named by a string constant", {
  "fields and methods named by a const or a literal": `const FIELD = "count"; const STEP: "step" = "step"; class Counter { [FIELD] = 1; ["label"] = "c"; [STEP](by: number) { this.count += by; return this; } [\`reset\`]() { this.count = 0; } } const c = new Counter(); c[STEP](2).step(3); console.log(c.count, c[FIELD], c.label, c["label"]); c.reset(); console.log(c.count);`,
  "static members named by a const": `const LIMIT = "limit"; const MAKE = "make"; class Pool { static [LIMIT] = 3; static [MAKE]() { return Pool.limit * 2; } } console.log(Pool[LIMIT], Pool.limit, Pool[MAKE](), Pool.make());`,
});
