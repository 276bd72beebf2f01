import { describeCases } from "../../harness/cases.js";

// Assignment targets that used to be TSMP1012: properties named by numbers or strings Python
// cannot spell, written through `o[k]`, and targets inside parentheses or type assertions.
describeCases("keyed writes", {
  "targets in parentheses, ! and type assertions": `let x = 1; (x) = 2; let y: number | undefined = 1; y! += 3; let u: unknown = 1; (u as number) = 4; const o = { a: 1 }; (o.a as number) += 2; o.a! *= 2; (o.a)++; const r: Record<string, number> = { a: 1 }; (r.a as number) += 1; (r["b"] as number) ??= 4; (r.c!) = 3; (r.a satisfies number)++; const arr = [1, 2]; (<number>arr[0]) += 1; (arr[1]!)--; const z = ((x) = 5); console.log(x, y, u, o, r, arr, z, (x as number)++, x);`,
  "object literal properties named by numbers": `const o = { 1: "a", 2: "b" }; o[1] = "z"; o[2] += "!"; const n = { 1: 5, 2: 6, 10: 7 }; n[1] += 2; n[2]++; const k = 10 as 1 | 2 | 10; n[k] *= 3; n[k] **= 2; console.log(o, n, Object.keys(n));`,
  "object literal properties Python cannot spell": `const o = { "my-key": 1, "a b": "x", from: 2 }; o["my-key"] = 2; o["my-key"] += 1; o["a b"] += "y"; o["from"]++; console.log(o, JSON.stringify(o));`,
  "optional numbered properties keep JavaScript's key order": `const o: { 1?: string; 2?: string; "x-y"?: string; 2.5?: string } = {}; o["x-y"] = "c"; o[2.5] = "d"; o[2] = "b"; o[1] = "a"; console.log(o, Object.keys(o)); delete o[1]; delete o["x-y"]; console.log(o, Object.keys(o), o[1] === undefined);`,
  "a table keyed by a numeric enum": `enum Pin { LED = 2, BUTTON = 0, BUZZER = 15 } const names: Record<Pin, string> = { [Pin.LED]: "led", [Pin.BUTTON]: "button", [Pin.BUZZER]: "buzzer" }; names[Pin.LED] = "status led"; const p: Pin = Pin.BUZZER; names[p] += "!"; console.log(names, names[Pin.BUTTON], Object.keys(names));`,
  "class instance properties named by numbers": `class C { 1 = 4; "my-key" = 0; } const c = new C(); c[1] = 5; const k = "my-key" as const; c[k] = 7; let i = 0; const v = (c[1] = c[1] + i++); console.log(c[1], c["my-key"], v, i); class D { [n: number]: string } const d = new D(); d[2] = "two"; d[1] = "one"; console.log(d[1], d[2], d[3], Object.keys(d)); delete d[1]; delete d[9]; console.log(d[1], Object.keys(d));`,
  "a field chosen by a key typed as its names": `class Range { low = 0; high = 10; set(which: "low" | "high", value: number) { this[which] = value; } } const r = new Range(); r.set("high", 3); r.set("low", -1); console.log(r.low, r.high);`,
  "destructuring properties named by numbers": `const o = { 1: "a", "my-key": 2, 2.5: "x" }; const { 1: one, "my-key": mk, 2.5: frac } = o; let z: string; ({ 1: z } = o); class C { 1 = "c"; } const { 1: c1 } = new C(); console.log(one, mk, frac, z, c1);`,
  "number keys of a value typed any": `const a: any = { x: 1, 2: 3 }; a.x += 1; a[2] += 1; a.y ??= 5; a[3] = 4; delete a[2]; console.log(a, a[3], 3 in a);`,
});
