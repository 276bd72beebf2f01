import { describeCases } from "../../harness/cases.js";

// Arithmetic on operands typed any converts them as JavaScript's ToNumber does: a text, a
// boolean, null and undefined through any (`q * 2` with q = "3" is 6; Python's `*` would
// repeat the text, and `-` raise). Operands typed number stay native.
const values = `const vals: any[] = ["3", "", " 4 ", "x", "0x10", undefined, null, true, false, 5, 0.5, -7];`;

describeCases("arithmetic on values typed any", {
  "- * / % ** with an any operand on either side": `${values} for (const q of vals) console.log(String(q), q * 2, q - 1, q / 2, q % 3, q ** 2, 2 - q, 10 / q, 7 % q, 2 ** q, q * q);`,
  "compound assignments": `${values} for (const q of vals) { let r: any = q; r -= 1; let s: any = q; s *= 3; let t: any = q; t /= 4; let u: any = q; u %= 2; let v: any = q; v **= 2; let n = 10; n -= q; console.log(String(q), r, s, t, u, v, n); }`,
  "++ and --, as statements and as values": `${values} for (const q of vals) { let w: any = q; w++; let x: any = q; x--; let y: any = q; const z = ++y; let p: any = q; const old = p++; let m: any = q; const before = m--; console.log(String(q), w, x, y, z, p, old, m, before); }`,
  "bitwise operators and their assignments": `${values} for (const q of vals) { let b: any = q; b |= 1; let c: any = q; c <<= 2; let d: any = q; d >>>= 0; let e: any = q; e ^= 3; console.log(String(q), ~q, 1 << q, 8 >> q, q & 6, q | 0, q >>> 0, b, c, d, e); }`,
  "properties and elements of any, and a field typed any": `const o: any = { n: "6", a: ["7"], t: true }; o.n -= 1; o.a[0] *= 2; o.m = "2"; o.m **= 3; o.t++; class Box { v: any = "5"; } const b = new Box(); b.v *= 2; b.v++; const u: unknown = "8"; console.log(o.n, o.a[0], o.m, o.t, o.n * o.a[0], b.v, (u as any) / 2);`,
});
