import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";

/** Constructs that stay rejected say what they are and what to write instead. */
function tsmpDiagnostics(source: string): { code: string; line: number | undefined; message: string }[] {
  const result = createTranspiler({ sourceMaps: false }).transpileSource(source);
  return result.diagnostics.filter((d) => d.code.startsWith("TSMP")).map(({ code, line, message }) => ({ code, line, message }));
}

describe("rejection messages", () => {
  it("names an array hole and says to write undefined", () => {
    expect(tsmpDiagnostics(`const a = [1, , 3];\nconsole.log(a.length);`)).toEqual([
      {
        code: "TSMP1001",
        line: 1,
        message:
          "Array holes (`[1, , 3]`) are not supported: a MicroPython list has no holes. Write undefined in the gap, or build the array with push or fill.",
      },
    ]);
  });
  it("names numeric getters and setters, plain and computed (numbered fields and methods compile)", () => {
    const found = tsmpDiagnostics(
      `class A {\n  get 1() { return "x"; }\n  set [2](v: number) {}\n  3 = 3;\n}\nconsole.log(String(new A()));`,
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["TSMP1011", 2],
      ["TSMP1011", 3],
    ]);
    expect(found[1]!.message).toBe(
      "Numeric names on getters, setters and decorated members (`[2]`) are not supported: tsmp names their Python functions after the member, which a number cannot name. Give the member a name (fields and methods may be numbered).",
    );
  });
  it("names a symbol used as a property key, and a library symbol other than Symbol.iterator", () => {
    const found = tsmpDiagnostics(
      `const k: symbol = Symbol("k");\nconst o = { [k]: 1 };\nconsole.log(k in o, Symbol.hasInstance, JSON.stringify(o));`,
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["TSMP1101", 2],
      ["TSMP1101", 3],
      ["TSMP1101", 3],
    ]);
    expect(found[0]!.message).toBe(
      "`k`: a symbol as a property key is not supported: tsmp keys the properties of objects and classes by strings, so Object.keys and JSON.stringify would list it. Key a Map by the symbol, or use a string constant as the key.",
    );
    expect(found[2]!.message).toBe(
      "`Symbol.hasInstance`: tsmp supports symbols made by Symbol(…) and Symbol.for(…), and Symbol.iterator as a method's name, not the library's other symbols or Symbol itself as a value.",
    );
  });
  it("names every place a key may be a symbol: element access, in, library key parameters, K extends PropertyKey", () => {
    const found = tsmpDiagnostics(
      `const k: symbol = Symbol();\nconst o: any = {};\no[k] = 1;\nconst { [k]: v } = o;\nconsole.log(({ a: 1 }).hasOwnProperty(k), v);\nfunction put<K extends PropertyKey>(r: Record<K, number>, key: K) { return r[key]; }\nfunction get<T, K extends keyof T>(r: T, key: K) { return r[key]; }\nconsole.log(put({ a: 1 }, "a"), get({ a: 1 }, "a"));`,
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["TSMP1101", 3],
      ["TSMP1101", 4],
      ["TSMP1101", 5],
      ["TSMP1101", 6],
    ]);
  });
  it("names a using declaration in a for head, and an await using declaration, and says what to write", () => {
    expect(
      tsmpDiagnostics(
        `class R { [Symbol.dispose]() {} }\nfor (using r of [new R()]) console.log(r);\nasync function f() {\n  await using a = new R();\n}\nf();`,
      ),
    ).toEqual([
      {
        code: "TSMP1001",
        line: 2,
        message:
          "`using` declarations in a `for` head are not supported by tsmp yet: declare the value in the loop's body ({ using r = …; … }), which disposes of it at the end of each pass.",
      },
      {
        code: "TSMP1001",
        line: 4,
        message:
          "`await using` declarations are not supported by tsmp yet: declare the value with const and await its [Symbol.asyncDispose]() in a finally block.",
      },
    ]);
  });
  it("names a class method taken off its object, and one an interface declares given another this", () => {
    const found = tsmpDiagnostics(
      `interface Named { name(): string }\nclass A implements Named { n = "a"; name() { return this.n; } }\nconst a = new A();\nconst f = a.name;\nconst i: Named = a;\nconsole.log(f(), i.name.call(a));`,
    );
    expect(found).toEqual([
      {
        code: "TSMP1142",
        line: 4,
        message:
          "'a.name' takes a class method that reads 'this' off its object without calling it: JavaScript gives such a method the object it is later called on (undefined in a plain call), while tsmp's Python method stays bound to this object. Call it where it is read, bind it to its object (o.m.bind(o)), or wrap it in an arrow function.",
      },
      {
        code: "TSMP1141",
        line: 6,
        message:
          "`i.name.call`: call and apply of a method read off its object are not supported where the build cannot follow which one it is (a static method, one an interface or a type literal declares, a class method reading `this` held in a variable): its Python value is a method bound to its object or class, which cannot be given another `this`. Call it on its object (o.m(…)), or name the class's method where you call it (a.m.call(b)).",
      },
    ]);
  });
  it("names an object literal's accessor it cannot give a class, and says which literals take them", () => {
    const found = tsmpDiagnostics(
      `const k = "dyn";\nconst r: Record<string, number> = {\n  get a() { return 1; },\n};\nconst o = {\n  [k]: 1,\n  get "b-c"() { return 2; },\n};\nconsole.log(r, o);`,
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["TSMP1113", 3],
      ["TSMP1113", 7],
    ]);
    expect(found[1]!.message).toBe(
      "`get \"b-c\"`: getters and setters in object literals are only supported under a plain name Python can spell, in a literal with no spread or computed key that is not a record, and not reading 'super'. Use a class, or give the accessor a literal of its own.",
    );
  });
  it("rejects an iterator with return(), which a for…of left early would not call", () => {
    const found = tsmpDiagnostics(
      `class Once {\n  [Symbol.iterator]() { return this; }\n  next() { return { value: 1, done: false }; }\n  return() { return { value: 0, done: true }; }\n}\nfor (const x of new Once()) break;`,
    );
    expect(found).toEqual([
      {
        code: "TSMP1011",
        line: 2,
        message:
          "An iterator with a return() method is not supported: JavaScript calls it when a for…of loop ends early, which a Python loop cannot tell it. Drop return() and release what it held after the loop, or write the iterator as a generator (function*).",
      },
    ]);
  });
  it("keeps a computed-key pattern whose default needs statements first rejected, saying what to write", () => {
    const found = tsmpDiagnostics(
      `let s = "A";\nconst o: Record<string, string> = {};\nfunction g(x: string) { s = x; return o; }\nconst { [s + "B"]: r = g(s += "C")[s += "D"] } = o;\nconsole.log(r, s);`,
    );
    expect(found).toEqual([
      {
        code: "TSMP1001",
        line: 4,
        message:
          '`[s + "B"]: r = g(s += "C")[s += "D"]`: a pattern with computed keys is only supported where its defaults and targets are plain (names, properties of names, calls without assignments inside): tsmp could not keep JavaScript\'s order here. Read the value into a variable first, then take the properties one by one.',
      },
    ]);
  });
  it("says a class with static fields cannot be printed, and prints one without", () => {
    expect(tsmpDiagnostics(`class S {\n  static count = 0;\n}\nclass K {}\nconsole.log(K, S);`)).toEqual([
      {
        code: "TSMP1104",
        line: 5,
        message:
          "console.log of the class S is not supported: Node lists its static fields after `[class S]` in declaration order, which MicroPython does not keep. Log the fields, or S.name.",
      },
    ]);
  });
});
