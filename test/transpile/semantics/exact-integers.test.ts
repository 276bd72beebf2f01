import { describe, expect, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { transpileSnippet } from "../../harness/differential.js";

// Integers past 2^53: JavaScript rounds them to doubles (ties to even), a Python int would not.
describeCases("integers past 2^53 round as doubles do", {
  "an LCG masked with & 0x7fffffff": `let seed = 12345; const out: number[] = []; for (let i = 0; i < 50; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; out.push(seed); } console.log(out.join(","));`,
  "FNV-1a with >>> 0": `let h = 2166136261; for (const c of "hello, world") h = ((h ^ c.charCodeAt(0)) * 16777619) >>> 0; console.log(h);`,
  "FNV-1a with Math.imul (exact 32-bit product)": `let h = 2166136261; for (const c of "hello, world") h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0; console.log(h);`,
  "| 0 and % of a big product": `const a = 123456789, b = 987654321; const p = a * b; console.log(p | 0, p % 1000, p % 65536, (a * b) % 7, -p % 1000, p >>> 0);`,
  "printing 2 ** 53 + 1, MAX_SAFE_INTEGER + 2 and a literal past 2^53": `console.log(2 ** 53 + 1, Number.MAX_SAFE_INTEGER + 2, 9007199254740993, String(2 ** 53 + 3), \`\${Number.MAX_SAFE_INTEGER + 4}\`);`,
  "products of negatives": `const a = -123456789, b = 987654321; console.log(a * b, a * -b, (a * b) | 0, (a * -b) >>> 0, a * b === -121932631112635269);`,
  "the -(2 ** 53) edge": `let y = -(2 ** 53); y--; const z = y - 1; console.log(y, z, y + 1, z === y, -(2 ** 53) - 3, -(2 ** 53) + 1);`,
  "round half to even at 2^53 + 1, 2^54 + 2 and 2^54 + 6": `const t = 2 ** 53; console.log(t + 1 === t, t + 3 === t + 4, 2 ** 54 + 2 === 2 ** 54, 2 ** 54 + 6 === 2 ** 54 + 8, (t + 1) % 10, (2 ** 54 + 6) % 100);`,
  "values compared with === after rounding": `const big = 123456789 * 987654321; console.log(big === 121932631112635269, big === 121932631112635260, big + 1 === big, big - 8 === big);`,
  "increments of a value at 2^53": `let x = 2 ** 53; x++; ++x; let old = x++; console.log(x, old, x - 1 === x, --x);`,
  "compound assignments past 2^53": `let a = 3; a **= 40; let b = 1; for (let i = 1; i <= 25; i++) b *= i; let c = 2 ** 60; c += 1; c -= 3; console.log(a % 1000, b % 1000000, c % 1000, a, b);`,
  "exponent results past 2^53": `const e = 40; console.log(3 ** 40, 7 ** 23, (3 ** 40) % 1000, 2 ** 64, 10 ** 20, 10 ** 21, Math.pow(3, e), Math.pow(3, e) % 1000, 3 ** e);`,
  "many random products rounded as Node rounds them": `let s = 88172645463325252 % 2147483647; let sum = 0; const out: number[] = []; for (let i = 0; i < 2000; i++) { s = (s * 48271) % 2147483647; const p = s * (s + 7) * 131; sum = (sum + (p % 1000003)) % 1000003; if (i % 400 === 0) out.push(p); } console.log(sum, out.join(" "));`,
  "a product past the largest double is Infinity": `let v = 2 ** 60; for (let i = 0; i < 20; i++) v = v * v; console.log(v, v === Infinity);`,
  "floats are untouched": `const f = 0.1 * 3; let g = 1.5; g *= 2 ** 60; console.log(f, g, 2 ** 60 * 0.5);`,
  "record keys and templates of big integers": `const r: Record<string, number> = {}; const k = 2 ** 53 + 2; r[k] = 1; console.log(Object.keys(r), \`\${k * 3}\`, String(k * 5));`,
});

describe("integer arithmetic that stays within 2^53 stays native", () => {
  const mainOf = (source: string) => transpileSnippet(source).files.find((file) => file.path === "main.py")!.text;
  it("a CRC loop, a masked checksum and a bounded loop counter need no rounding", () => {
    const text = mainOf(`
      function crc16(buf: Uint8Array): number {
        let crc = 0xffff;
        for (const byte of buf) {
          crc = crc ^ (byte << 8);
          for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
        }
        return crc;
      }
      const data = new Uint8Array(16);
      let sum = 0;
      for (let i = 0; i < data.length; i++) { data[i] = i * 31 + 7; sum = (sum + data[i]! * 3) & 0xffff; }
      let n = 0;
      n++;
      console.log(crc16(data), sum, n, data.length * 2);
    `);
    expect(text).not.toContain("js_int");
    expect(text).toContain("print(crc16(data), sum_, n, len(data) * 2)");
  });
  it("an unbounded product is tested inline and rounded only past 2^53", () => {
    const text = mainOf(`function f(a: number, b: number) { return a * b; } console.log(f(3, 4));`);
    expect(text).toContain("return exact_1 if -9007199254740992 <= (exact_1 := a * b) <= 9007199254740992 else js_int(exact_1)");
  });
});
