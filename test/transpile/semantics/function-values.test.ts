import { describeCases } from "../../harness/cases.js";

describeCases("function values: name and length", {
  "length counts the parameters before a default or a rest, without this": `function none() {} function three(a: number, b: string, c?: boolean) {} function withDefault(a: number, b = 2, c?: number) {} function rest(a: number, ...more: number[]) {} function onlyThis(this: void) {} function thisFirst(this: void, x: number, y: number) {}
console.log(none.length, three.length, withDefault.length, rest.length, onlyThis.length, thisFirst.length);`,
  "length of arrows, function expressions and overloads": `const add = (x: number, y: number) => x + y; const one = function (x: number) { return x; }; function over(a: string): string; function over(a: number, b: number): number; function over(a: any, b?: any): any { return a; }
console.log(add.length, one.length, over.length, ((a: number, b: number, c: number) => a).length, (() => 0).length);`,
  "name of functions and arrows": `function named() {} const arrow = () => 1; const expr = function () {}; const inner = function own() {}; const alias = arrow;
console.log(named.name, arrow.name, expr.name, inner.name, alias.name, JSON.stringify((() => 1).name));`,
  "name and length of classes": `class Point { constructor(public x: number, y = 0) {} } class Empty {} class Child extends Point {} const Anonymous = class {}; const Own = class Inner {}; const Again = Anonymous;
console.log(Point.name, Point.length, Empty.name, Empty.length, Child.name, Child.length, Anonymous.name, Own.name, Again.name, JSON.stringify((class {}).name));`,
});
