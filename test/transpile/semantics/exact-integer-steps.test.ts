import { describeCases } from "../../harness/cases.js";

// Past 2^53 JavaScript's numbers are doubles: steps of properties and elements, sums of
// values typed any, JSON text in and out, all round as the double does.
describeCases("integers past 2^53 in steps, any, and JSON", {
  "steps of a property, an element and a record's value": `class C { n = 2 ** 53; m = -(2 ** 53); } const c = new C(); c.n++; c.m--; const a = [2 ** 53, -(2 ** 53), 2 ** 53, 2 ** 53 + 2]; a[0]++; a[1]--; ++a[2]; const old = a[3]++; const r: Record<string, number> = { k: 2 ** 53 }; r.k++; r["k"] += 1; const o = { x: 2 ** 53 }; o.x++; console.log(c.n, c.m, c.n === 2 ** 53, a, a[0] === 2 ** 53, old, r.k, o.x);`,
  "JSON.stringify and console.log of containers": `const big = 3 ** 40; let prod = 1; for (let i = 1; i <= 25; i++) prod *= i; console.log(JSON.stringify(big), JSON.stringify({ big }), JSON.stringify([big * 7]), JSON.stringify({ prod }), [big], { prod }, [2 ** 53 + 2, -(2 ** 60)]);`,
  "sums of values typed any": `const p: any = 2 ** 60; const q: any = 3; const j: any = 2 ** 53; console.log(p + q, p * q, p - q, p + 1, String(p + q), j + 1, j + 1 === j, j + 3);`,
  "JSON.parse of long integers": `const j: any = JSON.parse("12345678901234567890"); const u: unknown = JSON.parse("[9007199254740993, -9007199254740993, 1e2, 123456789012345678901234, 999999999999999]"); console.log(j, j + 1, JSON.stringify(j), String(j), j === 12345678901234567000, u, JSON.stringify(u));`,
  "private fields and typed arrays stay exact below 2^53": `class K { private n = 0; tick() { this.n++; return this.n; } } const k = new K(); k.tick(); const u8 = new Uint8Array(2); u8[0]++; const h: number[] = [0, 0]; h[1]++; h[1]--; h[1]--; console.log(k.tick(), u8[0], h);`,
});
