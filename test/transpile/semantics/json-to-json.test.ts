import { describeCases } from "../../harness/cases.js";

// JSON.stringify calls a value's toJSON with the key it is written under: the property's name,
// an array index as a string, "" for the value itself. What toJSON returns is written as is (its
// own toJSON is not called again); undefined leaves the property out, or is null in an array.
describeCases("JSON.stringify and toJSON(key)", {
  "the key toJSON is given, at the top, in objects and arrays": `const o = { a: 1, toJSON(key: string) { return "K[" + key + "]"; } }; console.log(JSON.stringify(o), JSON.stringify({ x: o, y: [o, o] }), JSON.stringify(o, null, 2));`,
  "class instances with toJSON(key), inherited and overridden": `class P { constructor(public n: number) {} toJSON(k: string) { return { n: this.n, k }; } } class R { toJSON(): string { return "r"; } } class S extends R { override toJSON(key?: string): string { return "s" + key; } } class T extends P {} console.log(JSON.stringify([new P(1), { p: new P(2) }]), JSON.stringify({ r: new R(), s: new S(), t: new T(3) }), JSON.stringify(new S()));`,
  "toJSON returning undefined leaves the property out": `const gone = { toJSON() { return undefined; } }; console.log(JSON.stringify({ a: 1, b: gone, c: 3 }), JSON.stringify([gone, 2]), JSON.stringify(gone) === undefined);`,
  "the result of toJSON is written, its own toJSON not called again": `const nested = { toJSON() { return { inner: { toJSON(k: string) { return k + "!"; } }, v: 2 }; } }; const twice = { toJSON() { return { toJSON() { return 1; }, v: 2 }; } }; console.log(JSON.stringify(nested), JSON.stringify(twice), JSON.stringify([twice]));`,
  "toJSON held by a property, a field, a shorthand": `function named(): string { return "fn"; } const arrowed = { a: { toJSON: () => "arrow" }, b: { toJSON }, c: { toJSON: named } }; function toJSON(): string { return "short"; } class Q { toJSON = () => "field"; } console.log(JSON.stringify(arrowed), JSON.stringify([new Q()]));`,
  "toJSON reading this, and a toJSON that is no function": `const self = { n: 4, toJSON(key: string) { return this.n + key; } }; console.log(JSON.stringify({ self }), JSON.stringify(self), JSON.stringify({ a: { toJSON: 5 } }));`,
  "an object typed by an interface declaring toJSON()": `interface Tagged { toJSON(): string } const m: Tagged = { toJSON() { return "typed"; } }; const list: Tagged[] = [m, { toJSON: () => "t2" }]; console.log(JSON.stringify(list), JSON.stringify({ m }));`,
});
