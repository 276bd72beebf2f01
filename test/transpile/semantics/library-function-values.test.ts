import { describeCases } from "../../harness/cases.js";

describeCases("Math.cbrt at the edges", {
  "Math.cbrt of NaN, Infinity and -0": `const xs = [NaN, Infinity, -Infinity, -0, 0, -27, 8];
console.log(xs.map((x) => Math.cbrt(x)).join(" "), Object.is(Math.cbrt(-0), -0), Math.cbrt(NaN), Math.cbrt(-Infinity));`,
});
