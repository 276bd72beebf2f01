import { describe, it } from "vitest";
import { expectToMatchNodeEventLoop } from "../../harness/differential.js";

/**
 * An async call kept where it may be awaited more than once (passed to a function, put in an
 * object, assigned, returned from a plain function) is started at the call as a promise: a
 * MicroPython coroutine awaited a second time gives None, where a promise gives its value again.
 */
describe("async calls kept to be awaited again", () => {
  it("a memoized call in a Map, awaited twice and by Promise.all", () =>
    expectToMatchNodeEventLoop(`
async function main() {
  const memo = new Map<number, Promise<number>>();
  const square = (n: number) => {
    if (!memo.has(n)) memo.set(n, (async () => { console.log("computing", n); await null; return n * n; })());
    return memo.get(n)!;
  };
  const a = square(3);
  const b = square(3);
  console.log(a === b, await a, await b);
  console.log(await Promise.all([square(5), square(5)]));
}
main().then(() => console.log("done"));
`));

  it("passed on, put in an object, assigned, returned from a plain function", () =>
    expectToMatchNodeEventLoop(`
async function sq(n: number): Promise<number> { console.log("sq", n); await null; return n * n; }
function keep(p: Promise<number>): Promise<number> { return p; }
const direct = (n: number) => sq(n);
function viaReturn(n: number) { return sq(n); }
class Cache { p: Promise<number> | undefined; fill() { this.p = sq(9); } }
async function main() {
  const k = keep(sq(2));
  console.log("after keep");
  console.log(await k, await k);
  const o = { p: sq(7) };
  console.log(await o.p, await o.p);
  const d = direct(10);
  console.log(await d, await d);
  const r = viaReturn(11);
  console.log(await r, await r);
  const c = new Cache();
  c.fill();
  console.log(await c.p, await c.p);
  let x: Promise<number>;
  x = sq(12);
  console.log(await x, await x);
  console.log(await Promise.all([keep(sq(13)), k]), await sq(14));
}
main().then(() => console.log("done"));
`));

  it("a kept call that throws rejects every await", () =>
    expectToMatchNodeEventLoop(`
async function fail(n: number): Promise<number> { await null; throw new Error("bad " + n); }
const tries: Promise<number>[] = [];
function remember(p: Promise<number>) { tries.push(p); return p; }
async function main() {
  remember(fail(1)).catch(() => {});
  for (let i = 0; i < 2; i++) {
    try { await tries[0]; } catch (e) { console.log("caught", (e as Error).message); }
  }
}
main();
`));
});
