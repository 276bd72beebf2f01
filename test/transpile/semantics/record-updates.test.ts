import { describeCases } from "../../harness/cases.js";

// A record's missing key reads as undefined, in an update too: `t[k] += 1` stores NaN
// (undefined + 1), `t[k] += "x"` stores "undefinedx", `t[k] |= 1` stores 1.
describeCases("updates of a record's missing key", {
  "arithmetic, ++ and --": `const t: Record<string, number> = {}; t["a"] += 1; const k: string = "b"; t[k]++; t["c"] -= 2; t["d"] *= 3; --t["e"]; t.f--; console.log(t, JSON.stringify(t)); const n: Record<number, number> = {}; n[1] += 1; n[2]++; console.log(n);`,
  "every compound operator": `const t: Record<string, number> = {}; t.a |= 1; t["b"] <<= 2; t["c"] >>>= 0; t["d"] /= 2; t["e"] %= 3; t["f"] **= 2; t["g"] **= 0; t["h"] ^= 5; t["i"] &= 3; t["j"] >>= 1; t["k"] -= 1; console.log(t);`,
  "strings: text plus undefined, number plus undefined": `const s: Record<string, string> = { have: "h" }; s.q += 5; s["w"] += "w" + 1; s["have"] += "!"; s.t += \`\${1}\`; console.log(s);`,
  "as values, with keys evaluated once": `let calls = 0; function key(): string { calls++; return "k" + calls; } const u: Record<string, number> = { k6: 1 }; u[key()] += 1; u[key()]++; const v = u[key()]++; const w = ++u[key()]; const z = (u[key()] += 2); const y = u[key()]++; console.log(u, v, w, z, y, calls);`,
  "counting words, nested tables, class fields and generics": `const c: { [word: string]: number } = { x: 1 }; for (const word of ["x", "y", "x"]) c[word] += 1; const nested: Record<string, Record<string, number>> = { a: {} }; nested["a"]["b"] += 1; nested.a.c++; class Holder { table: Record<string, number> = {}; bump(k: string) { this.table[k]++; return this.table[k]; } } const h = new Holder(); function gen<T extends Record<string, number>>(r: T, k: keyof T & string) { r[k]++; return r; } console.log(c, nested, h.bump("p"), h.table, gen({ a: 1 } as Record<string, number>, "b"));`,
  "a record from JSON.parse": `const j: Record<string, number> = JSON.parse('{"a": 1}'); j.a += 1; j.b += 1; j["c"]++; j.d |= 2; console.log(j, JSON.stringify(j), j.b === j.b);`,
});
