import { describeCases } from "../../harness/cases.js";

// `==` converts across types in JavaScript; Python's `==` never does.
describeCases("loose equality between values of different types", {
  "config values read as text or numbers, against numbers and text": `const cfg: Record<string, string | number | boolean> = { a: "5", b: 5, c: "", d: "0", e: true, f: "1", g: " 7 ", h: "0x10" }; for (const [k, v] of Object.entries(cfg)) console.log(k, v == 5, v == 0, v == 1, v == "5", v != 7, v == 16);`,
  "values typed unknown against text, numbers and null": `const vs: unknown[] = [[1, 2], [], [0], {}, "1,2", null, undefined, NaN, "[object Object]", false]; for (const v of vs) console.log(v == "1,2", v == 0, v == "", v == null, v == "[object Object]", v != false);`,
  "objects compare by identity, and text against text stays text": `const a = [1]; const x: any = a; const y: any = [1]; const p = (s: string | number, t: string | number) => s == t; console.log(x == a, x == y, x != y, p("10", 10), p("1e1", 10), p("abc", NaN), p(" ", 0), p("3", "3.0"), p(3, 3.0));`,
});
