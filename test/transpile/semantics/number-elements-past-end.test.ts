import { describeCases } from "../../harness/cases.js";

// An element of a number array read past its end is undefined, which arithmetic, Math and
// numeric comparisons take as NaN; string conversion still shows "undefined".
describeCases("number elements past the end in arithmetic", {
  "operators and compound assignments": `const xs = [3]; const a = [1, 2]; a[0] += xs[5]; let t = 0; t += xs[5]; const b = [1]; b[0] = b[0] + xs[4]; console.log(a, t, b, xs[3] * 2, xs[7] - 1, xs[9] | 0, ~xs[9], xs[9] ** 0, -xs[8], +xs[8], xs[5] / 2, xs[5] % 2, xs[1] + 1);`,
  "Math and comparisons": `const xs = [3]; console.log(Math.abs(xs[4]), Math.max(1, xs[4]), Math.min(...xs, xs[2]), Math.floor(xs[3]), xs[4] < 1, xs[4] >= 1, xs[0] < xs[4], xs.length > xs[1]);`,
  "undefined is still undefined to text, ==, ?? and ===": `const xs = [3]; let s = "v"; s += xs[5]; console.log(s, "x" + xs[6], xs[6] + "y", \`\${xs[6]}\`, xs[2] == null, xs[2] ?? 7, xs[5] === undefined, String(xs[4]));`,
  "an off-by-one loop sums to NaN": `function sum(v: number[]): number { let total = 0; for (let i = 0; i <= v.length; i++) total += v[i]; return total; } function last(v: number[]): number { return v[v.length] * 2; } console.log(sum([1, 2]), last([4]));`,
});
