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
