import { describe, expect, it } from "vitest";
import { runOnVm } from "../../harness/shim-vs-vm.js";

// `asyncio.sleep_ms(n)` handed to the Promise API is a promise settling n ms later, as a timer's
// promise is on Node: `.then` of one must not settle at once, and a race goes to the shortest.
// (The Node runner's shim parks the calling task on such a `.then`, so these are checked
// against JavaScript's known output rather than against it; see docs/semantics.md.)
describe("asyncio sleeps used as promises", () => {
  it("a race of two sleeps' then() goes to the shorter, and each keeps its own wake time", async () => {
    const { output, python } = await runOnVm(`
import * as asyncio from "tsmp/asyncio";
async function main() {
  await asyncio.sleep_ms(1);
  const slow = asyncio.sleep_ms(50).then(() => "slow");
  const fast = asyncio.sleep_ms(5).then(() => "fast");
  console.log(await Promise.race([slow, fast]));
  console.log(await slow, await fast);
  console.log(await asyncio.sleep_ms(3).then(() => "then"), await Promise.race([asyncio.sleep_ms(30), Promise.resolve("now")]));
}
asyncio.run(main());
`);
    expect(output, python).toBe("fast\nslow fast\nthen now\n");
  });
});
