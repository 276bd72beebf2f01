import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("async/await", () => {
  it("asyncio.run of an async main", () =>
    expectToMatchJsResult(
      `import * as asyncio from "tsmp/asyncio"; async function main() { console.log("start"); await asyncio.sleep_ms(10); console.log("end"); } asyncio.run(main());`,
    ));
  it("awaiting an async function's value", () =>
    expectToMatchJsResult(
      `import * as asyncio from "tsmp/asyncio"; async function twice(n: number) { await asyncio.sleep_ms(1); return n * 2; } async function main() { console.log(await twice(21)); } asyncio.run(main());`,
    ));
  it("tasks interleave by sleep time", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
async function tick(name: string, ms: number, n: number) { for (let i = 0; i < n; i++) { await asyncio.sleep_ms(ms); console.log(name, i); } }
async function main() { asyncio.create_task(tick("a", 30, 3)); await tick("b", 20, 4); await asyncio.sleep_ms(50); }
asyncio.run(main());`));
  it("gather with keyword arguments", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
async function v(n: number) { await asyncio.sleep_ms(n); return n; }
async function main() { const r = await asyncio.gather(v(3), v(1), { return_exceptions: true }); console.log(String(r[0]), String(r[1])); const s = await asyncio.gather(v(2), v(4)); console.log(s[0] + s[1]); }
asyncio.run(main());`));
  it("async arrow function", () =>
    expectToMatchJsResult(
      `import * as asyncio from "tsmp/asyncio"; const wait = async (ms: number) => { await asyncio.sleep_ms(ms); return ms; }; async function main() { console.log(await wait(5)); } asyncio.run(main());`,
    ));
  it("exceptions propagate through await", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
async function fail() { await asyncio.sleep_ms(1); throw new Error("async boom"); }
async function main() { try { await fail(); } catch (e) { console.log("caught", (e as Error).message); } }
asyncio.run(main());`));
  it("statements after asyncio.run run once it returns", () =>
    expectToMatchJsResult(
      `import * as asyncio from "tsmp/asyncio"; async function main() { await asyncio.sleep_ms(5); console.log("in main"); } asyncio.run(main()); console.log("after");`,
    ));
  it("async method", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
class Sensor { value = 0; async read() { await asyncio.sleep_ms(2); this.value += 7; return this.value; } }
async function main() { const s = new Sensor(); await s.read(); console.log(await s.read()); }
asyncio.run(main());`));
  it("the exception-handler context is a dict: keys by subscript or property", () =>
    expectToMatchJsResult(`import * as asyncio from "tsmp/asyncio";
const loop = asyncio.get_event_loop();
loop.set_exception_handler((l, context) => { console.log(context["message"], context.message === context["message"], (context.exception as Error).message); });
async function main(): Promise<void> {
  loop.call_exception_handler({ message: "custom", exception: new Error("x"), future: asyncio.current_task() });
}
asyncio.run(main());`));
});
