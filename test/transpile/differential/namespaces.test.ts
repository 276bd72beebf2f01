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
  it("a namespace merged with a function adds properties to it (a JsFunction)", () =>
    expectToMatchJsResult(`
function greet(name: string) { greet.calls++; return greet.prefix + name; }
namespace greet { export let calls = 0; export const prefix = "hi "; export function loud(name: string) { return greet(name).toUpperCase(); } }
namespace greet { export const twice = prefix + prefix; }
console.log(greet("a"), greet.loud("b"), greet.calls, greet.twice, typeof greet, greet.name);
`));
  it("a namespace merged with an async function is rejected with its reason", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileSource(
      `async function greet() { return "hi"; }\nnamespace greet { export const loud = "HI"; }\nconsole.log(greet.loud);`,
    );
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "TSMP1020",
        2,
        "A namespace merged with a function is not supported: MicroPython functions cannot hold properties. Use a separate namespace or a class with static members.",
      ],
    ]);
  });
});

describe("import aliases (import R = NS.member)", () => {
  it("a function, a nested namespace, a class, an enum and an enum member, copied where declared", () =>
    expectToMatchJsResult(`
namespace Geo {
  export namespace Units { export let scale = 10; export function km(n: number) { return n * scale; } }
  export class Point { static count = 0; static get made() { return Point.count; } constructor(readonly x = 1) { Point.count++; } }
  export enum Dir { Up = 1, Down = "down" }
}
import km = Geo.Units.km;
import U = Geo.Units;
import P = Geo.Point;
import D = Geo.Dir;
import up = Geo.Dir.Up;
import scaleThen = Geo.Units.scale;
Geo.Units.scale = 3;
class Labelled extends P { label() { return "p" + this.x; } }
console.log(km(2), U.km(1), U.scale, scaleThen, up, D.Down, D[1], JSON.stringify(D));
console.log(new P(5).x, new Labelled(7).label(), P.made, new P() instanceof Geo.Point);
`));
  it("exported from a namespace: read and written through its object, merged bodies too", () =>
    expectToMatchJsResult(`
namespace Source { export function twice(n: number) { return n * 2; } export const base = 5; }
namespace Tools { export import double = Source.twice; import b = Source.base; export function run() { return double(b); } }
namespace Tools { export function again() { return double(1); } }
console.log(Tools.run(), Tools.again(), Tools.double(4), Object.keys(Tools));
Tools.double = (n: number) => n * 100;
console.log(Tools.run(), Tools.again());
`));
  it("an alias of an alias, and ones used only as types", () =>
    expectToMatchJsResult(`
namespace Outer { export namespace Inner { export const deep = "deep"; export interface Shape { side: number } } }
import In = Outer.Inner;
import deep = In.deep;
import Shape = Outer.Inner.Shape;
import unusedType = In;
const s: Shape = { side: 2 };
const t: unusedType.Shape = s;
console.log(deep, s.side + t.side);
`));
  it("exported from a module and imported by name elsewhere", () =>
    expectToMatchJsResult({
      "main.ts": `import { area, Shapes } from "./shapes"; import Poly = Shapes.Poly; console.log(area(3), new Poly().sides);`,
      "shapes.ts": `export namespace Shapes { export function square(n: number) { return n * n; } export class Poly { sides = 4; } }\nexport import area = Shapes.square;`,
    }));
  it("TSMP1211 an alias through a module namespace (import * as M)", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileFiles({
      "main.ts": `import * as shapes from "./shapes";\nimport S = shapes.Shapes;\nconsole.log(S.n);`,
      "shapes.ts": `export namespace Shapes { export const n = 1; }`,
    });
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "TSMP1211",
        2,
        "An import alias through the module namespace 'shapes' (import * as shapes) is not supported: read shapes.x where you need it, or import the member by name (import { x } from …).",
      ],
    ]);
  });
});
