import { describe, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { expectToMatchJsResult } from "../../harness/differential.js";

/**
 * Gaps found by writing everyday programs as a new user would (issue #16's list of constructs)
 * and running them on Node and on MicroPython.
 */
describeCases("everyday programs: constructors, enums, for…in", {
  "a parameter property with a default": `class Box { constructor(public items: number[] = [], private label = "box", readonly size?: number) {} describe() { return this.label + ":" + this.items.length + ":" + (this.size ?? "?"); } } console.log(new Box().describe(), new Box([1, 2], "b", 3).describe());`,
  "a default whose later one reads it": `class C { y: number; constructor(public x: number[] = [], public z = x.length + 1) { this.y = this.z * 2; } } const c = new C(); console.log(c.x.length, c.y, c.z, new C([1, 2]).z);`,
  "fields before defaults, parameter properties after": `class A { y = (console.log("field"), 1); constructor(public x: number = (console.log("default"), 2)) { console.log("body", this.x, this.y); } } new A(); new A(5);`,
  "a default with statements of its own runs at each call": `let calls = 0; function f(n: number = (calls++, 10)) { return n; } console.log(calls, f(), f(1), f(), calls);`,
  "a destructured parameter's default runs at each call": `let made = 0; function g({ a, b }: { a: number; b: number } = (made++, { a: 1, b: 2 })) { return a + b; } console.log(made, g(), g({ a: 5, b: 5 }), made);`,
  "reverse mapping by a number constant and by a member": `enum Level { Debug, Info = 5, Warn, Fatal } const lv: Level = Level.Warn; console.log(Level[lv], Level[0], Level[6], Level[Level.Fatal]);`,
  "an enum read by a cast name that names no member is undefined": `enum Op { Push = 1, Pop } const parse = (s: string): Op | undefined => Op[(s[0].toUpperCase() + s.slice(1)) as keyof typeof Op]; for (const w of ["push", "pop", "peek"]) { const op = parse(w); console.log(w, op, op === undefined ? "unknown" : Op[op]); } enum Dir { Up = "UP" } console.log(Dir["Left" as keyof typeof Dir] ?? "none");`,
  "an enum read by a member's name": `enum Level { Debug, Info = 5 } function parse(s: string) { return Level[s as keyof typeof Level]; } console.log(parse("Info"), parse("Debug")); enum Dir { Up = "UP", Down = "DOWN" } const d = "Down" as keyof typeof Dir; console.log(Dir[d]);`,
  "reverse mapping of an enum merged with a namespace": `enum Role { Guest, Member, Admin = 10 } namespace Role { export function parse(s: string): Role { return s === "admin" ? Role.Admin : s === "member" ? Role.Member : Role.Guest; } export const DEFAULT = Role.Member; } class User { constructor(public role: Role = Role.DEFAULT) {} } const users = [new User(), new User(Role.parse("admin")), new User(Role.parse("x"))]; console.log(users.map((u) => Role[u.role]), Role[10], Role["Admin"], Role[Role.parse("member")]); function nameOf(name: "Guest" | "Admin") { return Role[name]; } console.log(nameOf("Admin"));`,
  "an enum member named Error": `enum Outcome { Ok, Error } console.log(Object.values(Outcome), Outcome[Outcome.Error], Outcome.Error);`,
  "for…in over an array reads each index": `const arr = ["a", "b", "c"]; for (const k in arr) console.log(k, typeof k, arr[k]); const out = [...arr]; for (const i in arr) out[i] = arr[i].toUpperCase(); console.log(out);`,
  "a loop left early closes its generator": `function* count(): Generator<number> { try { let i = 0; while (true) yield i++; } finally { console.log("closed"); } } const g = count(); for (const v of g) { if (v > 2) break; console.log(v); } const r = g.next(); console.log(r.done, r.value === undefined); for (const v of count()) { console.log("once", v); break; } function firstOver(n: number) { for (const v of count()) if (v > n) return v; return -1; } console.log(firstOver(1));`,
  "a throw out of the loop closes the generator, a finished loop leaves it done": `function* two(): Generator<number> { try { yield 1; yield 2; } finally { console.log("cleanup"); } } try { for (const v of two()) throw new Error("at " + v); } catch (e) { console.log((e as Error).message); } const g = two(); for (const v of g) console.log(v); console.log(g.next().done);`,
  "for…in over a string": `const word: any = "hey"; for (const k in word) console.log(k, word[k]);`,
});

describe("everyday programs: Promise combinators", () => {
  it("allSettled results and any's AggregateError", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function work(n: number): Promise<number> { await asyncio.sleep_ms(n); if (n > 5) throw new Error("big " + n); return n * 2; }
async function main() {
  const settled = await Promise.allSettled([work(2), work(9), Promise.reject(new Error("no")), Promise.resolve(3)]);
  for (const s of settled) {
    if (s.status === "fulfilled") console.log("ok", s.value);
    else console.log("err", (s.reason as Error).message);
  }
  try {
    await Promise.any([work(7), Promise.reject(new Error("b"))]);
  } catch (e) {
    if (e instanceof AggregateError) console.log("aggregate", e.errors.length, e.message, (e.errors[0] as Error).message);
  }
  console.log("any", await Promise.any([work(8), work(1)]));
}
asyncio.run(main());
`));
});

describe("everyday programs: modules", () => {
  it("an imported name exported again under another name", () =>
    expectToMatchJsResult({
      "main.ts": `import { enlarge, Circle } from "./geometry"; console.log(enlarge(4), new Circle(2).area());`,
      "geometry.ts": `import Shape, { scale as grow } from "./shapes"; export class Circle extends Shape { constructor(public r: number) { super("circle"); } override area() { return grow(this.r, this.r); } } export { grow as enlarge };`,
      "shapes.ts": `export default class Shape { constructor(public readonly name: string) {} area(): number { return 0; } } export function scale(n: number, by = 2) { return n * by; }`,
    }));
  it("export * re-exports names starting with an underscore, and not the default", () =>
    expectToMatchJsResult({
      "main.ts": `import { _hidden, bump, total } from "./barrel"; import * as barrel from "./barrel"; bump(); console.log(_hidden, total(), "default" in barrel);`,
      "barrel.ts": `export * from "./lib";`,
      "lib.ts": `export const _hidden = 7; let count = 0; export function bump() { count++; } export function total() { return count; } export default { kind: "config" };`,
    }));
});
