import { describeCases } from "../../harness/cases.js";

// Values TypeScript types as a string (number, boolean) that are undefined when they run: a
// record's missing key, an element past the end, and what holds one. Printed or turned into
// text they read "undefined", as on Node, not None; concatenated they do not raise.
describeCases("undefined typed as a string, turned into text", {
  "a let holding a record's missing key": `const r: Record<string, string> = { a: "A" }; let v = r["b"]; console.log(v); console.log("v=" + v, \`t=\${v}\`, String(v)); v = r["a"]; console.log("v=" + v);`,
  "a parameter some call passes a missing key": `const r: Record<string, string> = {}; function show(label: string, x: string) { console.log(label + "=" + x, x); } show("q", r["q"]); show("k", "fine");`,
  "array destructuring past the end": `const [cmd, arg, extra] = "led on".split(" "); console.log("cmd=" + cmd + " arg=" + arg + " extra=" + extra, \`\${extra}\`, extra);`,
  "a function returning an element past the end": `const parts = "x,y".split(","); function field(i: number): string { return parts[i]; } console.log("f=" + field(5), field(0), \`[\${field(2)}]\`);`,
  "a field assigned a missing key": `class Settings { host: string; constructor(src: Record<string, string>) { this.host = src["host"]; } url() { return "http://" + this.host + "/"; } } console.log(new Settings({}).url(), new Settings({ host: "h" }).url());`,
  "numbers and booleans from a record": `const nums: Record<string, number> = { a: 1.5 }; const flags: Record<string, boolean> = {}; const n = nums["z"]; console.log("n=" + n, \`\${n}\`, n, "a=" + nums["a"], "f=" + flags["x"], String(flags["y"]));`,
  "appending a missing key": `const r: Record<string, string> = {}; const parts = ["p"]; let s = ""; s += r["zz"]; s += parts[3]; s += "|" + parts[0]; console.log(s, s.length);`,
  "object destructuring of a record": `const r: Record<string, string> = { host: "h" }; const { host, port } = r; console.log(host + ":" + port);`,
  "a default or ?? replaces undefined": `const r: Record<string, string> = {}; const [a = "d"] = "".split(",").slice(1); let w = r["a"] ?? "dflt"; console.log("a=" + a, "w=" + w);`,
  "a parameter's default takes the place of a missing key": `function g(s: string, t = "d") { return s + "/" + t; } function f(a = 1) { return a; } const r: Record<string, string> = {}; const arr: number[] = []; console.log(g("a", r["x"]), g(r["y"]), f(arr[3]), f(arr.length));`,
  "an enum's name of a value naming no member": `enum Perm { None = 0, Read = 1, Write = 2, Exec = 4 } const p: Perm = Perm.Read | Perm.Exec; console.log(Perm[p], "name:" + Perm[p], \`[\${Perm[p]}]\`, String(Perm[p]), Perm[p] ?? "?"); function nameOf(v: Perm): string { return Perm[v]; } console.log(nameOf(3 as Perm), nameOf(Perm.Write) + "!", [1, 5].map((v) => Perm[v as Perm])); const w = Perm.Write; console.log(Perm[w] + Perm[Perm.Read] + Perm[4]);`,
  "a join of mapped JSON.stringify results and of missing keys": `const xs: unknown[] = [1, undefined, "a", null, () => 1, { b: 2 }]; console.log(xs.map((x) => JSON.stringify(x)).join(" ")); console.log(xs.map(function (x) { if (x === 1) return "one"; return JSON.stringify(x); }).join("|")); const rec: Record<string, string> = { a: "A" }; console.log(["a", "b"].map((k) => rec[k]).join(","), [rec["a"], rec["z"], "c"].join("-"), ["p", "q"].map((s) => s.toUpperCase()).join("+"));`,
});
