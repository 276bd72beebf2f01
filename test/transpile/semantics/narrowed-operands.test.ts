import { describeCases } from "../../harness/cases.js";

// `+`, `<`, `+=`, `-x`, templates and `x === 0` tests pick string or number operations by the
// operands' types. For a variable declared with one string or number type tsmp takes the
// declared type (no flow analysis per reference); narrowing can only make it a literal of that
// type. Variables declared with unions, any or unknown still take the narrowed type.
describeCases("operators on narrowed variables", {
  "a string narrowed to literals by ===": `function f(s: string) { if (s === "a" || s === "b") return s + 1 + "|" + (s < "b") + \`\${s}!\`; return s + 2; } console.log(f("a"), f("b"), f("c"));`,
  "a number narrowed to a literal by ===": `function f(n: number) { if (n === 3) { let t = n + "x"; t += n; return t + (n < 4) + -n; } return n + 1; } console.log(f(3), f(2.5), f(-0));`,
  "a number compared with 0 in a loop, and a running total": `let total = 0; let n: number = 5; while (n !== 0) { total += n * 0.5; n--; } console.log(total, total + "", \`\${total}\`, n === 0);`,
  "a union narrowed by typeof, each way": `function g(v: string | number) { if (typeof v === "number") return v + 1; return v + 1; } console.log(g(5), g("5"));`,
  "unknown and any narrowed by typeof": `function h(v: unknown) { if (typeof v === "string") return v + 1; if (typeof v === "number") return v + 1; return "other"; } const a: any = "7"; console.log(h("x"), h(2), h(true), a + 1, -a);`,
  "a let whose declared type is a union, narrowed by assignment": `let v: string | number = 4; v += 1; console.log(v); v = "4"; v += 1; console.log(v, v < "5");`,
  "consts holding literals": `const s = "k"; const n = 7; const f = 0.5; console.log(s + n, n + f, \`\${n}\${f}\`, -n, n < 10, s < "z");`,
});
