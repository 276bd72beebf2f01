import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("class expressions", () => {
  it("a class expression bound to a const, with fields, methods, statics and accessors", () =>
    expectToMatchJsResult(`
const Counter = class {
  static made = 0;
  count = 0;
  constructor(readonly step: number) { Counter.made++; }
  bump() { this.count += this.step; return this; }
  get doubled() { return this.count * 2; }
  static create() { return new this(5); }
};
const c = new Counter(2).bump().bump();
console.log(c.count, c.doubled, Counter.create().bump().count, Counter.made);
`));
  it("a mixin: a function returning a class that extends its argument", () =>
    expectToMatchJsResult(`
class Base { describe() { return "base"; } }
function Named<T extends new (...args: any[]) => Base>(Super: T, label: string) {
  return class extends Super { describe() { return label + " on " + super.describe(); } };
}
const Labelled = Named(Base, "tag");
const Twice = Named(Labelled, "outer");
console.log(new Labelled().describe(), new Twice().describe(), new Twice() instanceof Base);
`));
  it("a named class expression refers to itself; classes made in a loop keep their iteration's values", () =>
    expectToMatchJsResult(`
const Node = class TreeNode { constructor(readonly depth: number) {} child() { return new TreeNode(this.depth + 1); } };
console.log(new Node(0).child().child().depth);
const makers: (new () => { id(): number })[] = [];
for (let i = 0; i < 3; i++) makers.push(class { id() { return i * 10; } });
console.log(makers.map((Maker) => new Maker().id()));
const registry = { Thing: class { hello() { return "hi"; } } };
console.log(new registry.Thing().hello());
`));
});
