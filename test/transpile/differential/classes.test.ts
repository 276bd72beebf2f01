import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("classes", () => {
  it("fields and methods", () =>
    expectToMatchJsResult(
      `class Counter { count = 0; inc() { this.count++; return this; } } const c = new Counter(); c.inc().inc(); console.log(c.count);`,
    ));
  it("constructor parameter properties", () =>
    expectToMatchJsResult(
      `class P { constructor(public x: number, private y: number) {} sum() { return this.x + this.y; } } console.log(new P(2, 3).sum());`,
    ));
  it("inheritance and super call", () =>
    expectToMatchJsResult(
      `class A { constructor(public n: number) {} } class B extends A { m: number; constructor(n: number) { super(n * 2); this.m = this.n + 1; } } const b = new B(5); console.log(b.n, b.m);`,
    ));
  it("super method call", () =>
    expectToMatchJsResult(
      `class A { hi() { return "A"; } } class B extends A { hi() { return super.hi() + "B"; } } console.log(new B().hi());`,
    ));
  it("method override dispatch", () =>
    expectToMatchJsResult(
      `class Shape { area() { return 0; } describe() { return "area " + this.area(); } } class Sq extends Shape { constructor(private s: number) { super(); } area() { return this.s * this.s; } } console.log(new Sq(3).describe());`,
    ));
  it("field initializers run after super()", () =>
    expectToMatchJsResult(
      `class A { constructor() { console.log("A"); } } class B extends A { x = (console.log("field"), 1); constructor() { super(); console.log("B", this.x); } } new B();`,
    ));
  it("derived class without constructor passes arguments", () =>
    expectToMatchJsResult(
      `class A { constructor(public v: string) {} } class B extends A { extra = 1; } const b = new B("hi"); console.log(b.v, b.extra);`,
    ));
  it("static members", () =>
    expectToMatchJsResult(`class Id { static next = 1; static take() { return Id.next++; } } Id.take(); console.log(Id.take(), Id.next);`));
  it("static method using this", () =>
    expectToMatchJsResult(`class K { static base = 10; static plus(n: number) { return this.base + n; } } console.log(K.plus(5));`));
  it("static method reading this takes the class it is called on", () =>
    expectToMatchJsResult(
      `class K { static n = 0; static bump() { return ++this.n; } } class L extends K { static tag() { return "L" + super.bump(); } } K.bump(); L.bump(); console.log(K.n, L.n, L.tag(), K.n);`,
    ));
  it("setter without a getter, overridden, and calling the base's through super", () =>
    expectToMatchJsResult(
      `class A { log: string[] = []; set v(x: string) { this.log.push("A" + x); } } class B extends A { override set v(x: string) { super.v = x + "!"; this.log.push("B"); } } const b = new B(); b.v = "x"; const a = new A(); a.v = "y"; console.log(b.log, a.log);`,
    ));
  it("getter reading the base's getter through super", () =>
    expectToMatchJsResult(
      `class A { n = 2; get size() { return this.n; } set size(v: number) { this.n = v; } } class B extends A { override get size() { return super.size * 10; } override set size(v: number) { super.size = v + 1; } } const b = new B(); b.size = 4; b.size += 1; console.log(b.size, b.n);`,
    ));
  it("static getters and setters, inherited and overridden", () =>
    expectToMatchJsResult(
      `class C { static _n = 1; static get n() { return this._n; } static set n(v: number) { this._n = v; } } class D extends C { static override get n() { return super.n * 100; } static override set n(v: number) { super.n = v + 1; } } class E extends C {} D.n = 5; E.n = 7; E.n++; C.n += 2; console.log(C.n, D.n, E.n, C._n, D._n, E._n);`,
    ));
  it("an accessor assigning an outer variable of its own name", () =>
    expectToMatchJsResult(
      `function run() { let total = 0; class Tally { get total() { return total; } set total(v: number) { total = v * 2; } } const t = new Tally(); t.total = 4; return [t.total, total]; } console.log(run());`,
    ));
  it("instanceof", () =>
    expectToMatchJsResult(
      `class A {} class B extends A {} const b: A = new B(); console.log(b instanceof A, b instanceof B, new A() instanceof B);`,
    ));
  it("method passed as callback keeps arrow this", () =>
    expectToMatchJsResult(`class T { n = 3; run() { const f = () => this.n * 2; return f(); } } console.log(new T().run());`));
  it("object identity comparison", () =>
    expectToMatchJsResult(`class A {} const a = new A(); const b = a; console.log(a === b, a === new A(), a !== b);`));
  it("generic class", () =>
    expectToMatchJsResult(
      `class Box<T> { constructor(private v: T) {} get(): T { return this.v; } } console.log(new Box<string>("x").get(), new Box(4).get());`,
    ));
  it("interface implemented by a class", () =>
    expectToMatchJsResult(
      `interface Named { name(): string } class Cat implements Named { name() { return "cat"; } } const n: Named = new Cat(); console.log(n.name());`,
    ));
  it("abstract class", () =>
    expectToMatchJsResult(
      `abstract class A { abstract v(): number; twice() { return this.v() * 2; } } class B extends A { v() { return 21; } } console.log(new B().twice());`,
    ));
});

describe("a static member named like an instance method or accessor", () => {
  it("both kept apart, read through the class, this, super and a literal key", () =>
    expectToMatchJsResult(`
class Shape {
  static count = 0;
  count() { return "instance count"; }
  static describe() { return "static describe " + this.count; }
  describe() { return "instance describe"; }
  get label() { return "instance label"; }
  static label = "static label";
  static make() { Shape.count += 1; return new this(); }
}
class Circle extends Shape {
  static describe() { return "circle " + super.describe(); }
  describe() { return "circle " + super.describe(); }
}
const s = Shape.make();
console.log(s.count(), Shape.count, Shape.describe(), s.describe(), s.label, Shape.label, Shape["describe"]());
Circle.make();
console.log(Circle.describe(), new Circle().describe(), Circle.count, Shape.count, typeof Circle.count);
`));
  it("a static in a derived class named like a base class's instance method", () =>
    expectToMatchJsResult(`
class Base { greet() { return "hello from an instance"; } static id() { return "base id"; } }
class Derived extends Base { static greet() { return "hello from the class"; } }
console.log(new Derived().greet(), Derived.greet(), Derived.id(), new Base().greet());
`));
});
