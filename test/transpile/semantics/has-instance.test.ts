import { describeCases } from "../../harness/cases.js";

describeCases("Symbol.hasInstance", {
  "instanceof calls a class's static [Symbol.hasInstance]": `class Even { static [Symbol.hasInstance](value: unknown): boolean { return typeof value === "number" && value % 2 === 0; } } let calls = 0; function next(v: unknown): object { calls++; return v as object; } console.log(next(4) instanceof Even, next(3) instanceof Even, next("x") instanceof Even, calls, new Even() instanceof Even);`,
  "this in it is the class instanceof names, inherited by subclasses": `class Tagged { static tag = "sensor"; static [Symbol.hasInstance](value: unknown): boolean { return typeof value === "object" && value !== null && (value as { kind?: string }).kind === this.tag; } } class Sub extends Tagged { static override tag = "sub"; } const reading: object = { kind: "sub" }; console.log({ kind: "sensor" } instanceof Tagged, reading instanceof Tagged, reading instanceof Sub);`,
  "classes without one keep isinstance": `class Plain {} class Child extends Plain {} const values: object[] = [new Plain(), new Child(), {}]; console.log(values.map((v) => [v instanceof Plain, v instanceof Child].join("/")).join(" "));`,
});
