import { describeCases } from "../../harness/cases.js";

describeCases("a static field or method replacing a base class's static accessor", {
  "the base's static methods read and write the derived class's field": `class Foo { static _foo = "baz"; static get foo(): string { return "get:" + this._foo; } static set foo(v: string) { this._foo = v; } static describe() { return this.foo; } static bump() { this.foo = this.foo + "!"; } } class Bar extends Foo { static foo = "own"; } class Baz extends Bar {} const before = Bar._foo; Bar.foo = "bar"; console.log(before + Bar._foo, Bar.foo, Foo.foo, Bar.describe(), Baz.describe(), Foo.describe()); Baz.bump(); console.log(Baz.foo, Bar.foo, Foo._foo, Baz.describe());`,
  "a variable typed as the base class reaches the derived field": `class Unit { static get symbol(): string { return "?"; } static label(n: number) { return n + this.symbol; } } class Volt extends Unit { static symbol = "V"; } function show(u: typeof Unit) { return u.symbol + " " + u.label(3); } console.log(show(Volt), Unit.label(1));`,
  "a static method replacing a getter returning a function": `class Gauge { static get read(): () => number { return () => 1; } static twice() { return this.read() * 2; } } class Fixed extends Gauge { static read() { return 21; } } console.log(Gauge.twice(), Fixed.twice(), Fixed.read());`,
  "a field replacing a setter only: defined, not set through the setter": `class A { static log: string[] = []; static set v(x: number) { this.log.push("set " + x); } } class B extends A { static v = 2; } B.v = 5; console.log(A.log.length, B.v);`,
});
