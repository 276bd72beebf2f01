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

describeCases("function values: call, apply and bind through an optional chain", {
  "a function that may be undefined keeps its own type": `function pair(this: unknown, arg: unknown) { return [this, arg]; } function pick(n: number) { return n > 0 ? pair : undefined; } const some = pick(1); const none = pick(0);
console.log(JSON.stringify(some?.call(1, 2)), JSON.stringify(some?.apply("t", [3])), none?.call(1, 2), none?.apply(1, [2]), JSON.stringify(some?.bind(5)(6)));`,
  "an arrow ignores the this argument": `const double = (x: number) => x * 2; const maybe = [double, undefined][0]; console.log(maybe?.call(99, 4), maybe?.apply(undefined, [5]), double.call(null, 1), maybe?.bind(7)(8));`,
});

describeCases("function values: call, apply and bind of a const whose type forgot the function", {
  "a function declaring this, typed without it": `const greet: (...args: any) => any = function (this: { name: string }, greeting: string, end: string) { return greeting + " " + this.name + end; }; const who = { name: "Ada" };
console.log(greet.call(who, "hi", "!"), greet.apply(who, ["yo", "?"]), greet.bind(who, "hey")("."));`,
  "typed Function": `const plus: Function = function (this: number, x: number) { return this + x; }; console.log(plus.call(2, 3), plus.apply(10, [5]), plus.bind(1)(1));`,
  "an arrow and a plain function ignore the this argument": `const twice: (x: number) => number = (x) => x * 2; const inc = function (x: number) { return x + 1; }; const f: Function = inc;
console.log(twice.call(9, 3), twice.apply(null, [4]), twice.bind(7, 5)(), f.call(0, 1), f.apply(0, [2]));`,
});
