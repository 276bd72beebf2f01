import { describeCases } from "../../harness/cases.js";

// `a[i] += x` / `a[i]++` past a number array's end: JavaScript reads undefined, stores NaN and
// grows the array (the gap reads as undefined here: tsmp has no holes); Python raised IndexError.
describeCases("updates of a number array past its end", {
  "compound assignments and steps as statements": `const h: number[] = [0, 0]; for (const k of [0, 3, 1, 3]) { h[k] += 2; h[k]--; } const i = 5; const d = 1.5; h[i] *= d; h[i] -= 1; ++h[7]; h[8] **= 2; h[9] /= 2; h[10] %= 2; const out: string[] = []; for (let j = 0; j < h.length; j++) out.push(String(h[j])); console.log(h.length, out.join(","));`,
  "in range the update is as before": `const counts = [0, 0, 0]; for (const b of [0, 2, 2, 1, 2]) { counts[b]++; counts[b] += 10; } console.log(counts);`,
  "bitwise updates past the end, and an index or operand of arithmetic": `const a: number[] = [1]; let i = 3; const m = 6; a[i] |= 5; a[5] ^= m; a[1] &= 3; a[2] <<= 2; i = 4; a[i] >>= 1; a[6] >>>= 0; a[0] |= 2.7; const x = 2.5; a[7] |= x; console.log(a); const bits: number[] = []; for (let k = 0; k < 4; k++) bits[k] |= 1 << k; const h: number[] = []; for (let k = 0; k < 3; k++) h[k + 0 * 2] += -k; console.log(bits, h);`,
  "a computed index, receiver or operand is evaluated once and the array grows": `const a: number[] = [1, 2]; let calls = 0; function f(): number { calls++; return 4; } a[f()] += 1; const xs = [5, 6, 7]; const i = 3; const j = 2; a[i] += xs[j]; const o = { arr: [1] }; o.arr[f()] *= 2; const grid: number[][] = [[0]]; grid[0][3] += 1; console.log(a.length, String(a[3]), String(a[4]), calls, o.arr.length, grid[0].length, String(grid[0][3]));`,
  "an update used as a value": `const b: number[] = [0]; const i = 3; const v = b[i]++; const w = ++b[6]; const c: number[] = []; const r = (c[2] += 5); console.log(String(v), String(w), b.length, String(b[3]), String(r), c.length);`,
  "compound and bitwise assignments used as values, steps through a property": `const a: number[] = [1]; const q = (a[3] |= 5), r = (a[4] ^= 3), s = (a[5] <<= 2), t = (a[6] **= 0), u = (a[7] -= 1); console.log(q, r, s, t, u, a.length); const m = { list: [1, 2] }; let n = 0; const next = () => n++ + 5; const p = m.list[next()]--; const pp = --m.list[next()]; console.log(p, pp, m.list.length, n);`,
});
