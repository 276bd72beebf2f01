import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";
import { describeCases } from "../../harness/cases.js";

// Object.prototype's methods called through a value typed any: tsmp's objects do not carry
// them, and `o.hasOwnProperty("x")` raised "'NoneType' object isn't callable" (issue #16).
describeCases("Object.prototype methods through any", {
  "hasOwnProperty of objects, arrays, JSON, class instances and strings": `const o: any = { x: 1, y: undefined }; const a: any = [1, 2]; const j: any = JSON.parse('{"k": 2}'); class P { q = 1; m() { return 2; } } const p: any = new P(); const s: any = "str"; let calls = 0; const key = () => { calls++; return "x"; }; console.log(o.hasOwnProperty("x"), o.hasOwnProperty("z"), o.hasOwnProperty("y"), o.hasOwnProperty(key()), calls, a.hasOwnProperty(0), a.hasOwnProperty("length"), a.hasOwnProperty("push"), a.hasOwnProperty(5), j.hasOwnProperty("k"), j.hasOwnProperty("toString"), p.hasOwnProperty("q"), p.hasOwnProperty("m"), s.hasOwnProperty("length"));`,
  "toString of objects, records and class instances": `const o: any = { x: 1 }; const r: any = JSON.parse('{"k": 2}'); class P { q = 1; } class T { toString() { return "T!"; } } const values: any[] = [o, r, new P(), new T(), [1, 2], "s", 5, true, new Map()]; for (const v of values) console.log(v.toString());`,
});

function tsmpDiagnostics(source: string): { code: string; line: number | undefined; message: string }[] {
  const result = createTranspiler({ sourceMaps: false }).transpileSource(source);
  return result.diagnostics.filter((d) => d.code.startsWith("TSMP")).map(({ code, line, message }) => ({ code, line, message }));
}

describe("Object.prototype methods tsmp does not perform through any", () => {
  it("say what to write instead", () => {
    expect(
      tsmpDiagnostics(`const o: any = { x: 1 };\nconsole.log(o.propertyIsEnumerable("x"));\nconsole.log(o.isPrototypeOf({}));`),
    ).toEqual([
      {
        code: "TSMP1120",
        line: 2,
        message:
          "propertyIsEnumerable() on 'o', a value typed any, is not supported: tsmp's objects do not inherit Object.prototype's propertyIsEnumerable. Instead, use Object.hasOwn(o, key) (tsmp's own properties are enumerable unless Object.defineProperty hid them).",
      },
      {
        code: "TSMP1120",
        line: 3,
        message:
          "isPrototypeOf() on 'o', a value typed any, is not supported: tsmp's objects do not inherit Object.prototype's isPrototypeOf. Instead, test the class with instanceof (o instanceof C).",
      },
    ]);
  });
});
