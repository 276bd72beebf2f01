import { describeCases } from "../../harness/cases.js";

describeCases("symbols", {
  "unique by identity, with or without the same description": `const a: symbol = Symbol("a"); const b: symbol = Symbol("a"); const c = a; console.log(a === b, a === c, a !== b, Symbol() === Symbol());`,
  "description: a string, converted, or undefined": `console.log(Symbol("x").description, Symbol().description, Symbol(undefined).description, Symbol(12 as unknown as string).description, Symbol(null as unknown as string).description);`,
  "toString and String()": `const s = Symbol("tag"); console.log(s.toString(), String(s), Symbol().toString(), String(Symbol(undefined)));`,
  "typeof, also of a value typed unknown": `const s = Symbol("t"); const u: unknown = s; console.log(typeof s, typeof u, typeof u === "symbol" ? "sym" : "other");`,
  "printed by console.log, alone and inside values": `const s = Symbol("p"); console.log(s, [s, Symbol()], { key: s }, new Map([[s, 1]]), new Set([s]));`,
  "left out by JSON.stringify, null in arrays": `const s = Symbol("j"); console.log(JSON.stringify({ a: 1, s, b: 2 }), JSON.stringify([1, s]), JSON.stringify(s));`,
  "Symbol.for shares one symbol per key, keyFor finds its key": `const a: symbol = Symbol.for("app"); const b: symbol = Symbol.for("app"); const local: symbol = Symbol("app"); console.log(a === b, a === local, Symbol.keyFor(a), Symbol.keyFor(local), Symbol.for("app").description, Symbol.keyFor(Symbol.for(String(undefined))));`,
  "as Map keys and Set members": `const red = Symbol("red"); const blue = Symbol("red"); const m = new Map<symbol, number>(); m.set(red, 1).set(blue, 2).set(red, 3); const s = new Set([red, red, blue]); console.log(m.get(red), m.get(blue), m.size, s.size, s.has(blue), [...m.values()]);`,
  "truthy, compared, passed and returned": `function pick(flag: boolean, a: symbol, b: symbol) { return flag ? a : b; } const x = Symbol("x"), y = Symbol("y"); console.log(pick(true, x, y) === x, !x, x ? "yes" : "no", [x, y].indexOf(y), [x, y].includes(x));`,
  "an implicit conversion to a string throws, as in JavaScript": `const s: any = Symbol("t"); try { console.log("" + s); } catch (e) { console.log((e as Error).message); } try { console.log(\`<\${s}>\`); } catch (e) { console.log((e as Error).message); } try { console.log([s].join()); } catch (e) { console.log(e instanceof TypeError); }`,
  "a union of string and symbol": `function label(v: string | symbol) { return typeof v === "symbol" ? String(v) + "!" : v; } console.log(label("plain"), label(Symbol("s")));`,
});
