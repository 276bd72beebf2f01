import { describeCases } from "../../harness/cases.js";

describeCases("Math members", {
  constants: `console.log(Math.LOG2E, Math.LOG10E, Math.SQRT1_2, Math.SQRT2, Math.LN2, Math.LN10, Math.PI, Math.E);`,
  "constants agree with the functions": `console.log(Math.LOG2E === 1 / Math.LN2, Math.LOG10E === 1 / Math.LN10, Math.SQRT1_2 === Math.sqrt(0.5));`,
  log1p: `const xs = [42, 0, -0.5, 1e-10, -1e-17, 3, 0.25, 1e300]; console.log(xs.map((x) => Math.log1p(x)).join(" "));`,
  "log1p outside its domain": `const xs = [-1, -2, Infinity, NaN]; console.log(xs.map((x) => Math.log1p(x)).join(" "), Object.is(Math.log1p(-0), -0));`,
  expm1: `const xs = [0, 1, -1, 1e-10, 2, -1000, 1000, Infinity, -Infinity, NaN]; console.log(xs.map((x) => Math.expm1(x)).join(" "));`,
  "hyperbolic functions": `const xs = [0, 0.5, -2, 3]; console.log(xs.map((x) => Math.sinh(x)).join(" ")); console.log(xs.map((x) => Math.cosh(x)).join(" ")); console.log(xs.map((x) => Math.tanh(x)).join(" ")); console.log(xs.map((x) => Math.asinh(x)).join(" "));`,
  "hyperbolic overflow and domain": `console.log(Math.sinh(1000), Math.sinh(-1000), Math.cosh(-1000), Math.tanh(1000), Math.tanh(-Infinity));
console.log(Math.acosh(1), Math.acosh(2), Math.acosh(0.5), Math.acosh(-1), Math.atanh(0), Math.atanh(0.5), Math.atanh(1), Math.atanh(-1), Math.atanh(2), Math.asinh(-Infinity));`,
  clz32: `const xs = [0, 1, 2, 255, -1, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 0.5, 3.9, NaN, Infinity, -0]; console.log(xs.map((x) => Math.clz32(x)).join(" "));`,
  imul: `const pairs = [[2, 3], [-5, 12], [0xffffffff, 5], [0x7fffffff, 0x7fffffff], [2 ** 32 + 3, 2], [1.9, 2.9], [NaN, 3], [Infinity, 2]]; console.log(pairs.map(([a, b]) => Math.imul(a, b)).join(" "));`,
  fround: `const xs = [5.5, 0.1, 1 / 3, 1e300, -1e300, 1e-50, 16777217, NaN, -0]; console.log(xs.map((x) => Math.fround(x)).join(" "), Object.is(Math.fround(-0), -0));`,
  "hypot scales, keeps Infinity over NaN, takes no arguments": `const big = 1e200; const xs = [3, 4, 12]; console.log(Math.hypot(3, 4), Math.hypot(...xs), Math.hypot(big, big), Math.hypot(1e-200, 1e-200), Math.hypot(), Math.hypot(-3), Math.hypot(Infinity, NaN), Math.hypot(NaN, 1), Math.hypot(0.1, 0.2), Math.hypot(-0));`,
});
