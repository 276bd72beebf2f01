import { describeCases } from "../../harness/cases.js";

// A property named like a Python keyword (`in`, `from`, `class`), with a `$` or of the `__x__`
// form is stored under another spelling; a key known only at run time must find it too.
describeCases("keys known at run time that name a property Python spells differently", {
  "a unit table keyed by a union that includes a keyword": `type Unit = "mm" | "in" | "ft"; const perMetre: Record<Unit, number> = { mm: 1000, in: 39.37, ft: 3.281 }; function convert(m: number, u: Unit) { return m * perMetre[u]; } const scale: Partial<Record<Unit, number>> = { in: 2 }; console.log(convert(2, "in"), convert(1, "mm"), scale["in" as Unit], scale["ft" as Unit]);`,
  "reads, updates and compound writes of a class instance's keyword fields by key": `class Limits { in = 1; from = 2; is = 3; plain = 4; $cost = 5; } const l = new Limits(); const keys: (keyof Limits)[] = ["in", "from", "is", "plain", "$cost"]; for (const k of keys) { l[k] += 10; l[k]++; } const one: keyof Limits = keys[0]; l[one] = l[one] * 2; console.log(keys.map((k) => l[k]).join(), l.in, l.from, l.$cost);`,
  "keyof an object literal, from Object.keys": `const flags = { pass: "p", for: 2, class: true, ok: null }; for (const k of Object.keys(flags) as (keyof typeof flags)[]) console.log(k, flags[k]); const pick = <T, K extends keyof T>(o: T, k: K) => o[k]; const priced = { $v: 1, "a$b": 2 }; console.log(pick(flags, "for"), pick({ not: 1, __init__: 2 }, "__init__"), priced["$v"], priced["a$b"]);`,
  "a generic lookup through a type parameter's keys": `function get<T extends object>(o: T, k: keyof T) { return o[k]; } function set<T extends object, K extends keyof T>(o: T, k: K, v: T[K]) { o[k] = v; return o; } const cfg = { if: 1, else: 2, x: 3 }; set(cfg, "else", 20); console.log(get(cfg, "if"), get(cfg, "else"), cfg.else, JSON.stringify(cfg));`,
});
