import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("standard (ECMAScript) decorators", () => {
  it("class and method decorators: evaluation top to bottom, application bottom to top, replacement, initializers", () =>
    expectToMatchJsResult(`
const order: string[] = [];
const initialised: unknown[] = [];
function tag(label: string) {
  order.push("evaluate " + label);
  return <T extends new (...args: any[]) => {}>(Base: T, context: ClassDecoratorContext) => {
    order.push("apply " + label + " to " + String(context.name) + " (" + context.kind + ")");
    context.addInitializer(function (this: unknown) { order.push("initialised " + label); initialised.push(this); });
    return class extends Base { label = label; };
  };
}
function logged(method: (x: number) => number, context: ClassMethodDecoratorContext) {
  order.push("method " + String(context.name) + " " + context.kind + " " + context.static + " " + context.private);
  return (x: number) => method(x) + 1;
}
function bound(method: Function, context: ClassMethodDecoratorContext) {
  return function (this: Tagged, suffix: string) { return "[" + this.name + suffix + "]"; };
}
@tag("outer")
@tag("inner")
class Tagged {
  constructor(readonly name: string) {}
  @logged double(x: number) { return x * 2; }
  @logged static triple(x: number) { return x * 3; }
  @bound show(suffix: string) { return "no"; }
}
const t = new Tagged("t");
console.log(order.join("; "));
console.log(t.double(5), Tagged.triple(2), t.show("!"), (t as any).label, t instanceof Tagged);
console.log(initialised.map((each) => each === Tagged));
`));
  it("a decorator returning nothing keeps the class or method; several on one method chain", () =>
    expectToMatchJsResult(`
const seen: string[] = [];
function note(value: unknown, context: ClassDecoratorContext) { seen.push(context.kind + ":" + String(context.name)); }
function mark(value: unknown, context: ClassMethodDecoratorContext) { seen.push(context.kind + ":" + String(context.name)); }
function plus(n: number) {
  return (method: (x: number) => number, _context: ClassMethodDecoratorContext) => (x: number) => method(x) + n;
}
function times(n: number) {
  return (method: (x: number) => number, _context: ClassMethodDecoratorContext) => (x: number) => method(x) * n;
}
@note
export class Counter {
  @plus(1) @times(10) step(x: number) { return x; }
  @mark total() { return 7; }
}
console.log(seen, new Counter().step(2), new Counter().total(), Counter.name);
`));
  it("decorated classes in a namespace, in a function, exported by default; a method named like a Python keyword", () =>
    expectToMatchJsResult({
      "main.ts": `
import Made from "./made";
function wrap<T extends new (...args: any[]) => {}>(Base: T, _context: ClassDecoratorContext) {
  return class extends Base { wrapped = true; };
}
function loud(method: () => string, context: ClassMethodDecoratorContext) { return () => method().toUpperCase() + String(context.name); }
namespace Shapes {
  @wrap export class Square { side = 2; @loud def() { return "sq"; } }
}
function local() {
  @wrap class Inner { @loud name() { return "inner"; } }
  return new Inner();
}
const s = new Shapes.Square();
console.log((s as any).wrapped, s.side, s.def(), local().name(), (local() as any).wrapped, new Made().kind);
`,
      "made.ts": `
let seen = "";
function named(_value: unknown, context: ClassDecoratorContext) { seen = String(context.name); }
@named export default class Made { kind = "made " + seen; }
`,
    }));
  it("field decorators: initializers chain per instance, fields without a value start undefined, order among methods", () =>
    expectToMatchJsResult(`
const order: string[] = [];
function doubled(_value: undefined, context: ClassFieldDecoratorContext) {
  order.push("field " + String(context.name) + " " + context.kind + " " + context.static);
  return (initial: number) => initial * 2;
}
function plusOne(_value: undefined, _context: ClassFieldDecoratorContext) {
  order.push("plusOne");
  return (initial: number) => initial + 1;
}
function owner(_value: undefined, _context: ClassFieldDecoratorContext) {
  return function (this: Box, initial: string | undefined) { return (initial ?? "none") + " of " + this.id; };
}
function method(_value: unknown, context: ClassMethodDecoratorContext) { order.push("method " + String(context.name)); }
class Box {
  id = 7;
  @doubled @plusOne size = 10;
  @method area() { return 1; }
  @owner label?: string;
  @owner title = "box";
  @doubled count = this.size;
}
const a = new Box();
const b = new Box();
console.log(order.join("; "));
console.log(a.size, a.label, a.title, a.count, b.size, JSON.stringify({ size: a.size, count: b.count }));
`));
  it("getter and setter decorators replace the accessor's functions; reads and writes go through them", () =>
    expectToMatchJsResult(`
const seen: string[] = [];
function plusTen(getter: () => number, context: ClassGetterDecoratorContext) {
  seen.push(context.kind + " " + String(context.name) + " " + context.static);
  return () => getter() + 10;
}
function clamped(setter: (value: number) => void, context: ClassSetterDecoratorContext) {
  seen.push(context.kind + " " + String(context.name));
  return function (this: Gauge, value: number) { this.raw = Math.min(value, 100); };
}
function described(getter: () => string, _context: ClassGetterDecoratorContext) {
  return function (this: Gauge) { return "gauge at " + this.raw; };
}
class Gauge {
  raw = 1;
  @plusTen get level() { return 5; }
  @clamped set value(v: number) { this.raw = v; }
  get value() { return this.raw; }
  @described get text() { return ""; }
}
function twice(_getter: () => number, _context: ClassGetterDecoratorContext) {
  return function (this: Counter) { return this.n * 2; };
}
class Counter {
  n = 3;
  @twice get size() { return this.n; }
}
const g = new Gauge();
g.value = 250;
const viaAny: any = g;
console.log(seen.join("; "), g.level, g.value, g.text, viaAny.level, new Counter().size);
`));
  it("a decorator calls the method or setter it replaces with call and apply", () =>
    expectToMatchJsResult(`
function plusOne(setter: (v: number) => void, context: ClassSetterDecoratorContext) {
  return function (this: Meter, v: number) { setter.call(this, v + 1); };
}
function twice(method: (x: number) => number, context: ClassMethodDecoratorContext) {
  return function (this: Meter, x: number) { return method.apply(this, [method.call(this, x)]); };
}
class Meter {
  value = 0;
  scale = 3;
  @plusOne set reading(v: number) { this.value = v; }
  @twice times(x: number) { return x * this.scale; }
}
const m = new Meter();
m.reading = 4;
console.log(m.value, m.times(2));
`));
});
