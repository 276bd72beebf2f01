import { describe, expect, it } from "vitest";
import { runSourceOnShim } from "../harness/shim-vs-vm.js";
import { AsyncioDeadlock } from "../../src/runtime-shim/scheduler.js";

/** Bad usage raises what MicroPython raises, with its message. */
describe("asyncio misuse on the shim", () => {
  it("awaiting outside a task is refused before it runs, as tsmp build refuses it", async () => {
    // Off-device runs apply tsmp build's diagnostics first, so this never reaches the shim's
    // "no running event loop": a green test means the program can be flashed.
    await expect(
      runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
await asyncio.sleep_ms(10);
`),
    ).rejects.toThrow(/TSMP1004: Top-level 'await' is not possible in MicroPython: call asyncio.run\(main\(\)\) instead/);
  });

  it("releasing an unlocked Lock raises RuntimeError('Lock not acquired')", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> { new asyncio.Lock().release(); }
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "RuntimeError", message: "Lock not acquired" });
  });

  it("a second task waiting on a ThreadSafeFlag gets AssertionError", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
  const flag = new asyncio.ThreadSafeFlag();
  const first = asyncio.create_task(flag.wait());
  const second = asyncio.create_task(flag.wait());
  await asyncio.sleep_ms(1);
  console.log(first.done(), second.done());
  first.cancel();
  await second;
}
asyncio.run(main());
`);
    expect(run.lines).toEqual(["false true"]);
    expect(run.error).toMatchObject({ name: "AssertionError" });
  });

  it('cancelling the running task raises RuntimeError("can\'t cancel self")', async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> { asyncio.current_task().cancel(); }
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "RuntimeError", message: "can't cancel self" });
  });

  it("create_task of something that is not a coroutine raises TypeError", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
asyncio.create_task(42 as unknown as Promise<void>);
`);
    expect(run.error).toMatchObject({ name: "TypeError", message: "coroutine expected" });
  });

  it("a sleep is awaitable but not a coroutine: create_task of it raises TypeError", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> { asyncio.create_task(asyncio.sleep(1)); }
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "TypeError", message: "coroutine expected" });
  });

  it('awaiting a task being gathered raises RuntimeError("can\'t wait")', async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function slow(): Promise<void> { await asyncio.sleep_ms(10); }
async function main(): Promise<void> {
  const t = asyncio.create_task(slow());
  asyncio.create_task(asyncio.gather(t));
  await asyncio.sleep(0);
  await t;
}
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "RuntimeError", message: "can't wait" });
  });

  it("a program whose tasks all wait forever stops with a clear message", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> { await new asyncio.Event().wait(); }
asyncio.run(main());
`);
    expect(run.error).toBeInstanceOf(AsyncioDeadlock);
    expect((run.error as Error).message).toBe("asyncio: every task is waiting and nothing can wake one (at 0 ms)");
  });

  it("an unretrieved task exception goes to the default handler on stderr", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function fail(): Promise<void> { throw new Error("lost"); }
async function main(): Promise<void> { asyncio.create_task(fail()); await asyncio.sleep_ms(1); console.log("main done"); }
asyncio.run(main());
`);
    expect(run.lines).toEqual(["main done"]);
    expect(run.stderr).toContain("Task exception wasn't retrieved\nfuture: <Task> coro= <generator object 'fail'>\nError: lost");
  });

  it("CancelledError is not a JS Error, so `instanceof Error` checks let it through", async () => {
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
const e = new asyncio.CancelledError();
console.log(e instanceof Error, e instanceof asyncio.CancelledError, new asyncio.TimeoutError() instanceof Error);
`);
    expect(run.lines).toEqual(["false true true"]);
  });
});
