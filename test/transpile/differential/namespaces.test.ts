import { describe, expect, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";
import { createTranspiler } from "../../../src/transpile/index.js";

describe("namespaces", () => {
  it("exported functions, constants and classes, read inside and outside", () =>
    expectToMatchJsResult(`
namespace Units {
  export const scale = 1000;
  const hidden = "not exported";
  export function toMilli(value: number) { return value * scale; }
  export class Reading { constructor(readonly mv: number) {} label() { return hidden.length + ":" + toMilli(this.mv); } }
}
console.log(Units.scale, Units.toMilli(2), new Units.Reading(3).label());
console.log(Object.keys(Units), JSON.stringify(Units));
`));
  it("an exported let written inside the namespace and outside it", () =>
    expectToMatchJsResult(`
namespace Counter {
  export let count = 0;
  export function bump() { count += 1; return count; }
}
Counter.bump(); Counter.bump();
Counter.count += 10;
console.log(Counter.count, Counter.bump());
`));
  it("a local variable of the body assigned by its functions", () =>
    expectToMatchJsResult(`
let log = "";
namespace Ticker {
  let ticks = 0;
  export function tick() { ticks++; log += "t"; return ticks; }
}
Ticker.tick(); Ticker.tick();
console.log(Ticker.tick(), log);
`));
  it("merged namespaces see each other's exports", () =>
    expectToMatchJsResult(`
namespace Shapes { export class Base { area() { return 0; } } export const unit = 2; }
namespace Shapes { export class Square extends Base { constructor(readonly side: number) { super(); } area() { return this.side * this.side * unit; } } }
console.log(new Shapes.Square(3).area(), new Shapes.Base().area());
`));
  it("nested and dotted namespaces, merged too", () =>
    expectToMatchJsResult(`
namespace Outer { export const name = "outer"; export namespace Inner { export const full = name + ".inner"; } }
namespace Outer.Inner { export const more = full + "!"; }
namespace A.B.C { export const deep = 42; }
console.log(Outer.Inner.full, Outer.Inner.more, A.B.C.deep, JSON.stringify(A));
`));
  it("a namespace merged with a class or an enum adds static members", () =>
    expectToMatchJsResult(`
class Point { constructor(readonly x: number, readonly y: number) {} }
namespace Point { export const origin = new Point(0, 0); export function of(x: number) { return new Point(x, x); } }
enum Color { Red, Green }
namespace Color { export function label(c: Color) { return c === Color.Red ? "red" : "green"; } }
console.log(Point.origin.x, Point.of(4).y, Color.label(Color.Green));
`));
  it("function declarations in the body are hoisted, as JS does", () =>
    expectToMatchJsResult(`
namespace Early { export const value = compute(); function compute() { return 7; } }
console.log(Early.value);
`));
  it("a type-only namespace emits nothing", () =>
    expectToMatchJsResult(`
namespace Types { export interface P { x: number } export type N = number; }
const p: Types.P = { x: 1 }; const n: Types.N = 2;
console.log(p.x + n);
`));
  it("a namespace merged with a function is rejected with its reason", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileSource(
      `function greet() { return "hi"; }\nnamespace greet { export const loud = "HI"; }\nconsole.log(greet(), greet.loud);`,
    );
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "TSMP1020",
        2,
        "A namespace merged with a function is not supported: MicroPython functions cannot hold properties. Use a separate namespace or a class with static members.",
      ],
      // Reading the merged member is a property on a function, reported where it is read.
      [
        "TSMP1030",
        3,
        "Properties on functions ('greet.loud') are not supported: MicroPython functions cannot hold attributes. Keep the value in an object or a class instead.",
      ],
    ]);
  });
});
