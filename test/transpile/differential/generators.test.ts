import { describe, expect, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";
import { createTranspiler } from "../../../src/transpile/index.js";

const show = `function show(r: IteratorResult<unknown, unknown>) { return r.done ? "done:" + String(r.value) : "value:" + String(r.value); }`;

describe("generators", () => {
  it("next() gives value/done, sends values in and ends with the return value", () =>
    expectToMatchJsResult(`${show}
function* counter(limit: number) {
  for (let i = 0; i < limit; i++) {
    const reply: number | undefined = yield i;
    if (reply !== undefined) console.log("reply", reply);
  }
  return "end";
}
const g = counter(2);
console.log(show(g.next(99)), show(g.next(5)), show(g.next()), show(g.next()), show(g.next()));
console.log(JSON.stringify(counter(1).next()));
`));
  it("for…of, spread, Array.from and destructuring of a generator", () =>
    expectToMatchJsResult(`
function* squares(n: number) { for (let i = 1; i <= n; i++) yield i * i; }
for (const s of squares(3)) console.log("s", s);
console.log([...squares(4)], Array.from(squares(2)), [0, ...squares(2), 100]);
function* forever() { let n = 0; while (true) yield n++; }
const [first, , third] = forever();
const [head, ...rest] = squares(3);
console.log(first, third, head, rest);
`));
  it("yield* delegates to generators, arrays and strings and gives the return value", () =>
    expectToMatchJsResult(`
function* inner(): Generator<string, string, string | undefined> { const got = yield "a"; console.log("inner got", got); return "inner done"; }
function* outer() { const result = yield* inner(); console.log("result", result); yield* [1, 2]; yield* "xy"; }
const o = outer();
console.log(o.next().value, o.next("hello").value, [...o]);
`));
  it("generator methods, static ones and function expressions", () =>
    expectToMatchJsResult(`
class Grid {
  constructor(readonly w: number, readonly h: number) {}
  *cells() { for (let y = 0; y < this.h; y++) for (let x = 0; x < this.w; x++) yield \`\${x},\${y}\`; }
  static *corners() { yield "nw"; yield "se"; }
}
const evens = function* (limit: number) { for (let i = 0; i <= limit; i += 2) yield i; };
console.log([...new Grid(2, 2).cells()].join(" "), [...Grid.corners()], [...evens(6)]);
`));
  it("return() and throw() end a generator early, running its finally blocks", () =>
    expectToMatchJsResult(`${show}
function* guarded(): Generator<number, number, undefined> {
  try { yield 1; yield 2; } finally { console.log("cleanup"); }
  return 0;
}
const a = guarded();
console.log(show(a.next()), show(a.return(7)), show(a.next()));
const b = guarded();
b.next();
try { b.throw(new Error("stop")); } catch (e) { console.log("caught", (e as Error).message); }
console.log(show(b.next()));
function* recovering() { while (true) { try { yield "working"; } catch (e) { yield "recovered from " + (e as Error).message; } } }
const c = recovering();
c.next();
console.log(show(c.throw(new Error("glitch"))), show(c.next()));
`));
  it("a generator that never yields still returns a generator", () =>
    expectToMatchJsResult(`${show}
function* nothing(): Generator<number, string> { return "empty"; }
function* silent(): Generator<number> { console.log("ran"); }
console.log(show(nothing().next()), [...silent()].length);
`));
  it("next() on a Map or Set iterator gives { value, done } and sees later sets", () =>
    expectToMatchJsResult(`const m = new Map([["k", 1]]);
const keys = m.keys();
console.log(keys.next());
m.set("l", 2);
console.log(keys.next(), keys.next().done);
const s = new Set([1]).values();
console.log(s.next(), s.next().done);
`));
  it("async generators are rejected, saying MicroPython has none", () => {
    const result = createTranspiler({ sourceMaps: false }).transpileSource(
      `async function* ticks() { yield 1; }\nasync function main() { for await (const t of ticks()) console.log(t); }\nmain();`,
    );
    const codes = result.diagnostics.filter((d) => d.code.startsWith("TSMP")).map((d) => [d.code, d.line]);
    expect(codes).toEqual([
      ["TSMP1021", 1],
      ["TSMP1021", 2],
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      "Async generators (async function*) and for await…of are not supported: MicroPython has no async generators. Return an array from an async function, or pass values through an asyncio queue or a callback.",
    );
  });
});
