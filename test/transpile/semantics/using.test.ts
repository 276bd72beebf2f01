import { describeCases } from "../../harness/cases.js";

/**
 * `using` declarations (explicit resource management): a block's resources are disposed of
 * when it ends, however it ends, last declared first (visitors/using.ts, js_using.py,
 * js_dispose.py). Node 20 has no SuppressedError class, so the cases read its fields only.
 */
describeCases("using declarations: disposal when the block ends", {
  "last declared, first disposed, after the block's statements": `class Res { constructor(readonly name: string) {} [Symbol.dispose]() { console.log("dispose", this.name); } }
function f(): number { using a = new Res("a"); using b = new Res("b"), c = new Res("c"); console.log("body", a.name, b.name, c.name); return 7; }
console.log(f());`,
  "a return, a break and a continue leave the block": `class Res { constructor(readonly name: string) {} [Symbol.dispose]() { console.log("dispose", this.name); } }
function find(n: number): string { for (let i = 0; i < 5; i++) { using r = new Res("r" + i); if (i === 1) continue; if (i === n) return r.name; if (i > 3) break; console.log("kept", i); } return "none"; }
console.log(find(2)); console.log(find(9));`,
  "nested blocks dispose in their own order": `const log: string[] = []; const res = (n: string) => ({ [Symbol.dispose]() { log.push(n); } });
{ using outer = res("outer"); { using inner = res("inner"); log.push("in"); } log.push("between"); using late = res("late"); log.push("end"); }
console.log(log.join(" "));`,
  "null and undefined are allowed and dispose of nothing": `function f(flag: boolean) { using a = flag ? { [Symbol.dispose]() { console.log("a"); } } : null; using b = undefined; console.log("body", a === null, b); }
f(true); f(false);`,
  "an object literal's method sees its object": `const conn = { open: true, [Symbol.dispose]() { this.open = false; console.log("closed"); } };
function use() { using c = conn; console.log("open?", c.open); } use(); console.log("open?", conn.open, Object.keys(conn));`,
  "an error in the block still disposes, and reaches the catch unchanged": `class Res { [Symbol.dispose]() { console.log("disposed"); } }
try { using r = new Res(); throw new RangeError("bad"); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); }
try { using r = new Res(); throw "text"; } catch (e) { console.log(typeof e, e); }`,
  "a disposal error over the block's error is a SuppressedError": `const failing = (m: string) => ({ [Symbol.dispose]() { throw new Error(m); } });
try { using a = failing("first"); throw new Error("body"); } catch (e) { const s = e as SuppressedError; console.log(s.name, s.message); console.log((s.error as Error).message, (s.suppressed as Error).message); }`,
  "two disposal errors nest, the later outside": `const failing = (m: string) => ({ [Symbol.dispose]() { throw new Error(m); } });
try { using a = failing("a"); using b = failing("b"); console.log("body"); } catch (e) { const s = e as SuppressedError; console.log(s.name, (s.error as Error).message, (s.suppressed as Error).message); }`,
  "a disposal error alone is thrown as it is, and later resources are still disposed": `class Res { constructor(readonly n: string) {} [Symbol.dispose]() { console.log("dispose", this.n); if (this.n === "b") throw new TypeError("from b"); } }
try { using a = new Res("a"); using b = new Res("b"); using c = new Res("c"); } catch (e) { console.log(e instanceof TypeError, (e as Error).message); }`,
  "a thrown value that is not an Error, kept inside the SuppressedError": `try { using a = { [Symbol.dispose]() { throw 42; } }; throw "body"; } catch (e) { const s = e as SuppressedError; console.log(s.error, s.suppressed); }`,
  "a value without a dispose method is a TypeError where it is declared": `const plain = { name: "plain" } as unknown as Disposable;
try { console.log("before"); using p = plain; console.log("not reached"); } catch (e) { console.log(e instanceof TypeError); }`,
  "a generator left early disposes": `class Res { [Symbol.dispose]() { console.log("disposed"); } }
function* items() { using r = new Res(); yield 1; yield 2; yield 3; }
for (const x of items()) { console.log(x); if (x === 2) break; } console.log([...items()]);`,
  "at the top level of a module, disposed when the module ends": `export {};
class Res { constructor(readonly n: string) {} [Symbol.dispose]() { console.log("dispose", this.n); } }
using first = new Res("first"); console.log("module body"); using second = new Res("second"); console.log("end of module");`,
  "in an async function, across awaits and a rejection": `import * as asyncio from "tsmp/asyncio";
class Res { constructor(readonly n: string) {} [Symbol.dispose]() { console.log("dispose", this.n); } }
async function step(n: string): Promise<string> { await asyncio.sleep_ms(5); return n; }
async function work(fail: boolean) { using r = new Res(fail ? "failing" : "passing"); console.log(await step("one")); if (fail) throw new Error("failed"); console.log(await step("two")); }
async function main() { await work(false); try { await work(true); } catch (e) { console.log("caught", (e as Error).message); } }
asyncio.run(main());`,
  "a labeled block left by break": `class Res { [Symbol.dispose]() { console.log("disposed"); } }
outer: { using r = new Res(); console.log("in"); if (r) break outer; console.log("not reached"); } console.log("after");`,
  "subclasses inherit and override the dispose method": `class Base { [Symbol.dispose]() { console.log("base"); } } class Child extends Base { override [Symbol.dispose]() { console.log("child"); super[Symbol.dispose](); } }
{ using b = new Base(); using c = new Child(); }`,
});
