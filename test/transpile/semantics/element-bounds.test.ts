import { describeCases } from "../../harness/cases.js";

// Element reads and writes past the ends, as JavaScript does them (element-bounds.ts).
describeCases("array and string elements past the ends", {
  "a string read past the end, at NaN or of an empty string is undefined": `const s = "01234"; let i = 5; const n = NaN; console.log(s[5], s[100], s[i], s[n], ""[0], s[0] + s[9], \`\${s[7]}!\`, String(s[6]));`,
  "an array read before the start, past the end or at a fraction is undefined": `const a = [1, 2, 3]; let i = -1; const f = 1.5; function at(xs: number[], k: number): number { return xs[k]; } console.log(a[i], a[3], a[f], at(a, 2), at(a, 7), JSON.stringify([a[5]]), [true][1]);`,
  "loop counters bounded by the length read natively, offsets included": `const a = [4, 8, 15, 16]; for (let i = 1; i < a.length; i++) console.log(a[i] - a[i - 1], a[i + 1]); for (let i = a.length - 1; i >= 0; i--) console.log(a[i]);`,
  "a rest array read past its end": `function pick(...args: string[]): string { return args[1]; } console.log(pick("a") === undefined, pick("p", "q"));`,
  "the last element, of an empty array too": `const a: number[] = []; console.log(a[a.length - 1]); a.push(3, 4); console.log(a[a.length - 1], a[a.length - 2], a[a.length - 3]);`,
  "a write past the end grows the array": `const squares: number[] = []; for (let i = 0; i < 4; i++) squares[i] = i * i; const b: number[] = []; let k = 0; b[k] = 7; k = 2; b[k] = 9; console.log(JSON.stringify(squares), b.length, JSON.stringify(b), b[1]);`,
  "a const array that only grows, read by a counter up to a constant": `const limit = 6; const seen: boolean[] = new Array(limit + 1).fill(false); let count = 0; for (let i = 2; i <= limit; i++) { if (seen[i]) continue; count++; for (let j = i * i; j <= limit; j += i) seen[j] = true; } seen[9] = true; console.log(count, seen.length, seen[limit], seen[8]);`,
  "a const array something shrinks is tested": `const a = new Array(3).fill(0); a.pop(); for (let i = 0; i <= 2; i++) console.log(a[i]); const b = [1, 2, 3]; b.length = 1; console.log(b[2]); const c = [4, 5]; const d = c; d.pop(); console.log(c[1]);`,
  "a negative index read is undefined, not an element counted from the end": `const a = [1, 2, 3]; let i = -1; console.log(a[i], a[i - 1]); console.log(JSON.stringify(a));`,
});
