import { describeCases } from "../../harness/cases.js";

// JavaScript's zero remainder keeps the dividend's sign: `-0 % 5` is -0. A float dividend keeps
// it here too (an int dividend's stays 0: MicroPython's ints have no -0, docs/semantics.md).
describeCases("the sign of a zero remainder", {
  "float dividends, typed number": `const vals = [-0, 0, 0.5, -0.5, -7.5, 7.5, -2.5]; for (const v of vals) console.log(Object.is(v % 5, -0), v % 5, Object.is(v % 2.5, -0), v % 2.5, Object.is(v % -3, -0), v % -3);`,
  "literals, compound assignments and divisors held in names": `const z = -0; const d = 4; let m = -0; m %= 4; let k = -10.0 / 4; k %= 0.5; console.log(Object.is(m, -0), Object.is(z % 1, -0), Object.is(-0 % 5, -0), Object.is(z % d, -0), Object.is(k, -0), Object.is(-5 % 2.5, -0), (-0 % 5) + 1);`,
  "positive and int dividends are unchanged": `let total = 0; for (let i = 0; i < 20; i++) total += (i * 3) % 7 + (i - 10) % 4; const xs = [0, 3, 10, -4]; console.log(total, xs.map((x) => x % 3), xs.map((x) => x % -3), 0 % 5, Object.is(0 % 5, 0));`,
});
