import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";

const transpiler = createTranspiler({ sourceMaps: false });

function diagnosticsOf(source: string) {
  return transpiler.transpileSource(source).diagnostics.filter((diagnostic) => diagnostic.code.startsWith("TSMP"));
}

describe("library functions used as values", () => {
  it("TSMP1144 a method read off a string, an array or a Map (JavaScript calls it without this)", () => {
    const source = `const s = "abc";\nconst up = s.toUpperCase;\nconst out: number[] = [];\nconst m = new Map<string, number>();\nconst get = m.get;\nconsole.log(up, get, out.push);`;
    expect(diagnosticsOf(source).map(({ code, line, column, message }) => [code, line, column, message])).toEqual([
      [
        "TSMP1144",
        2,
        12,
        "`s.toUpperCase` used as a value (not called) loses its object: JavaScript calls String.prototype.toUpperCase taken off its object without a `this`, which throws a TypeError. Wrap it in an arrow: () => s.toUpperCase().",
      ],
      [
        "TSMP1144",
        5,
        13,
        "`m.get` used as a value (not called) loses its object: JavaScript calls Map.prototype.get taken off its object without a `this`, which throws a TypeError. Wrap it in an arrow: (x) => m.get(x).",
      ],
      [
        "TSMP1144",
        6,
        22,
        "`out.push` used as a value (not called) loses its object: JavaScript calls Array.prototype.push taken off its object without a `this`, which throws a TypeError. Wrap it in an arrow: (x) => out.push(x).",
      ],
    ]);
  });
  it("TSMP1144 a function whose mapping needs to see its arguments (JSON.stringify where a replacer may come)", () => {
    const [stringify] = diagnosticsOf(`const show = JSON.stringify;\nconsole.log(show(1));`);
    expect([stringify!.code, stringify!.line, stringify!.column, stringify!.message]).toEqual([
      "TSMP1144",
      1,
      14,
      "JSON.stringify used as a value (not called) is not supported: tsmp maps it where it is called with its arguments written out. Wrap it in an arrow: (x) => JSON.stringify(x).",
    ]);
  });
  it("TSMP1144 names the arrow to write with the function's required parameters", () => {
    const [define] = diagnosticsOf(`const define = Object.defineProperty;\nconsole.log(define);`);
    expect(define!.message).toBe(
      "Object.defineProperty used as a value (not called) is not supported: tsmp maps it where it is called with its arguments written out. Wrap it in an arrow: (a, b, c) => Object.defineProperty(a, b, c).",
    );
  });
  it("TSMP1144 a function taking a callback that may be undefined (Array.from's mapfn), also through a type assertion", () => {
    const found = diagnosticsOf(`const from = Array.from;\nconsole.log(["ab"].map(Array.from as (s: string) => string[]), from("x"));`);
    expect(found.map(({ code, line, column }) => [code, line, column])).toEqual([
      ["TSMP1144", 1, 14],
      ["TSMP1144", 2, 24],
    ]);
    expect(found[0]!.message).toBe(
      "Array.from used as a value (not called) is not supported: tsmp maps it where it is called with its arguments written out. Wrap it in an arrow: (x) => Array.from(x).",
    );
  });
  it("TSMP1144 a library method bound to its object whose mapping needs statements (push)", () => {
    const [push] = diagnosticsOf(`const out: number[] = [];\nconst add = out.push.bind(out);\nadd(1);`);
    expect([push!.code, push!.line, push!.column, push!.message]).toEqual([
      "TSMP1144",
      2,
      13,
      "out.push.bind(out) used as a value (not called) is not supported: tsmp maps out.push where it is called with its arguments written out. Wrap it in an arrow: (x) => out.push(x).",
    ]);
  });
  it("no diagnostic for Math, Number, JSON and global functions as values", () => {
    const source = `const xs = [-1.5, 2];\nconst f = Math.round;\nconst j: (v: unknown) => string = JSON.stringify;\nconsole.log(xs.map(Math.abs), ["1"].map(parseFloat), f(2.5), j(1), [1, 2].forEach(console.log), { m: Math.max, n: Number.isNaN, log: console.log });`;
    expect(diagnosticsOf(source)).toEqual([]);
  });
});
