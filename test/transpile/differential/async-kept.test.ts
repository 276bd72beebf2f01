import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ts } from "../../../src/transpile/typescript.js";
import { describe, expect, it } from "vitest";
import { emittedMain, expectToMatchJsResult, expectToMatchNodeEventLoop, runOnBoth, transpileSnippet } from "../../harness/differential.js";

/** Several modules run by Node as ES modules to the end of its event loop, and on MicroPython. */
async function expectModulesToMatchNodeEventLoop(files: Record<string, string>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-kept-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      const { outputText } = ts.transpileModule(text.replace(/from "(\.\/\w+)"/g, 'from "$1.mjs"'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(join(folder, path.replace(/\.ts$/, ".mjs")), outputText);
    }
    const node = execFileSync(process.execPath, [join(folder, "main.mjs")], { encoding: "utf8" });
    const { micropython, python } = await runOnBoth(files);
    expect(micropython, `Node printed:\n${node}\nemitted Python:\n${python}`).toBe(node);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

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

  it("under asyncio: kept calls are promises; create_task, gather and await keep the coroutine", async () => {
    const main = `import * as asyncio from "tsmp/asyncio";
async function sq(n: number): Promise<number> { console.log("sq", n); await asyncio.sleep_ms(1); return n * n; }
function keep(p: Promise<number>): Promise<number> { return p; }
function spawn(p: Promise<number>) { return asyncio.create_task(p); }
const memo = new Map<number, Promise<number>>();
const early = { p: sq(1) };
function viaReturn(n: number) { return sq(n); }
async function main() {
  console.log(await early.p, await early.p);
  memo.set(3, sq(3));
  console.log(await memo.get(3)!, await memo.get(3)!);
  const h = { k: keep(sq(2)), r: viaReturn(11) };
  console.log("after keep");
  console.log(await h.k, await h.k, await h.r, await h.r);
  const t = spawn(sq(4));
  console.log(await t, await t);
  const t2 = asyncio.create_task(sq(5));
  console.log(await t2, await t2);
  console.log(await asyncio.gather(sq(6), h.k), await sq(9));
}
asyncio.run(main());
`;
    await expectToMatchJsResult(main);
    const python = emittedMain(transpileSnippet(main));
    expect(python).toContain("memo.set(3, JsPromise.of(sq(3)))");
    expect(python).toContain("asyncio.create_task(sq(5))");
    expect(python).toContain("asyncio.gather(sq(6), aw_coroutine(h.k))");
    expect(python).toContain("asyncio.run(main())");
  });

  it("another module's async function, a parameter's and an interface method's call kept", () =>
    expectModulesToMatchNodeEventLoop({
      "main.ts": `import { fetchIt, twice } from "./lib";
interface Src { get(n: number): Promise<number> }
class Holder { p?: Promise<number>; constructor(private src: Src, private f: (n: number) => Promise<number>) {}
  fill(n: number) { this.p = this.src.get(n); return { q: this.f(n) }; } }
async function tick(label: string) { for (let i = 0; i < 4; i++) { console.log(label, i); await null; } }
async function main() {
  const memo = new Map<number, Promise<number>>();
  memo.set(1, fetchIt(1));
  console.log("set");
  const t = tick("t");
  console.log(await memo.get(1)!, await memo.get(1)!);
  const h = new Holder({ get: (n) => fetchIt(n) }, twice);
  const r = h.fill(7);
  console.log("filled");
  console.log(await h.p, await h.p, await r.q, await r.q);
  await t;
}
main();
`,
      "lib.ts": `export async function fetchIt(n: number): Promise<number> { console.log("fetch", n); await null; console.log("fetched", n); return n + 100; }
export async function twice(n: number): Promise<number> { const a = await fetchIt(n); await null; return a * 2; }
`,
    }));

  it("under asyncio, another module's call kept, and a parameter handed on to create_task there", () =>
    expectToMatchJsResult({
      "main.ts": `import * as asyncio from "tsmp/asyncio";
import { fetchIt, spawn } from "./lib";
async function sq(n: number): Promise<number> { await asyncio.sleep_ms(1); return n * n; }
async function main() {
  const memo = new Map<number, Promise<number>>();
  memo.set(1, fetchIt(1));
  console.log(await memo.get(1)!, await memo.get(1)!);
  const t = spawn(sq(4));
  const t2 = spawn(fetchIt(5));
  console.log(await t, await t, await t2, await t2);
}
asyncio.run(main());
`,
      "lib.ts": `import * as asyncio from "tsmp/asyncio";
export async function fetchIt(n: number): Promise<number> { console.log("fetch", n); await asyncio.sleep_ms(1); return n + 100; }
export function spawn(p: Promise<number>) { return asyncio.create_task(p); }
`,
    }));
});
