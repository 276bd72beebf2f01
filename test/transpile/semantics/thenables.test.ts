import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";
import { expectToMatchNodeEventLoop } from "../../harness/differential.js";

/**
 * JavaScript adopts a thenable (an object of the program's own with a `then` method) by calling
 * its `then`; tsmp does not, and an `await` of one never resumed (issue #16): such uses are
 * TSMP1122, and the message gives the wrapping that works.
 */
function tsmpDiagnostics(source: string): { code: string; line: number | undefined; message: string }[] {
  const result = createTranspiler({ sourceMaps: false }).transpileSource(source);
  return result.diagnostics.filter((d) => d.code.startsWith("TSMP")).map(({ code, line, message }) => ({ code, line, message }));
}

const advice = "Instead, wrap it in a promise, `new Promise((resolve) => thenable.then(resolve))`, or make it a Promise.";

describe("thenables of the program's own", () => {
  it("are rejected when awaited, returned from an async function or a then callback, or handed to the Promise API", () => {
    const found = tsmpDiagnostics(
      [
        `const t = { then(res: (v: string) => void) { res("x"); } };`,
        `class Later { then(ok: (v: number) => void) { ok(1); } }`,
        `async function f() { return t; }`,
        `async function main(u: Later | Promise<number>) {`,
        `  console.log(await t, await u, await f());`,
        `  console.log(await Promise.resolve(new Later()), await Promise.all([1, t]));`,
        `}`,
        `main(new Later()).then(() => t, () => 1).finally(() => {});`,
      ].join("\n"),
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["TSMP1122", 3],
      ["TSMP1122", 5],
      ["TSMP1122", 5],
      ["TSMP1122", 6],
      ["TSMP1122", 6],
      ["TSMP1122", 8],
    ]);
    expect(found[1]!.message).toBe(`await of a thenable (an object with a then method that is not a Promise) is not supported. ${advice}`);
    expect(found[0]!.message).toBe(
      `returning from an async function a thenable (an object with a then method that is not a Promise) is not supported. ${advice}`,
    );
    expect(found[5]!.message).toBe(
      `returning from a then callback a thenable (an object with a then method that is not a Promise) is not supported. ${advice}`,
    );
    expect(found[4]!.message).toBe(
      `Promise.all(…) of a thenable (an object with a then method that is not a Promise) is not supported. ${advice}`,
    );
  });

  it("leave promises, PromiseLike values and asyncio's awaitables alone", () => {
    expect(
      tsmpDiagnostics(
        [
          `import * as asyncio from "tsmp/asyncio";`,
          `async function work() { return 1; }`,
          `async function main() {`,
          `  const lazy: PromiseLike<number> = Promise.resolve(4);`,
          `  const e = new asyncio.Event();`,
          `  const t = asyncio.create_task(work());`,
          `  e.set();`,
          `  console.log(await lazy, await t, await e.wait(), await Promise.resolve(lazy));`,
          `}`,
          `asyncio.run(main());`,
        ].join("\n"),
      ),
    ).toEqual([]);
  });
});

describe("a thenable handed to an executor's resolve", () => {
  it("is rejected, through the promise's value type or the argument of resolve(…)", () => {
    const found = tsmpDiagnostics(
      [
        `class Later { then(ok: (v: number) => void) { ok(1); } }`,
        `const t = { then(res: (v: string) => void) { res("x"); } };`,
        `async function main(u: Later | number) {`,
        `  const b = await new Promise((resolve) => resolve(t));`,
        `  const c = await new Promise<Later>((resolve) => { resolve(new Later()); });`,
        `  const d = await new Promise(function (ok) { if (b) ok(u); else ok(2); });`,
        `  const e = await new Promise<number>((resolve) => resolve(3));`,
        `  console.log(b, c, d, e);`,
        `}`,
        `main(1);`,
      ].join("\n"),
    );
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["TSMP1122", 4],
      ["TSMP1122", 5],
      ["TSMP1122", 6],
    ]);
    expect(found[0]!.message).toBe(
      `resolve(…) of a thenable (an object with a then method that is not a Promise) is not supported. ${advice}`,
    );
    expect(found[1]!.message).toBe(
      `new Promise(…) resolved with a thenable (an object with a then method that is not a Promise) is not supported. ${advice}`,
    );
  });

  it("a promise or a plain value handed to resolve still runs as JavaScript runs it", () =>
    expectToMatchNodeEventLoop(
      `async function main() {\n  const inner = new Promise<number>((r) => r(4));\n  const v = await new Promise<number>((resolve) => resolve(inner));\n  const w = await new Promise<{ n: number }>((resolve) => resolve({ n: 5 }));\n  console.log(v, w.n);\n}\nmain();`,
    ));
});

describe("the wrapping the message gives", () => {
  it("runs as JavaScript runs it", () =>
    expectToMatchNodeEventLoop(
      `async function main() { const t = { then(res: (v: string) => void) { res("x"); } }; console.log(await new Promise<string>((resolve) => t.then(resolve))); }\nmain();`,
    ));
});
