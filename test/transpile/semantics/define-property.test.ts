import { describe, expect, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { rejectionOf } from "../../harness/differential.js";

describeCases("Object.defineProperty", {
  "value of an existing property": `const lamp = { watts: 40, on: false }; Object.defineProperty(lamp, "watts", { value: 60 }); lamp.watts += 1; console.log(lamp.watts, JSON.stringify(lamp));`,
  "new property, every flag true": `const cfg: { port?: number; name: string } = { name: "a" }; const r = Object.defineProperty(cfg, "port", { value: 80, writable: true, enumerable: true, configurable: true }); cfg.port = 81; console.log(r === cfg, Object.keys(cfg), cfg.port);`,
  "enumerable false hides the key": `const o: { a: number; b: number; c?: number } = { a: 1, b: 2 }; Object.defineProperty(o, "b", { enumerable: false, writable: true, configurable: true }); Object.defineProperty(o, "c", { value: 3, writable: true, configurable: true }); console.log(Object.keys(o), JSON.stringify(o), Object.values(o), Object.getOwnPropertyNames(o), Object.hasOwn(o, "c"), o.b, o.c); for (const k in o) console.log(k);`,
  "enumerable true shows it again": `const o = { a: 1, b: 2 }; Object.defineProperty(o, "a", { enumerable: false }); Object.defineProperty(o, "a", { enumerable: true }); console.log(Object.keys(o).sort());`,
  "left-out enumerable keeps an existing property's": `const o = { a: 1 }; Object.defineProperty(o, "a", { value: 5, writable: true, configurable: true }); console.log(Object.keys(o), o.a);`,
  "a field of this in a constructor": `class Reading { declare raw: number; declare unit: string; constructor(raw: number) { Object.defineProperty(this, "raw", { value: raw, writable: true, configurable: true }); Object.defineProperty(this, "unit", { value: "C", writable: true, configurable: true, enumerable: true }); } twice() { return this.raw * 2; } } const a = new Reading(21); const b = new Reading(3); a.raw += 1; console.log(a.twice(), b.twice(), a.unit, Object.keys(a));`,
  "accessors with a value throw a TypeError": `const o: { v?: number } = {}; let seen = 0; try { Object.defineProperty(o, "v", { get: () => 1, value: (seen += 1) }); } catch (e) { console.log(e instanceof TypeError, seen, "v" in o); }`,
});

describe("Object.defineProperty that MicroPython cannot keep is rejected", () => {
  const cases: [string, string, string][] = [
    ["writable: false", `const o = { a: 1 }; Object.defineProperty(o, "a", { writable: false });`, "writable: false"],
    ["a getter", `const o: { t?: number } = {}; Object.defineProperty(o, "t", { get: () => 1 });`, "a getter or setter (get/set)"],
    [
      "flags left out for a new property",
      `const o: { t?: number } = {}; Object.defineProperty(o, "t", { value: 1 });`,
      "'writable' left out for a property that may not exist yet (it would be false)",
    ],
    [
      "an array target",
      `const a = [1, 2]; Object.defineProperty(a, "0", { value: 3, writable: true, configurable: true });`,
      "a target that is not",
    ],
    [
      "a descriptor variable",
      `const d = { value: 1 }; const o = { a: 0 }; Object.defineProperty(o, "a", d);`,
      "a descriptor that is not an object literal",
    ],
  ];
  for (const [name, source, reason] of cases) {
    it(name, () => {
      const message = rejectionOf(source);
      expect(message).toContain(`error TSMP1130: Object.defineProperty with ${reason}`);
      expect(message).toContain("use a class with a getter");
    });
  }
});

describeCases("Object.getOwnPropertyDescriptors", {
  "of an object literal, a hidden key and a reserved name included": `const o = { on: true, class: 2 }; Object.defineProperty(o, "on", {}); Object.defineProperty(o, "extra", { value: [1], writable: true, configurable: true }); const d = Object.getOwnPropertyDescriptors(o); console.log(JSON.stringify(d), d.on.value, d.extra.enumerable, Object.keys(d));`,
  "of a record and of an empty literal": `const r: Record<string, number> = { b: 2, a: 1, 3: 0 }; console.log(Object.getOwnPropertyDescriptors(r), Object.getOwnPropertyDescriptors({}));`,
});

describe("Object.getOwnPropertyDescriptors of values whose properties tsmp does not model is rejected", () => {
  const cases: [string, string][] = [
    ["an array", `console.log(Object.getOwnPropertyDescriptors([1, 2]));`],
    ["a class instance", `class P { x = 1; } console.log(Object.getOwnPropertyDescriptors(new P()));`],
    ["a literal with a getter", `console.log(Object.getOwnPropertyDescriptors({ get v() { return 1; } }));`],
    ["a value typed any", `const a: any = {}; console.log(Object.getOwnPropertyDescriptors(a));`],
  ];
  for (const [name, source] of cases) {
    it(name, () => {
      expect(rejectionOf(source)).toContain(
        "error TSMP1108: Object.getOwnPropertyDescriptors of a value other than an object literal or a record is not supported with these arguments.",
      );
    });
  }
});
