import { describe, expect, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";
import { createTranspiler } from "../../../src/transpile/index.js";

const transpiler = createTranspiler({ sourceMaps: false });

function promiseDiagnostics(source: string): string[] {
  return transpiler
    .transpileSource(source)
    .diagnostics.filter((diagnostic) => diagnostic.code === "TSMP1122")
    .map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`);
}

const preamble = `import * as asyncio from "tsmp/asyncio";\nasync function double(n: number) { await asyncio.sleep_ms(n); return n * 2; }\n`;
const because =
  "is not supported: tsmp's async functions are MicroPython coroutines, which run only when awaited or made asyncio tasks, and there is no microtask queue. Instead,";

describe("promises", () => {
  it("await of Promise.resolve and Promise.reject settles on the spot", () =>
    expectToMatchJsResult(`${preamble}
async function main() {
  const plain = await Promise.resolve(5);
  const nested = await Promise.resolve(double(3));
  const nothing = await Promise.resolve();
  console.log(plain, nested, nothing === undefined);
  try { await Promise.reject(new Error("refused")); } catch (e) { console.log("caught", (e as Error).message); }
  try { await Promise.reject("a plain value"); } catch (e) { console.log("caught", e); }
}
asyncio.run(main());
`));
  it("the rest of the Promise API is rejected with the asyncio way to write it", () => {
    const source = `${preamble}
async function main() {
  const both = await Promise.all([double(1), double(2)]);
  const settled = await Promise.allSettled([double(1)]);
  const first = await Promise.race([double(1), double(2)]);
  const waited = new Promise<void>((resolve) => resolve());
  const ready = Promise.resolve(1);
}
asyncio.run(main());
`;
    expect(promiseDiagnostics(source)).toEqual([
      `5: Promise.all ${because} await asyncio.gather(a(), b()) (from tsmp/asyncio) runs coroutines concurrently and gives their results in order.`,
      `6: Promise.allSettled ${because} await asyncio.gather(a(), b(), { return_exceptions: true }) (from tsmp/asyncio) gives each result, or the exception in its place.`,
      `7: Promise.race ${because} run the coroutines as asyncio.create_task tasks that set an asyncio.Event, await the event, then cancel the rest; asyncio.wait_for_ms bounds one coroutine by a timeout.`,
      `8: new Promise ${because} to wait for a callback (an IRQ, a timer), set an asyncio.ThreadSafeFlag or asyncio.Event in the callback and await flag.wait() (from tsmp/asyncio).`,
      `9: Promise.resolve ${because} await the value itself, or return it from an async function (await Promise.resolve(v) alone is accepted).`,
    ]);
  });
  it("then, catch and finally point at await with try", () => {
    const source = `${preamble}
async function main() {
  await double(1).then((v) => v + 1);
  await double(1).catch(() => 0);
  await double(1).finally(() => console.log("done"));
}
asyncio.run(main());
`;
    expect(promiseDiagnostics(source)).toEqual([
      `5: .then() ${because} await the coroutine inside an async function: const value = await work().`,
      `6: .catch() ${because} await the coroutine inside try { … } catch (e) { … }.`,
      `7: .finally() ${because} await the coroutine inside try { … } finally { … }.`,
    ]);
  });
});
