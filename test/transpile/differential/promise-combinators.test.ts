import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

// The combinators over an iterable that is not written out as an array literal: on Node
// (`tsmp run --target node`, runProgram) the async calls in it must start and wait on asyncio
// as the transpiled program's do on MicroPython.
describe("Promise combinators over mapped async calls", () => {
  it("Promise.all of a map of async calls that sleep", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
  const values = await Promise.all([1, 2, 3].map(async (n) => { console.log("start", n); await asyncio.sleep_ms(10 * (4 - n)); console.log("done", n); return n * 2; }));
  console.log(values.join(","));
}
asyncio.run(main());
`));

  it("race, allSettled and any of mapped async calls, and of a Set of them", () =>
    expectToMatchJsResult(`
import * as asyncio from "tsmp/asyncio";
async function wait(ms: number, fail: boolean): Promise<number> {
  await asyncio.sleep_ms(ms);
  if (fail) throw "failed after " + ms;
  return ms;
}
async function main(): Promise<void> {
  const delays = [30, 10, 20];
  console.log("race", await Promise.race(delays.map((ms) => wait(ms, false))));
  const settled = await Promise.allSettled(delays.map((ms) => wait(ms, ms === 10)));
  console.log(JSON.stringify(settled));
  console.log("any", await Promise.any(delays.map((ms) => wait(ms, ms < 25))));
  const calls = new Set([wait(5, false), wait(1, false)]);
  console.log("all of a set", (await Promise.all(calls)).join(","));
}
asyncio.run(main());
`));
});
