import { describe, expect, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { createTranspiler } from "../../../src/transpile/index.js";

/**
 * Programs that built and then printed something other than JavaScript, or raised on
 * MicroPython where JavaScript ran on (found by running TypeScriptToLua's unit tests through
 * tsmp; these cases are our own).
 */
describeCases("exact output: Math rounding of NaN and Infinity", {
  "floor, ceil, trunc and round keep NaN and Infinity": `const n = NaN; const inf = 1 / 0; console.log(Math.floor(n), Math.ceil(inf), Math.trunc(-inf), Math.round(n), Math.floor(-inf));`,
  "rounding of finite values is unchanged": `const x = 2.7; console.log(Math.floor(x), Math.ceil(-x), Math.trunc(-x), Math.round(-2.5), Math.floor(7), Math.ceil(x) + 1);`,
  "a rounded NaN in text, JSON and bitwise operators": `const n = 0 / 0; const scores = [n, 3.5]; console.log("v=" + Math.floor(n), scores.map((s) => Math.ceil(s)), Math.floor(n) | 0, JSON.stringify({ f: Math.trunc(n) }));`,
});

describeCases("exact output: names Python reserves", {
  "a method named __init__ does not replace the constructor": `class Box { constructor(public size: number) {} __init__(): number { return this.size * 2; } } const b = new Box(4); console.log(b.size, b.__init__());`,
  "methods named like Python operators stay ordinary": `class P { constructor(public v: number) {} __eq__(other: P): boolean { return true; } __len__(): number { return 0; } __str__(): string { return "P"; } } const p = new P(1); const q = new P(1); console.log(p === q, p.__eq__(q), p.__len__(), p.__str__(), "" + p.v);`,
  "dunder-named properties keep their names": `const o = { __proto_like__: 1, __init__: 2, __init___: 3, x: 4 }; console.log(Object.keys(o), JSON.stringify(o), o.__init__ + o.__init___); const r: Record<string, number> = o; const k = "__init__"; console.log(r[k]);`,
});

describeCases("exact output: lone surrogates", {
  "charCodeAt of a lone surrogate": `const high = "\\uD800"; const low = "a\\uDFFFb"; console.log(high.charCodeAt(0), high.length, low.charCodeAt(1), low.length);`,
  "lone surrogates compare and concatenate": `const s = "\\uD83D"; console.log(s === "\\uD83D", (s + "x").length, s.charCodeAt(0).toString(16));`,
});

describeCases("exact output: console.log with a text known at run time", {
  "directives in a variable are substituted": `const template = "%s has %d items (%i%%)"; console.log(template, "cart", "3", 42.9);`,
  "every directive": `const f: string = "%s|%d|%i|%f|%j|%o|%O|%c|%%|%x"; console.log(f, 1.5, "7", "12px", " 2.5e1", { a: [1] }, [1], { b: "x" }, "color: red", "left", false);`,
  "directives with fewer values stay as written": `const f = "%d and %s and %j"; console.log(f, 1);`,
  "values left over print as usual": `const f = "sum %d"; console.log(f, 3, "txt", [1, "a"], { k: 2 }, null, true, 2.5);`,
  "no directives: printed as usual": `const label: string = "total"; console.log(label, 5, "five", [5]); const pct: string = "50%"; console.log(pct, 1);`,
  "each value is evaluated once, in order": `let n = 0; const next = () => { n += 1; return n; }; const f = "%d then %d"; console.log(f, next(), next(), next());`,
  "a template literal first argument": `const unit = "%s"; console.log(\`speed \${unit}/s\`, 12, "m");`,
  "a first argument of type any": `const values: any[] = ["%d!", 4, 7]; console.log(values[0], values[1]); console.log(values[1], values[0]);`,
  "objects and non-numbers under %d, %i and %f": `const f = "%d %i %f %d %d %s"; console.log(f, {}, [1], "abc", [7], [], [1, 2]);`,
});

describeCases("exact output: functions declaring this, passed around", {
  "a method declaring this, called through a plain function type": `class Greeter { greet(this: any, name: string): string { return "hi " + name; } } const g = new Greeter(); const f: (name: string) => string = g.greet; console.log(f("ann"), g.greet("bob"));`,
  "a static method declaring this": `class Util { static twice(this: any, n: number): number { return n * 2; } } const t: (n: number) => number = Util.twice; console.log(t(4), Util.twice(5));`,
  "a function declaring this stored under a type without this": `const table: { run: (s: string) => string } = { run: function (this: any, s: string) { return s + "!"; } }; console.log(table.run("go"));`,
  "a function declaring this passed as a callback": `function apply(fn: (this: void, x: number) => number, x: number): number { return fn(x); } function inc(this: void, x: number): number { return x + 1; } console.log(apply(inc, 1), [1, 2].map((v) => apply(inc, v)));`,
  "a function declaring this, returned and called": `function make(): (this: any, s: string) => string { return function (this: any, s: string) { return s.toUpperCase(); }; } const up = make(); console.log(up("abc"));`,
  "call, apply and bind still pass this": `interface Acc { total: number } function add(this: Acc, n: number): number { this.total += n; return this.total; } const acc: Acc = { total: 1 }; const addTo = add.bind(acc); console.log(add.call(acc, 2), add.apply(acc, [3]), addTo(4), acc.total);`,
});

describeCases("exact output: enums as objects", {
  "for…in over an enum gives its members and reverse mappings": `enum Level { Low = 1, High = 5, Mid = 3 } const seen: string[] = []; for (const key in Level) seen.push(key); console.log(seen.join(" "));`,
  "an enum read dynamically": `enum Dir { Up, Down } const table = Dir as any; console.log(table["Up"], table[1], table["0"], JSON.stringify(Dir));`,
  "an enum passed as an object": `enum Flavor { Sweet = "s", Sour = "o" } function names(o: object): string { return Object.keys(o).join(","); } console.log(names(Flavor), Object.values(Flavor as object).length);`,
  "variables of an enum type stay values": `enum Color { Red, Green } let c: Color = Color.Green; const all: Color[] = [c, Color.Red]; console.log(c, all, Color[c], JSON.stringify({ c }));`,
});

describeCases("exact output: typeof", {
  "typeof null is object": `const none = null; let text: string | null = null; let later: number | undefined; console.log(typeof none, typeof text, typeof later, typeof null);`,
  "typeof a class is function": `class Widget {} function make() { return new Widget(); } console.log(typeof Widget, typeof make, typeof make(), typeof [Widget]);`,
});

describeCases("exact output: Map and Set keys compare as SameValueZero", {
  "true and 1, false and 0 are different keys": `const m = new Map<unknown, string>(); m.set(1, "one").set(true, "yes").set(0, "zero").set(false, "no"); console.log(m.size, m.get(true), m.get(1), m.get(false), m.get(0), [...m.keys()]);`,
  "arrays are keys by identity": `const a = [1, 2]; const m = new Map<number[], string>([[a, "a"]]); m.set([1, 2], "copy"); console.log(m.size, m.get(a), m.get([1, 2]), m.has(a)); m.delete(a); console.log(m.size, m);`,
  "NaN is one key": `const m = new Map<number, string>(); m.set(NaN, "x"); m.set(0 / 0, "y"); const s = new Set([NaN, 0 / 0, 1]); console.log(m.size, m.get(NaN), s.size, s.has(NaN), [...s]);`,
  "Set of booleans, numbers and arrays": `const row = [0]; const s = new Set<unknown>([1, true, 1, row, row, [0], "1"]); console.log(s.size, s.has(true), s.has(row), s.has([0]), [...s]); s.delete(true); console.log(s.size, s);`,
  "records and objects as keys": `const r: Record<string, number> = { a: 1 }; const o = { b: 2 }; const m = new Map<object, number>([[r, 1], [o, 2]]); m.forEach((v, k) => console.log(v, JSON.stringify(k))); for (const [k, v] of m) console.log(Object.keys(k), v);`,
});

describeCases("exact output: integer-like keys come first", {
  "object literal keys": `const o = { b: 1, 2: "two", a: 3, 1: "one", "01": "x", 10: "ten" }; console.log(Object.keys(o), JSON.stringify(o)); console.log(o);`,
  "keys added to a record later": `const r: Record<string, number> = { z: 1 }; r["5"] = 5; r["3"] = 3; r.y = 2; console.log(Object.keys(r), Object.values(r), JSON.stringify(Object.entries(r))); for (const k in r) console.log(k);`,
  "JSON.parse objects": `const p = JSON.parse('{"b":1,"7":2,"a":3,"4294967295":4,"-1":5}'); console.log(Object.keys(p), JSON.stringify(p));`,
});

describe("exact output: what cannot be kept is rejected", () => {
  const transpiler = createTranspiler({ sourceMaps: false });
  const codesOf = (source: string) => transpiler.transpileSource(source).diagnostics.map(({ code, message }) => ({ code, message }));

  it("TSMP1030 a property on a function tsmp did not make a JsFunction", () => {
    expect(codesOf(`function one(): number { return 1; }\nconst f = Object.assign(one, { label: "one" });\nconsole.log(f.label);`)).toEqual(
      [
        {
          code: "TSMP1030",
          message:
            "Properties on functions ('f.label') are not supported: MicroPython functions cannot hold attributes. Keep the value in an object or a class instead.",
        },
      ],
    );
  });

  it("library members of functions stay available", () => {
    expect(
      codesOf(`function add(a: number, b: number) { return a + b; }\nconsole.log(add.call(null, 1, 2), add.apply(null, [3, 4]));`),
    ).toEqual([]);
  });
});
