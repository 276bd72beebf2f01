import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("exceptions", () => {
  it("throw and catch Error", () =>
    expectToMatchJsResult(`try { throw new Error("boom"); } catch (e) { console.log("caught", (e as Error).message); }`));
  it("finally always runs", () =>
    expectToMatchJsResult(`function f() { try { return "try"; } finally { console.log("finally"); } } console.log(f());`));
  it("catch without binding", () => expectToMatchJsResult(`try { throw new Error("x"); } catch { console.log("caught"); }`));
  it("custom error subclass", () =>
    expectToMatchJsResult(
      `class MyError extends Error { constructor(msg: string, public code: number) { super(msg); } } try { throw new MyError("bad", 7); } catch (e) { if (e instanceof MyError) console.log(e.message, e.code); }`,
    ));
  it("instanceof picks the handler", () =>
    expectToMatchJsResult(
      `class A extends Error {} class B extends Error {} for (const err of [new A("a"), new B("b")]) { try { throw err; } catch (e) { console.log(e instanceof A ? "A" : "B", (e as Error).message); } }`,
    ));
  it("rethrow", () =>
    expectToMatchJsResult(
      `try { try { throw new Error("inner"); } catch (e) { console.log("first"); throw e; } } catch (e) { console.log("second", (e as Error).message); }`,
    ));
  it("uncaught error", () => expectToMatchJsResult(`console.log("before"); throw new Error("fatal");`));
  it("error with empty message", () =>
    expectToMatchJsResult(`try { throw new Error(); } catch (e) { console.log("[" + (e as Error).message + "]"); }`));
  it("try/catch/finally order", () =>
    expectToMatchJsResult(`try { console.log(1); throw new Error("e"); } catch (e) { console.log(2); } finally { console.log(3); }`));
  it("a catch block naming CancelledError sees the cancellation (except BaseException)", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
async function worker(): Promise<void> {
  try { await asyncio.sleep_ms(100); } catch (e) { if (e instanceof asyncio.CancelledError) console.log("worker saw the cancel"); else throw e; }
  console.log("worker goes on");
}
async function main(): Promise<void> {
  const t = asyncio.create_task(worker());
  await asyncio.sleep_ms(1);
  t.cancel();
  await asyncio.sleep_ms(1);
  console.log("done", t.done());
}
asyncio.run(main());`));
  it("a catch block that does not name CancelledError lets the cancellation through (except Exception)", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
async function worker(): Promise<void> {
  try { await asyncio.sleep_ms(100); } catch (e) { console.log("not reached"); } finally { console.log("finally"); }
  console.log("not reached either");
}
async function main(): Promise<void> {
  const t = asyncio.create_task(worker());
  await asyncio.sleep_ms(1);
  t.cancel();
  try { await t; } catch (e) { if (e instanceof asyncio.CancelledError) console.log("main saw the cancel"); }
}
asyncio.run(main());`));
  it("error thrown from a nested function", () =>
    expectToMatchJsResult(
      `function check(n: number) { if (n < 0) throw new RangeError("negative"); return n; } try { check(-1); } catch (e) { console.log((e as Error).message); }`,
    ));
});
