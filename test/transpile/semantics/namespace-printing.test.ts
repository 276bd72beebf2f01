import { describe, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { expectToMatchEsModules } from "../../harness/differential.js";

// A namespace prints as Node prints it: its functions and classes listed, an enum inside it as
// JavaScript's enum object, nested namespaces as objects.
describeCases("console.log of namespaces and enums", {
  "a namespace with functions, classes, an enum and a nested namespace": `namespace Geometry {
  export const origin = { x: 0, y: 0 };
  export function distance(a: number, b: number) { return Math.hypot(a, b); }
  export class Point { constructor(public x: number) {} }
  export let count = 3;
  export namespace Units { export const metre = "m"; export enum Scale { Small, Large = 10 } }
  const hidden = 1;
  export const shown = hidden;
}
console.log(Geometry);
console.log(Geometry.Units, Geometry.Units.Scale, Geometry.Units.Scale.Large, Geometry.Units.Scale[10]);
console.log({ units: Geometry.Units }, [Geometry.Units.Scale]);
console.log(Object.keys(Geometry), JSON.stringify(Geometry.Units));`,
  "enums printed alone, in objects and arrays": `enum Color { Red, Green = 5, Blue }
enum Direction { Up = "UP", Down = "DOWN" }
enum Mixed { One = 1, Text = "t" }
console.log(Color, Direction, Mixed);
console.log({ color: Color, both: [Direction, Mixed] });
namespace Holder { export enum Only { A = "a" } }
console.log(Holder, Holder.Only, String(Holder.Only.A));`,
  "dotted namespaces merged with a later declaration": `namespace Outer.Middle.Inner { export const deep = 1; export function leaf() { return 2; } }
namespace Outer { export const top = 0; }
console.log(Outer);
console.log(Outer.Middle, Outer.Middle.Inner.leaf());`,
});

describe("a module namespace object holding an enum and a namespace", () => {
  it("prints them as Node does", () =>
    expectToMatchEsModules({
      "main.ts": `import * as shapes from "./shapes";
import { Kind, Registry } from "./shapes";
console.log(shapes);
console.log(Kind, Registry, Registry.Level);`,
      "shapes.ts": `export enum Kind { Circle, Square }
export const sides = 4;
export function area(side: number) { return side * side; }
export namespace Registry { export enum Level { Low = "low" } export const size = 2; }`,
    }));
});
