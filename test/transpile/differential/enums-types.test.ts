import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("enums", () => {
  it("numeric enum", () =>
    expectToMatchJsResult(`enum Dir { Up, Down, Left = 10, Right } console.log(Dir.Up, Dir.Down, Dir.Left, Dir.Right);`));
  it("string enum", () =>
    expectToMatchJsResult(`enum Mode { On = "on", Off = "off" } const m: Mode = Mode.On; console.log(m, m === Mode.On);`));
  it("enum in a switch-like if chain", () =>
    expectToMatchJsResult(
      `enum S { A, B } function name(s: S) { if (s === S.A) return "A"; return "B"; } console.log(name(S.A), name(S.B));`,
    ));
  it("const enum", () => expectToMatchJsResult(`const enum K { X = 3 } console.log(K.X * 2);`));
});

describe("erased types", () => {
  it("type aliases and interfaces vanish", () =>
    expectToMatchJsResult(`type Id = number; interface Thing { id: Id } const t: Thing = { id: 4 }; console.log(t.id);`));
  it("generic function", () =>
    expectToMatchJsResult(`function first<T>(xs: T[]): T { return xs[0]; } console.log(first([7, 8]), first(["a"]));`));
  it("type assertions and non-null", () =>
    expectToMatchJsResult(`const v: unknown = 5; const n = v as number; const m: number | undefined = 3; console.log(n + m!);`));
  it("satisfies", () => expectToMatchJsResult(`const c = { port: 80 } satisfies { port: number }; console.log(c.port);`));
});

describe("names", () => {
  it("Python keywords as identifiers", () =>
    expectToMatchJsResult(
      `const def = 1, pass = 2, lambda = 3, is = 4, not = 5, None = 6; console.log(def + pass + lambda + is + not + None);`,
    ));
  it("Python builtins as identifiers", () =>
    expectToMatchJsResult(
      `const len = 3; const list = [len]; const str = "s"; function print(x: number) { return x * 2; } console.log(print(len), list.length, str);`,
    ));
  it("parameter named like a builtin", () =>
    expectToMatchJsResult(`function f(type: string, id: number) { return type + id; } console.log(f("t", 1));`));
  it("class named like a builtin", () => expectToMatchJsResult(`class str { v = 1 } console.log(new str().v);`));
  it("self as a variable in a method", () =>
    expectToMatchJsResult(`class A { v = 2; m() { const self = 3; return this.v + self; } } console.log(new A().m());`));
});

describe("enum member names", () => {
  it("a computed string name, names Python cannot spell, and members referring to them", () =>
    expectToMatchJsResult(`
enum Key { ["Start"], "Same" = Start, After = Same, "with space" = 5, "class" = 7, "a-b" = "dash" }
const dyn: any = Key;
console.log(Key.Start, Key.Same, Key.After, Key["with space"], Key[5], Key.class, Key["a-b"], dyn["with space"]);
console.log(Object.keys(Key), Object.values(Key), Key);
`));
});
