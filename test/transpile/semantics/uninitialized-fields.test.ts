import { describeCases } from "../../harness/cases.js";

// A field declared without an initializer exists, undefined, as JavaScript (ES2022 class fields) defines it.
describeCases("class fields without an initializer", {
  "an optional field reads undefined": `class A { x?: number; } const a = new A(); console.log(a.x, a.x === undefined, a.x ?? 5);`,
  "an optional field is in the object": `class A { x?: number; y = 1; } const a = new A(); console.log("x" in a, "z" in a, JSON.stringify(a as unknown as object));`,
  "set later": `class A { label?: string; } const a = new A(); a.label = "on"; console.log(a.label, "label" in a);`,
  "a subclass without a constructor": `class Base { constructor(public n: number) {} } class D extends Base { extra?: string; } const d = new D(3); console.log(d.n, d.extra, "extra" in d);`,
  "a field assigned by the constructor": `class A { x: number; y?: string; constructor(v: number) { this.x = v; if (v > 1) this.y = "big"; } } const a = new A(1); const b = new A(2); console.log(a.x, a.y, b.y);`,
  "a field read by the constructor before it is set": `class A { x?: number; seen: string; constructor() { this.seen = String(this.x); this.x = 2; } } console.log(new A().seen, new A().x);`,
  "a static field": `class A { static count?: number; } console.log(A.count, A.count === undefined);`,
  "a field declared again with declare keeps the base's value": `class Base { x: number = 1; } class D extends Base { declare x: number; } console.log(new D().x, "x" in new D());`,
  "abstract fields are not defined": `abstract class S { abstract n: number; describe() { return "n=" + this.n; } } class T extends S { n = 4; } console.log(new T().describe());`,
});
