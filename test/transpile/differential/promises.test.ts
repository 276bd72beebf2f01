import { describe, expect, it } from "vitest";
import { expectToMatchJsResult, expectToMatchNodeEventLoop } from "../../harness/differential.js";
import { createTranspiler } from "../../../src/transpile/index.js";

const transpiler = createTranspiler({ sourceMaps: false });

function promiseDiagnostics(source: string): string[] {
  return transpiler
    .transpileSource(source)
    .diagnostics.filter((diagnostic) => diagnostic.code === "TSMP1122")
    .map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`);
}

describe("promises", () => {
  it("then callbacks run after the synchronous code, chained values and errors in JavaScript's order", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
const settled = new Promise<number>((resolve, reject) => { resolve(1); reject(new Error("ignored")); });
settled.then((v) => { console.log("a", v); return v + 1; }).then((v) => console.log("b", v));
settled.then((v) => new Promise<number>((resolve) => resolve(v * 10))).then((v) => console.log("adopted", v));
settled
  .then(() => { throw new Error("broken"); })
  .then(() => console.log("skipped"))
  .catch((e: Error) => { console.log("caught", e.message); return "recovered"; })
  .finally(() => console.log("finally"))
  .then((v) => console.log("after finally", v));
Promise.reject("plain").catch((reason) => console.log("plain reason", reason));
new Promise((_, reject) => { throw new Error("in executor"); }).then(undefined, (e: Error) => console.log("executor", e.message));
Promise.resolve(2).finally(() => { throw new Error("finally throws"); }).catch((e: Error) => console.log(e.message));
console.log("sync first");
await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("Promise.all, allSettled, race and any", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
let release: (v: string) => void = () => {};
const later = new Promise<string>((resolve) => { release = resolve; });
Promise.all([Promise.resolve(1), 2, later]).then((vs) => console.log("all", JSON.stringify(vs)));
Promise.all([Promise.resolve(1), Promise.reject(new Error("one failed"))]).catch((e: Error) => console.log("all failed", e.message));
Promise.all([]).then((vs) => console.log("all of none", vs.length));
Promise.allSettled([Promise.reject("no"), 3]).then((rs) => console.log(JSON.stringify(rs)));
Promise.race([later, Promise.resolve("quick")]).then((v) => console.log("race", v));
Promise.any([Promise.reject("x"), later]).then((v) => console.log("any", v));
Promise.any([Promise.reject("x"), Promise.reject("y")]).catch((e: Error) => console.log("any failed", e.message));
release("late");
await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("async functions give promises that other code thens, and await takes a microtask", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
async function compute(n: number): Promise<number> {
  console.log("compute starts", n);
  const doubled = await Promise.resolve(n * 2);
  const same = await 7;
  console.log("compute resumes", n);
  return doubled + same;
}
async function fails(): Promise<number> {
  await null;
  throw new Error("async failure");
}
async function quick(): Promise<number> {
  return 1;
}
async function caller(): Promise<void> {
  try {
    await quick();
  } finally {
    console.log("caller resumes after a microtask");
  }
}
async function relay(): Promise<number> {
  return compute(100);
}
function viaPromise(): Promise<number> {
  return compute(5);
}
Promise.resolve().then(() => console.log("tick 1")).then(() => console.log("tick 2")).then(() => console.log("tick 3"));
caller().then(() => console.log("caller done"));
compute(1).then((v) => console.log("compute gave", v));
relay().then((v) => console.log("relay gave", v));
viaPromise().then((v) => console.log("viaPromise gave", v));
fails().catch((e: Error) => console.log("fails:", e.message));
Promise.all([compute(2), compute(3)]).then((vs) => console.log("both", vs.join(" ")));
console.log("sync done");
await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("an asyncio task awaits a promise another task settles", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
  let open: (v: string) => void = () => {};
  const gate = new Promise<string>((resolve) => { open = resolve; });
  asyncio.create_task((async () => { await asyncio.sleep_ms(10); console.log("opening"); open("now"); })());
  console.log("gate opened:", await gate, await Promise.resolve(5));
}
asyncio.run(main());
console.log("after run");
`));

  it("a task awaiting a settled promise goes on in the same step; a pending one parks it", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function worker(name: string): Promise<void> {
  console.log(name, "starts");
  const v = await Promise.resolve(name.length);
  console.log(name, "got", v);
  const w = await Promise.resolve(v).then((x) => x * 10);
  console.log(name, "then gave", w);
}
async function main(): Promise<void> {
  asyncio.create_task(worker("a"));
  asyncio.create_task(worker("bb"));
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("async calls the Promise API runs wait on asyncio in tasks of their own", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function blink(): Promise<string> {
  for (let i = 0; i < 3; i++) { console.log("blink", i); await asyncio.sleep_ms(20); }
  await Promise.resolve();
  console.log("blink awaited a promise");
  return "blinked";
}
async function read(ready: asyncio.Event): Promise<number> {
  const me = asyncio.current_task();
  await ready.wait();
  console.log("read is its own task", me === asyncio.current_task());
  console.log("read");
  return 42;
}
async function other(ready: asyncio.Event): Promise<void> {
  console.log("other task runs");
  await asyncio.sleep_ms(30);
  ready.set();
}
async function main(): Promise<void> {
  const ready = new asyncio.Event();
  asyncio.create_task(other(ready));
  const [b, r] = await Promise.all([blink(), read(ready)]);
  console.log(b, r);
  read(ready).then((v) => console.log("then", v));
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("an async call stored and used as a promise starts at the call", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
let resolveLater: (value: string) => void = () => {};
function deferredPromise(): Promise<string> {
  return new Promise((resolve) => { resolveLater = (v) => resolve(v); });
}
async function fn(name: string): Promise<string> {
  console.log(name, "starts");
  try { return await deferredPromise(); } finally { console.log(name, "finally"); }
}
async function main(): Promise<void> {
  const stored = fn("stored");
  resolveLater("ok");
  stored.then((v) => console.log("then", v));
  const awaited = fn("awaited");
  resolveLater("later");
  async function awaitIt(): Promise<string> { return await awaited; }
  const all = fn("in all");
  resolveLater("all");
  Promise.all([all, awaitIt()]).then((vs) => console.log(vs.join(" ")));
  console.log("sync end");
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("an async call stored for asyncio stays a coroutine until its task runs", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function lazy(): Promise<number> { console.log("lazy runs"); return 1; }
async function main(): Promise<void> {
  const kept = lazy();
  console.log("before the task");
  await asyncio.sleep_ms(1);
  Promise.resolve(2).then((v) => console.log("then", v));
  console.log("task gave", await asyncio.create_task(kept));
}
asyncio.run(main());
`));

  it("callbacks queued before asyncio.run run once its main task first waits", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
Promise.resolve(1).then((v) => console.log("then", v));
async function main(): Promise<void> {
  console.log("main starts");
  await asyncio.sleep_ms(1);
  Promise.resolve(2).then((v) => console.log("then", v));
  console.log("main ends");
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
console.log("after run");
`));

  it("the combinators settle by the first async call to fail, not the first in the list", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function failing(msg: string, ticks: number): Promise<never> {
  for (let i = 0; i < ticks; i++) await Promise.resolve();
  throw new Error(msg);
}
async function value(v: string, ticks: number): Promise<string> {
  for (let i = 0; i < ticks; i++) await null;
  return v;
}
async function main(): Promise<void> {
  try { await Promise.all([failing("later", 1), failing("at once", 0)]); } catch (e) { console.log("all", (e as Error).message); }
  try { await Promise.all([value("v", 0), failing("two", 2), failing("one", 1)]); } catch (e) { console.log("all", (e as Error).message); }
  try { await Promise.race([failing("later", 1), failing("at once", 0)]); } catch (e) { console.log("race", (e as Error).message); }
  console.log("race", await Promise.race([value("slow", 2), value("fast", 1)]));
  console.log("any", await Promise.any([failing("x", 0), value("slow", 3), value("fast", 1)]));
  const p = value("same", 0);
  console.log(Promise.resolve(p) === p);
  const order: string[] = [];
  await Promise.all([value("a", 2), value("b", 0), value("c", 1)].map((q) => q.then((v) => order.push(v))));
  console.log(order.join(""));
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("an async function returning another's promise settles when JavaScript's adoption does", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
  const log: string[] = [];
  async function v(x: number, n = 1) { for (let i = 0; i < n; i++) await null; return x; }
  async function bad(n: number) { for (let i = 0; i < n; i++) await null; throw new Error("bad" + n); }
  async function quick() { return 1; }
  async function r1() { return quick(); }
  async function r2() { return v(1, 3); }
  async function r3() { return bad(0); }
  async function r4() { return bad(2); }
  async function r5() { return Promise.resolve(5); }
  async function r6() { await null; return v(1, 1); }
  async function r7(): Promise<number> { return r2(); }
  async function r8() { return await v(8); }
  r1().then(() => log.push("r1"));
  r2().then(() => log.push("r2"));
  r3().catch((e: Error) => log.push("r3 " + e.message));
  r4().catch((e: Error) => log.push("r4 " + e.message));
  r5().then(() => log.push("r5"));
  r6().then(() => log.push("r6"));
  r7().then(() => log.push("r7"));
  r8().then(() => log.push("r8"));
  let p = Promise.resolve();
  for (let i = 1; i <= 9; i++) p = p.then(() => { log.push("t" + i); });
  await p;
  console.log(log.join(" "));
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("the combinators over async calls under asyncio settle by the first to fail", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function failing(msg: string, ticks: number): Promise<never> {
  for (let i = 0; i < ticks; i++) await Promise.resolve();
  throw new Error(msg);
}
async function main(): Promise<void> {
  try { await Promise.all([failing("later", 1), failing("at once", 0)]); } catch (e) { console.log("all", (e as Error).message); }
  try { await Promise.race([failing("later", 2), failing("sooner", 1)]); } catch (e) { console.log("race", (e as Error).message); }
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`));

  it("Promise as a value is rejected with what to write instead", () => {
    expect(promiseDiagnostics(`const P = Promise;\nconsole.log(P === undefined);`)).toEqual([
      "1: Promise as a value is not supported. Instead, call the Promise API directly (new Promise(…), Promise.all(…), p.then(…)), or await coroutines with asyncio.gather (from tsmp/asyncio).",
    ]);
  });
});

describe("an executor keeping its resolve", () => {
  it("(res) => this.waiters.push(res) parks callers until the gate opens", () =>
    expectToMatchNodeEventLoop(`class Gate {
  waiters: ((v: number) => void)[] = [];
  wait() { return new Promise<number>((res) => this.waiters.push(res)); }
  open(v: number) { for (const w of this.waiters) w(v); this.waiters = []; }
}
const g = new Gate();
async function main() { const p = g.wait(); const q = g.wait(); console.log("parked", g.waiters.length); g.open(5); console.log(await p, await q, g.waiters.length); }
main();
`));
});
