import { describe, it } from "vitest";
import { expectToMatchJsResult, expectToMatchNodeEventLoop } from "../../harness/differential.js";

/**
 * An async call whose promise is not awaited at once starts at the call, as in JavaScript
 * (issue #16): its body runs up to its first `await` before the caller goes on. Without asyncio
 * the reference is plain Node; with asyncio it is the runtime shim.
 */
describe("async calls start at the call", () => {
  it("a dropped call prints up to its first await before the caller goes on", () =>
    expectToMatchNodeEventLoop(`
async function work(name: string) {
  console.log("start", name);
  await null;
  console.log("after first await", name);
  await null;
  console.log("end", name);
}
console.log("before");
work("a");
console.log("between");
void work("b");
console.log("after");
`));

  it("a top-level call of an async main without asyncio", () =>
    expectToMatchNodeEventLoop(`
async function step(n: number) { console.log("step", n); return n + 1; }
async function main() {
  let n = 0;
  for (let i = 0; i < 3; i++) n = await step(n);
  console.log("main done", n);
}
main();
console.log("module end");
`));

  it("a stored call: awaited twice, and awaited after it finished", () =>
    expectToMatchNodeEventLoop(`
async function value(n: number) { console.log("computing", n); await null; console.log("computed", n); return n * 2; }
async function idle() { await null; await null; await null; }
async function main() {
  const p = value(1);
  console.log("stored");
  console.log("first", await p);
  console.log("second", await p);
  const q = value(2);
  await idle();
  console.log("q finished before this await");
  console.log("late", await q);
}
main();
`));

  it("errors thrown before and after the first await reject the promise; the caller goes on", () =>
    expectToMatchNodeEventLoop(`
async function fail(early: boolean) {
  console.log("fail starts", early);
  if (early) throw new Error("before the first await");
  await null;
  throw new Error("after the first await");
}
async function main() {
  const early = fail(true);
  console.log("call returned despite the throw");
  const late = fail(false);
  try { await early; } catch (e) { console.log("caught", (e as Error).message); }
  try { await late; } catch (e) { console.log("caught", (e as Error).message); }
  fail(true).catch((e: Error) => console.log("handled by catch", e.message));
}
main();
console.log("sync end");
`));

  it("a rejection nobody handles ends the program with its error, after the other work", () =>
    expectToMatchNodeEventLoop(`
async function fail() { await null; throw new Error("nobody caught this"); }
async function other() { await null; console.log("other work ran"); }
fail();
other();
console.log("sync end");
`));

  it("calls started in a loop and gathered", () =>
    expectToMatchNodeEventLoop(`
async function work(i: number) { console.log("start", i); await null; console.log("end", i); return i * 10; }
async function main() {
  const started: Promise<number>[] = [];
  for (let i = 0; i < 3; i++) started.push(work(i));
  const more = [work(7), work(8)];
  console.log("all started");
  console.log(await Promise.all(started), await Promise.all(more));
}
main();
`));

  it("an async method, an async arrow in a variable and an async IIFE", () =>
    expectToMatchNodeEventLoop(`
class Counter {
  count = 0;
  async bump(by: number) { this.count += by; await null; this.count *= 10; }
  start() { this.bump(1); console.log("after bump", this.count); }
}
const report = async (c: Counter) => { console.log("report sees", c.count); await null; console.log("report later", c.count); };
const c = new Counter();
c.start();
report(c);
(async () => { console.log("iife", c.count); await null; console.log("iife later", c.count); })();
console.log("sync end", c.count);
`));

  it("the caller's state seen after the call is what the body set before its first await", () =>
    expectToMatchJsResult(`
let state = "not started";
async function run() { state = "started"; await null; state = "finished"; }
function kick() { run(); return state; }
console.log(kick());
`));
});

describe("async calls start at the call, with asyncio", () => {
  it("a stored and a dropped call run their first step at the call and go on on the loop", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function blink(name: string, n: number) {
  for (let i = 0; i < n; i++) { console.log(name, i); await asyncio.sleep_ms(10); }
  return name;
}
async function main() {
  const p = blink("stored", 3);
  console.log("main after the call");
  blink("dropped", 2);
  await asyncio.sleep_ms(15);
  console.log("main woke");
  console.log(await p, await p);
}
asyncio.run(main());
console.log("after run");
`));

  it("an error after an asyncio wait reaches the later await", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function late() { console.log("late starts"); await asyncio.sleep_ms(5); throw new Error("late failure"); }
async function main() {
  const p = late();
  await asyncio.sleep_ms(1);
  console.log("main before awaiting");
  try { await p; } catch (e) { console.log("caught", (e as Error).message); }
}
asyncio.run(main());
`));

  it("a started call waiting on an Event set by another task", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
const ready = new asyncio.Event();
async function waiter() { console.log("waiting"); await ready.wait(); console.log("released"); return 7; }
async function setter() { await asyncio.sleep_ms(3); console.log("setting"); ready.set(); }
async function main() {
  const w = waiter();
  asyncio.create_task(setter());
  console.log("main waits", await w);
}
asyncio.run(main());
`));
  it("started calls awaiting async helpers that sleep, beside create_task and gather", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function pulse(name: string, ms: number) { console.log("pulse", name); await asyncio.sleep_ms(ms); return ms; }
async function blink(name: string, base: number) {
  let total = 0;
  for (let i = 0; i < 2; i++) total += await pulse(name, base * (i + 1));
  console.log("blink done", name, total);
  return total;
}
async function quick() { console.log("quick"); return 1; }
async function main() {
  const a = blink("a", 5);
  blink("b", 7);
  const t = asyncio.create_task(blink("task", 9));
  console.log("main sync part", await quick());
  await asyncio.sleep_ms(1);
  console.log("main after 1ms");
  console.log("a gives", await a);
  await t;
  const g = await asyncio.gather(blink("g1", 3), blink("g2", 4));
  console.log("gathered", g[0], g[1]);
}
asyncio.run(main());
`));
});
