import { describeCases } from "../../harness/cases.js";

describeCases("x.constructor of a class instance", {
  "constructor.name of declared classes and subclasses": `class Shape {} class Circle extends Shape {} const s: Shape = new Circle(); console.log(new Shape().constructor.name, s.constructor.name, [new Circle(), new Shape()].map((x) => x.constructor.name).join());`,
  "constructor.name of class expressions": `const list = class {}; const Named = class Inner {}; const holder = { Kind: class {} }; function make() { return class extends list {}; } const Made = make(); console.log(new list().constructor.name, new Named().constructor.name, new holder.Kind().constructor.name, JSON.stringify(new Made().constructor.name));`,
  "constructor compared and called": `class A { constructor(public n = 1) {} } class B extends A {} const b: A = new B(5); console.log(b.constructor === B, b.constructor === A, b.constructor !== A); const copy = new (b.constructor as typeof A)(7); console.log(copy instanceof B, copy.n);`,
  "this.constructor.name in a base method": `class Base { describe() { return "I am " + this.constructor.name; } } class Leaf extends Base {} console.log(new Base().describe(), new Leaf().describe());`,
  "constructor of a generic class instance": `class Box<T> { constructor(public v: T) {} } const b = new Box<number>(3); console.log(b.constructor.name, b.constructor === Box);`,
});
