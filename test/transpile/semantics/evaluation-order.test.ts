import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";
import { describeCases } from "../../harness/cases.js";

// JavaScript evaluates an assignment's target (receiver, then key) before its value, and
// each part once; Python's `o[k] = v` evaluates `v` first.
const trace = `const seen: string[] = []; function at<T>(tag: string, v: T): T { seen.push(tag); return v; }`;

describeCases("evaluation order", {
  "element target before value": `${trace} const a = [0, 0]; a[at("key", 1)] = at("value", 5); console.log(seen.join(), a);`,
  "receiver call before value": `${trace} const o = { x: 0 }; at("receiver", o).x = at("value", 2); console.log(seen.join(), o);`,
  "value reads what the target's call changed": `let n = 0; const o = { x: 0 }; function get() { n += 1; return o; } get().x = n; console.log(o.x);`,
  "index assigned by the value": `const a = [0, 0, 0]; let i = 0; a[i] = i++; a[i] = (i = 2); console.log(a, i);`,
  "assignment used as a value runs once": `${trace} const a = [0, 0, 0]; const v = (a[at("key", 2)] = at("value", 7)); console.log(seen.join(), a, v);`,
  "record key before value": `${trace} const r: Record<string, number> = {}; r[at("key", "k")] = at("value", 1); console.log(seen.join(), r);`,
  "compound target parts once": `${trace} const a = [1, 2]; a[at("key", 1)] += at("value", 3); console.log(seen.join(), a);`,
  "logical assignment target once": `let calls = 0; const o: { p: number | undefined; q: number; r: number } = { p: undefined, q: 0, r: 1 }; function get() { calls += 1; return o; } get().p ??= 4; get().q ||= 5; get().r &&= 6; console.log(calls, o);`,
  "logical assignment of a record key once": `let calls = 0; const r: Record<string, number> = {}; function get() { calls += 1; return r; } get()["k"] ??= 1; get()["k"] ??= 2; console.log(calls, r);`,
  "compound assignment used as a value after the value changed the index": `let i = 0; const a = [9, 8]; const r = (a[i] += i++); console.log(r, a, i);`,
  "element receiver before an index that assigns": `let s = "A"; function g(x: string): Record<string, string> { s += "G"; return { [x]: "old", [x + "GH"]: "new" }; } const r = g(s += "F")[s += "H"]; console.log(r, s);`,
  "array receiver read before an index that reassigns it": `let a = [1, 2]; const v = a[((a = [7, 8]), 0)]; let t = 1; function h(n: number) { t *= 10; return [n, t]; } const u = h(t += 1)[t += 2]; console.log(v, a, u, t);`,
  "compound assignment reads its target before a value that needs statements": `class Box { n = 1; s = "a"; f = 1.5; } const o = new Box(); o.n += o.n++ * 2; const p = new Box(); const v = (p.n += p.n++ * 10); const q = new Box(); q.s += q.s + (q.n++ > 0 ? "x" : "y") + q.n++; const r = new Box(); r.f *= r.f++ + 1; console.log(o.n, v, p.n, q.s, q.n, r.f);`,
  "compound assignment of an element and a shift read the target first": `${trace} class Box { n = 1; } const boxes = [new Box(), new Box()]; boxes[at("index", 0)].n -= boxes[0].n++ - 5; const t = new Box(); t.n <<= t.n++; const u = new Box(); u.n %= (u.n++, 3) + u.n; console.log(seen.join(), boxes[0].n, t.n, u.n);`,
  "object literal keys and values in order": `let i = "A"; const o = { [i += "B"]: i += "C", [i += "D"]: i += "E" }; console.log(i, o);`,
  "switch case test before a shared default": `let y = 0; function next() { return y++; } const x = 5 as number; switch (x) { case next(): default: console.log("default"); } console.log(y);`,
  "switch function declared in a later case": `const x = 1 as number; let r = ""; switch (x) { case 1: r = later(); break; case 2: function later() { return "hoisted"; } break; } console.log(r);`,
  "switch case test calls a function declared below": `const x = 1 as number; switch (x) { case one(): console.log("one"); break; default: function one() { return 1; } } `,
});

// The differential harness runs Node on CommonJS, which does not hoist imports; ES modules
// (what tsmp compiles) do, so the emitted order is checked here.
describe("module evaluation order", () => {
  it("an import written below the code that uses it runs first", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileFiles({
      "main.ts": `const doubled = twice(21);\nconsole.log(doubled);\nimport { twice } from "./util";`,
      "util.ts": `export function twice(n: number) { return n * 2; }`,
    });
    expect(result.diagnostics).toEqual([]);
    const main = result.files.find((file) => file.path === "main.py")!.text;
    expect(main.indexOf("from util import twice")).toBeLessThan(main.indexOf("doubled = twice(21)"));
  });
});
