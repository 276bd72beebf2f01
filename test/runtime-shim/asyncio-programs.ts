/**
 * asyncio programs for the differential suite: each prints what it observes (order, values,
 * exceptions), and must print the same through the Node shim and, transpiled, on MicroPython.
 * `import * as asyncio from "tsmp/asyncio"` is prepended to each.
 *
 * Where the VM's asyncio differs from a board's, `vmNote` says how (see the test file).
 */
export interface AsyncioProgram {
  name: string;
  source: string;
  /**
   * Set when the transpiler does not yet emit what the program means, so the VM side differs
   * for a reason outside the shim; the test then expects the mismatch (and flags its fix).
   */
  transpilerGap?: string;
}

const p = (name: string, source: string, transpilerGap?: string): AsyncioProgram => ({ name, source, transpilerGap });

export const asyncioPrograms: AsyncioProgram[] = [
  // --- create_task, run, sleep: scheduling order -----------------------------------------
  p(
    "create_task starts on the next pass, not at the call",
    `
async function child(): Promise<void> { console.log("child runs"); }
async function main(): Promise<void> {
  asyncio.create_task(child());
  console.log("after create_task");
  await asyncio.sleep(0);
  console.log("main again");
}
asyncio.run(main());
`,
  ),
  p(
    "tasks created together start in creation order",
    `
async function child(n: number): Promise<void> { console.log("start", n); await asyncio.sleep(0); console.log("end", n); }
async function main(): Promise<void> {
  for (let i = 0; i < 4; i++) asyncio.create_task(child(i));
  await asyncio.sleep_ms(1);
  console.log("main done");
}
asyncio.run(main());
`,
  ),
  p(
    "sleepers wake in order of wake time",
    `
async function sleeper(ms: number): Promise<void> { await asyncio.sleep_ms(ms); console.log("woke", ms); }
async function main(): Promise<void> {
  asyncio.create_task(sleeper(30));
  asyncio.create_task(sleeper(10));
  asyncio.create_task(sleeper(20));
  await asyncio.sleep_ms(50);
}
asyncio.run(main());
`,
  ),
  p(
    "sleep(0) yields round-robin",
    `
async function spin(name: string): Promise<void> {
  for (let i = 0; i < 3; i++) { console.log(name, i); await asyncio.sleep(0); }
}
async function main(): Promise<void> {
  asyncio.create_task(spin("a"));
  asyncio.create_task(spin("b"));
  await spin("main");
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`,
  ),
  p(
    "equal wake times run first-in first-out",
    `
async function sleeper(name: string): Promise<void> { await asyncio.sleep_ms(10); console.log(name); }
async function main(): Promise<void> {
  asyncio.create_task(sleeper("first"));
  asyncio.create_task(sleeper("second"));
  asyncio.create_task(sleeper("third"));
  await asyncio.sleep_ms(10);
  console.log("main");
}
asyncio.run(main());
`,
  ),
  p(
    "sleep takes float seconds",
    `
async function sleeper(name: string, s: number): Promise<void> { await asyncio.sleep(s); console.log(name, "woke"); }
async function main(): Promise<void> {
  asyncio.create_task(sleeper("quarter", 0.25));
  asyncio.create_task(sleeper("tenth", 0.1));
  asyncio.create_task(sleeper("half-ms", 0.0005));
  await asyncio.sleep(0.3);
}
asyncio.run(main());
`,
  ),
  p(
    "interleaving of two blinkers over time",
    `
async function blink(name: string, period: number): Promise<void> {
  for (let i = 0; i < 4; i++) { console.log(name, "on"); await asyncio.sleep_ms(5); console.log(name, "off"); await asyncio.sleep_ms(period); }
}
async function main(): Promise<void> {
  asyncio.create_task(blink("A", 70));
  asyncio.create_task(blink("B", 40));
  await asyncio.sleep_ms(200);
}
asyncio.run(main());
`,
  ),
  p(
    "negative sleep is no sleep",
    `
async function other(): Promise<void> { console.log("other"); }
async function main(): Promise<void> {
  asyncio.create_task(other());
  await asyncio.sleep_ms(-5);
  console.log("main");
}
asyncio.run(main());
`,
  ),
  p(
    "run returns the main coroutine's value",
    `
async function main(): Promise<number> { await asyncio.sleep_ms(1); return 42; }
const value = asyncio.run(main());
console.log("value", value);
`,
  ),
  p(
    "statements after run wait for it",
    `
async function main(): Promise<void> { await asyncio.sleep_ms(5); console.log("main finished"); }
console.log("before");
asyncio.run(main());
console.log("after");
`,
  ),
  p(
    "run twice in a row",
    `
async function main(n: number): Promise<number> { await asyncio.sleep_ms(1); console.log("run", n); return n * 2; }
const a = asyncio.run(main(1));
const b = asyncio.run(main(2));
console.log(a + b);
`,
  ),
  p(
    "tasks left from one run continue in the next",
    `
async function background(): Promise<void> { for (let i = 0; i < 3; i++) { await asyncio.sleep_ms(10); console.log("bg", i); } }
async function first(): Promise<void> { asyncio.create_task(background()); await asyncio.sleep_ms(15); console.log("first done"); }
async function second(): Promise<void> { await asyncio.sleep_ms(30); console.log("second done"); }
asyncio.run(first());
asyncio.run(second());
`,
  ),
  p(
    "nested coroutine calls do not yield",
    `
async function inner(): Promise<number> { return 7; }
async function other(): Promise<void> { console.log("other"); }
async function main(): Promise<void> {
  asyncio.create_task(other());
  const v = await inner();
  console.log("inner gave", v);
  await asyncio.sleep(0);
  console.log("main after yield");
}
asyncio.run(main());
`,
  ),
  p(
    "an exception from main leaves run",
    `
async function main(): Promise<void> { await asyncio.sleep_ms(1); throw new Error("boom"); }
try {
  asyncio.run(main());
} catch (e) {
  console.log("caught", (e as Error).message);
}
`,
  ),
  p(
    "an uncaught exception ends the program",
    `
async function main(): Promise<void> { console.log("start"); await asyncio.sleep_ms(1); throw new Error("boom"); }
asyncio.run(main());
console.log("not reached");
`,
  ),

  // --- current_task ---------------------------------------------------------------------
  p(
    "current_task is the running task",
    `
let child: asyncio.Task<void> | null = null;
async function body(): Promise<void> { await asyncio.sleep(0); console.log("same task", asyncio.current_task() === child); }
async function main(): Promise<void> {
  child = asyncio.create_task(body());
  await child;
  console.log("main is not child", asyncio.current_task() !== child);
}
asyncio.run(main());
`,
  ),
  p(
    "current_task outside the loop raises RuntimeError",
    `
try {
  asyncio.current_task();
  console.log("no error");
} catch (e) {
  console.log("RuntimeError", (e as Error).message);
}
`,
  ),

  // --- Task: await, result, exceptions, cancel --------------------------------------------
  p(
    "awaiting a task returns its value",
    `
async function work(): Promise<string> { await asyncio.sleep_ms(5); return "result"; }
async function main(): Promise<void> { const t = asyncio.create_task(work()); console.log(await t); }
asyncio.run(main());
`,
  ),
  p(
    "awaiting a finished task returns at once",
    `
async function work(): Promise<number> { return 3; }
async function other(): Promise<void> { console.log("other ran"); }
async function main(): Promise<void> {
  const t = asyncio.create_task(work());
  await asyncio.sleep_ms(1);
  asyncio.create_task(other());
  console.log("done", t.done(), await t);
  await asyncio.sleep(0);
}
asyncio.run(main());
`,
  ),
  p(
    "a task's exception reaches its awaiter",
    `
async function fail(): Promise<void> { await asyncio.sleep_ms(1); throw new Error("task failed"); }
async function main(): Promise<void> {
  const t = asyncio.create_task(fail());
  try { await t; } catch (e) { console.log("caught", (e as Error).message); }
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),
  p(
    "two tasks awaiting one task resume in order",
    `
async function work(): Promise<number> { await asyncio.sleep_ms(10); return 5; }
async function waiter(name: string, t: asyncio.Task<number>): Promise<void> { const v = await t; console.log(name, v); }
async function main(): Promise<void> {
  const t = asyncio.create_task(work());
  asyncio.create_task(waiter("w1", t));
  asyncio.create_task(waiter("w2", t));
  await asyncio.sleep_ms(20);
}
asyncio.run(main());
`,
  ),
  p(
    "cancel a sleeping task: finally runs",
    `
async function sleeper(): Promise<void> {
  try { console.log("sleeping"); await asyncio.sleep_ms(1000); console.log("not reached"); }
  finally { console.log("cleanup"); }
}
async function main(): Promise<void> {
  const t = asyncio.create_task(sleeper());
  await asyncio.sleep_ms(10);
  console.log("cancel", t.cancel());
  await asyncio.sleep_ms(1);
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),
  p(
    "cancel a task before it ran: its body never starts",
    `
async function never(): Promise<void> { console.log("body ran"); }
async function main(): Promise<void> {
  const t = asyncio.create_task(never());
  console.log("cancel", t.cancel());
  await asyncio.sleep_ms(1);
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),
  p(
    "cancel returns false once a task is done",
    `
async function quick(): Promise<void> {}
async function main(): Promise<void> {
  const t = asyncio.create_task(quick());
  await asyncio.sleep(0);
  console.log("cancel", t.cancel());
}
asyncio.run(main());
`,
  ),
  p(
    "done() before, during and after",
    `
async function work(): Promise<void> { await asyncio.sleep_ms(5); }
async function main(): Promise<void> {
  const t = asyncio.create_task(work());
  console.log(t.done());
  await asyncio.sleep_ms(1);
  console.log(t.done());
  await asyncio.sleep_ms(10);
  console.log(t.done());
}
asyncio.run(main());
`,
  ),
  p(
    "a task cannot cancel itself",
    `
let me: asyncio.Task<void> | null = null;
async function body(): Promise<void> {
  await asyncio.sleep(0);
  try { me!.cancel(); } catch (e) { console.log("RuntimeError", (e as Error).message); }
}
async function main(): Promise<void> { me = asyncio.create_task(body()); await me; }
asyncio.run(main());
`,
  ),
  p(
    "a task may catch its cancellation and go on",
    `
async function stubborn(): Promise<string> {
  try { await asyncio.sleep_ms(100); }
  catch (e) { if (e instanceof asyncio.CancelledError) console.log("caught cancel"); }
  await asyncio.sleep_ms(5);
  return "still here";
}
async function main(): Promise<void> {
  const t = asyncio.create_task(stubborn());
  await asyncio.sleep_ms(10);
  t.cancel();
  console.log(await t);
}
asyncio.run(main());
`,
  ),
  p(
    "catch (e) does not catch a cancellation",
    `
async function worker(): Promise<void> {
  try { await asyncio.sleep_ms(100); }
  catch (e) { console.log("caught by catch (e)"); }
  finally { console.log("finally"); }
}
async function main(): Promise<void> {
  const t = asyncio.create_task(worker());
  await asyncio.sleep_ms(1);
  t.cancel();
  await asyncio.sleep_ms(1);
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),
  p(
    "awaiting a cancelled task raises CancelledError in the awaiter",
    `
async function worker(): Promise<void> { await asyncio.sleep_ms(100); }
async function main(): Promise<void> {
  const t = asyncio.create_task(worker());
  await asyncio.sleep_ms(1);
  t.cancel();
  try { await t; } catch (e) { if (e instanceof asyncio.CancelledError) console.log("awaiter saw CancelledError"); }
}
asyncio.run(main());
`,
  ),
  p(
    "cancelling a task that awaits another cancels the inner one",
    `
async function inner(): Promise<void> { try { await asyncio.sleep_ms(100); } finally { console.log("inner cleanup"); } }
async function outer(t: asyncio.Task<void>): Promise<void> { try { await t; } finally { console.log("outer cleanup"); } }
async function main(): Promise<void> {
  const i = asyncio.create_task(inner());
  const o = asyncio.create_task(outer(i));
  await asyncio.sleep_ms(5);
  o.cancel();
  await asyncio.sleep_ms(5);
  console.log("inner done", i.done(), "outer done", o.done());
}
asyncio.run(main());
`,
  ),
  p(
    "cancelling main's awaited task from another task",
    `
async function victim(): Promise<number> { await asyncio.sleep_ms(100); return 1; }
async function killer(t: asyncio.Task<number>): Promise<void> { await asyncio.sleep_ms(10); console.log("killing"); t.cancel(); }
async function main(): Promise<void> {
  const t = asyncio.create_task(victim());
  asyncio.create_task(killer(t));
  try { await t; } catch (e) { if (e instanceof asyncio.CancelledError) console.log("victim cancelled"); }
}
asyncio.run(main());
`,
  ),

  // --- wait_for / wait_for_ms -----------------------------------------------------------
  p(
    "wait_for returns the value in time",
    `
async function work(): Promise<string> { await asyncio.sleep_ms(10); return "ok"; }
async function main(): Promise<void> { console.log(await asyncio.wait_for(work(), 1)); }
asyncio.run(main());
`,
  ),
  p(
    "wait_for times out: inner sees the cancellation, caller TimeoutError",
    `
async function slow(): Promise<void> {
  try { await asyncio.sleep_ms(1000); } finally { console.log("slow cleaned up"); }
}
async function main(): Promise<void> {
  try { await asyncio.wait_for(slow(), 0.05); }
  catch (e) { if (e instanceof asyncio.TimeoutError) console.log("TimeoutError"); }
}
asyncio.run(main());
`,
  ),
  p(
    "wait_for_ms times out",
    `
async function slow(): Promise<void> { await asyncio.sleep_ms(100); console.log("not reached"); }
async function main(): Promise<void> {
  try { await asyncio.wait_for_ms(slow(), 20); } catch (e) { if (e instanceof asyncio.TimeoutError) console.log("timeout after 20 ms"); }
  await asyncio.sleep_ms(200);
  console.log("end");
}
asyncio.run(main());
`,
  ),
  p(
    "wait_for_ms in time",
    `
async function quick(): Promise<number> { await asyncio.sleep_ms(5); return 9; }
async function main(): Promise<void> { console.log(await asyncio.wait_for_ms(quick(), 50)); }
asyncio.run(main());
`,
  ),
  p(
    "wait_for with no timeout",
    `
async function work(): Promise<string> { await asyncio.sleep_ms(500); return "waited"; }
async function main(): Promise<void> { console.log(await asyncio.wait_for(work(), null)); }
asyncio.run(main());
`,
  ),
  p(
    "wait_for passes on the inner exception",
    `
async function fail(): Promise<void> { await asyncio.sleep_ms(1); throw new Error("inner failed"); }
async function main(): Promise<void> {
  try { await asyncio.wait_for(fail(), 1); } catch (e) { console.log("caught", (e as Error).message); }
}
asyncio.run(main());
`,
  ),
  p(
    "wait_for on a task",
    `
async function work(): Promise<number> { await asyncio.sleep_ms(5); return 11; }
async function main(): Promise<void> { const t = asyncio.create_task(work()); console.log(await asyncio.wait_for(t, 1), t.done()); }
asyncio.run(main());
`,
  ),
  p(
    "wait_for interleaves with other tasks",
    `
async function ticker(): Promise<void> { for (let i = 0; i < 5; i++) { console.log("tick", i); await asyncio.sleep_ms(10); } }
async function work(): Promise<string> { await asyncio.sleep_ms(25); return "work"; }
async function main(): Promise<void> {
  asyncio.create_task(ticker());
  console.log(await asyncio.wait_for_ms(work(), 100));
  await asyncio.sleep_ms(30);
}
asyncio.run(main());
`,
  ),
  p(
    "wait_for cancelled from outside cancels the inner task",
    `
async function slow(): Promise<void> { try { await asyncio.sleep_ms(1000); } finally { console.log("inner cleanup"); } }
async function waiter(): Promise<void> {
  try { await asyncio.wait_for(slow(), 10); } finally { console.log("waiter cleanup"); }
}
async function main(): Promise<void> {
  const t = asyncio.create_task(waiter());
  await asyncio.sleep_ms(5);
  t.cancel();
  await asyncio.sleep_ms(5);
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),

  // --- gather ---------------------------------------------------------------------------
  p(
    "gather returns results in argument order",
    `
async function after(ms: number, v: string): Promise<string> { await asyncio.sleep_ms(ms); console.log("finished", v); return v; }
async function main(): Promise<void> {
  const r = await asyncio.gather(after(30, "a"), after(10, "b"), after(20, "c"));
  console.log(r[0], r[1], r[2]);
}
asyncio.run(main());
`,
  ),
  p(
    "gather propagates the first exception",
    `
async function ok(): Promise<number> { await asyncio.sleep_ms(20); console.log("ok finished"); return 1; }
async function bad(): Promise<number> { await asyncio.sleep_ms(5); throw new Error("bad"); }
async function main(): Promise<void> {
  try { await asyncio.gather(ok(), bad()); } catch (e) { console.log("gather raised", (e as Error).message); }
  await asyncio.sleep_ms(30);
}
asyncio.run(main());
`,
  ),
  p(
    "gather with return_exceptions",
    `
async function ok(): Promise<string> { await asyncio.sleep_ms(5); return "fine"; }
async function bad(): Promise<string> { await asyncio.sleep_ms(1); throw new Error("broken"); }
async function main(): Promise<void> {
  const r = await asyncio.gather(ok(), bad(), { return_exceptions: true });
  const first = r[0] as string;
  console.log(first);
  console.log(r[1] instanceof Error, (r[1] as Error).message);
}
asyncio.run(main());
`,
  ),
  p(
    "gather of nothing",
    `
async function main(): Promise<void> { const r: unknown[] = await asyncio.gather(); console.log("empty", r.length); }
asyncio.run(main());
`,
  ),
  p(
    "gather of finished tasks",
    `
async function v(n: number): Promise<number> { return n; }
async function main(): Promise<void> {
  const a = asyncio.create_task(v(1));
  const b = asyncio.create_task(v(2));
  await asyncio.sleep_ms(1);
  const r = await asyncio.gather(a, b);
  console.log(r[0] + r[1]);
}
asyncio.run(main());
`,
  ),
  p(
    "cancelling a gather cancels its children",
    `
async function child(n: number): Promise<void> { try { await asyncio.sleep_ms(100); } finally { console.log("child", n, "cleanup"); } }
async function gatherer(): Promise<void> {
  try { await asyncio.gather(child(1), child(2)); } finally { console.log("gather cleanup"); }
}
async function main(): Promise<void> {
  const t = asyncio.create_task(gatherer());
  await asyncio.sleep_ms(10);
  t.cancel();
  await asyncio.sleep_ms(10);
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),
  p(
    "gather inside wait_for times out",
    `
async function slow(n: number): Promise<void> { try { await asyncio.sleep_ms(100 * n); } finally { console.log("slow", n, "stopped"); } }
async function main(): Promise<void> {
  try { await asyncio.wait_for_ms(asyncio.gather(slow(1), slow(2)), 50); }
  catch (e) { if (e instanceof asyncio.TimeoutError) console.log("timeout"); }
}
asyncio.run(main());
`,
  ),
  p(
    "gather with a cancelled child and return_exceptions",
    `
async function child(): Promise<number> { await asyncio.sleep_ms(50); return 1; }
async function main(): Promise<void> {
  const a = asyncio.create_task(child());
  const b = asyncio.create_task(child());
  await asyncio.sleep_ms(1);
  a.cancel();
  const r = await asyncio.gather(a, b, { return_exceptions: true });
  const second = r[1] as number;
  console.log(r[0] instanceof asyncio.CancelledError, second);
}
asyncio.run(main());
`,
  ),

  // --- Event ----------------------------------------------------------------------------
  p(
    "Event.set wakes every waiter in order",
    `
async function waiter(name: string, ev: asyncio.Event): Promise<void> { console.log(name, "waiting"); await ev.wait(); console.log(name, "woke"); }
async function main(): Promise<void> {
  const ev = new asyncio.Event();
  asyncio.create_task(waiter("a", ev));
  asyncio.create_task(waiter("b", ev));
  await asyncio.sleep_ms(10);
  console.log("setting");
  ev.set();
  console.log("set done");
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`,
  ),
  p(
    "waiting on a set Event does not yield",
    `
async function other(): Promise<void> { console.log("other"); }
async function main(): Promise<void> {
  const ev = new asyncio.Event();
  ev.set();
  asyncio.create_task(other());
  const r = await ev.wait();
  console.log("wait gave", r);
  await asyncio.sleep(0);
}
asyncio.run(main());
`,
  ),
  p(
    "a wait looks at its Event when first awaited, not when made",
    `
async function other(name: string): Promise<void> { console.log(name); }
async function setLater(ev: asyncio.Event): Promise<void> { await asyncio.sleep_ms(2); console.log("set"); ev.set(); }
async function main(): Promise<void> {
  const ev = new asyncio.Event();
  const early = ev.wait();
  ev.set();
  asyncio.create_task(other("other"));
  console.log("early wait gave", await early);
  await asyncio.sleep(0);
  const later = new asyncio.Event();
  const asTask = asyncio.create_task(later.wait());
  const both = asyncio.gather(later.wait(), asyncio.wait_for(later.wait(), 1));
  asyncio.create_task(setLater(later));
  console.log("gathered", (await both).length, "task", await asTask);
  const nap = asyncio.sleep_ms(5);
  await asyncio.sleep_ms(10);
  asyncio.create_task(other("after the nap's time"));
  await nap;
  console.log("nap over");
  await asyncio.sleep(0);
}
asyncio.run(main());
`,
  ),
  p(
    "Event clear and is_set",
    `
async function main(): Promise<void> {
  const ev = new asyncio.Event();
  console.log(ev.is_set());
  ev.set();
  console.log(ev.is_set());
  ev.clear();
  console.log(ev.is_set());
}
asyncio.run(main());
`,
  ),
  p(
    "Event ping-pong between two tasks",
    `
async function player(name: string, mine: asyncio.Event, theirs: asyncio.Event, rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) { await mine.wait(); mine.clear(); console.log(name, i); theirs.set(); }
}
async function main(): Promise<void> {
  const a = new asyncio.Event();
  const b = new asyncio.Event();
  const t1 = asyncio.create_task(player("ping", a, b, 3));
  const t2 = asyncio.create_task(player("pong", b, a, 3));
  a.set();
  await t1;
  await t2;
}
asyncio.run(main());
`,
  ),
  p(
    "Event waiter cancelled while waiting",
    `
async function waiter(ev: asyncio.Event): Promise<void> { try { await ev.wait(); console.log("woke"); } finally { console.log("waiter cleanup"); } }
async function main(): Promise<void> {
  const ev = new asyncio.Event();
  const t = asyncio.create_task(waiter(ev));
  await asyncio.sleep_ms(1);
  t.cancel();
  await asyncio.sleep_ms(1);
  ev.set();
  await asyncio.sleep_ms(1);
  console.log("done", t.done());
}
asyncio.run(main());
`,
  ),

  // --- Lock -----------------------------------------------------------------------------
  p(
    "Lock hands over in arrival order",
    `
async function worker(name: string, lock: asyncio.Lock): Promise<void> {
  await lock.acquire();
  console.log(name, "has the lock");
  await asyncio.sleep_ms(10);
  console.log(name, "releases");
  lock.release();
}
async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  asyncio.create_task(worker("a", lock));
  asyncio.create_task(worker("b", lock));
  asyncio.create_task(worker("c", lock));
  await asyncio.sleep_ms(50);
}
asyncio.run(main());
`,
  ),
  p(
    "Lock.locked through acquire and release",
    `
async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  console.log(lock.locked());
  console.log(await lock.acquire());
  console.log(lock.locked());
  lock.release();
  console.log(lock.locked());
}
asyncio.run(main());
`,
  ),
  p(
    "releasing an unlocked Lock raises RuntimeError",
    `
async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  try { lock.release(); } catch (e) { console.log("RuntimeError", (e as Error).message); }
}
asyncio.run(main());
`,
  ),
  p(
    "a Lock waiter cancelled while waiting",
    `
async function holder(lock: asyncio.Lock): Promise<void> { await lock.acquire(); await asyncio.sleep_ms(20); console.log("holder releases"); lock.release(); }
async function waiter(name: string, lock: asyncio.Lock): Promise<void> {
  try { await lock.acquire(); console.log(name, "acquired"); lock.release(); } finally { console.log(name, "exits"); }
}
async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  asyncio.create_task(holder(lock));
  await asyncio.sleep_ms(1);
  const w1 = asyncio.create_task(waiter("w1", lock));
  asyncio.create_task(waiter("w2", lock));
  await asyncio.sleep_ms(5);
  w1.cancel();
  await asyncio.sleep_ms(30);
  console.log("locked", lock.locked());
}
asyncio.run(main());
`,
  ),
  p(
    "a Lock handed to a task cancelled before it resumes passes on",
    `
async function waiter(name: string, lock: asyncio.Lock): Promise<void> {
  try { await lock.acquire(); console.log(name, "acquired"); await asyncio.sleep_ms(1); lock.release(); }
  finally { console.log(name, "exits"); }
}
async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  await lock.acquire();
  const w1 = asyncio.create_task(waiter("w1", lock));
  asyncio.create_task(waiter("w2", lock));
  await asyncio.sleep_ms(1);
  lock.release();
  w1.cancel();
  await asyncio.sleep_ms(10);
  console.log("locked", lock.locked());
}
asyncio.run(main());
`,
  ),

  // --- ThreadSafeFlag -------------------------------------------------------------------
  p(
    "ThreadSafeFlag set from a Timer callback wakes the waiter",
    `
import { Timer } from "tsmp/machine";
async function main(): Promise<void> {
  const flag = new asyncio.ThreadSafeFlag();
  const timer = new Timer(-1, { mode: Timer.ONE_SHOT, period: 30, callback: (t) => flag.set() });
  console.log("waiting");
  await flag.wait();
  console.log("flag set");
  timer.deinit();
}
asyncio.run(main());
`,
  ),
  p(
    "ThreadSafeFlag set before wait, and wait clears it",
    `
async function main(): Promise<void> {
  const flag = new asyncio.ThreadSafeFlag();
  flag.set();
  await flag.wait();
  console.log("first wait returned");
  try { await asyncio.wait_for_ms(flag.wait(), 10); } catch (e) { if (e instanceof asyncio.TimeoutError) console.log("cleared: second wait timed out"); }
}
asyncio.run(main());
`,
  ),
  p(
    "ThreadSafeFlag.clear",
    `
async function main(): Promise<void> {
  const flag = new asyncio.ThreadSafeFlag();
  flag.set();
  flag.clear();
  try { await asyncio.wait_for_ms(flag.wait(), 10); } catch (e) { if (e instanceof asyncio.TimeoutError) console.log("timed out"); }
}
asyncio.run(main());
`,
  ),

  // --- Loop -----------------------------------------------------------------------------
  p(
    "loop.run_until_complete at top level",
    `
async function main(): Promise<number> { await asyncio.sleep_ms(3); console.log("main ran"); return 5; }
const loop = asyncio.get_event_loop();
const v = loop.run_until_complete(main());
console.log("returned", v);
`,
  ),
  p(
    "loop.create_task with run_forever and stop",
    `
const loop = asyncio.get_event_loop();
async function worker(): Promise<void> {
  for (let i = 0; i < 3; i++) { console.log("working", i); await asyncio.sleep_ms(10); }
  loop.stop();
}
loop.create_task(worker());
loop.run_forever();
console.log("loop stopped");
`,
  ),
  p(
    "set_exception_handler sees an unretrieved task exception",
    `
const loop = asyncio.get_event_loop();
loop.set_exception_handler((l, context) => { console.log("handler:", context["message"]); });
async function fail(): Promise<void> { throw new Error("lost"); }
async function main(): Promise<void> { asyncio.create_task(fail()); await asyncio.sleep_ms(10); console.log("main done"); }
asyncio.run(main());
`,
  ),
  p(
    "get_exception_handler returns the handler",
    `
const loop = asyncio.get_event_loop();
const handler = (l: asyncio.Loop, context: asyncio.ExceptionContext): void => { console.log("handled"); };
console.log(loop.get_exception_handler() === undefined);
loop.set_exception_handler(handler);
console.log(loop.get_exception_handler() === handler);
loop.set_exception_handler(null);
console.log(loop.get_exception_handler() === undefined);
`,
  ),
  p(
    "an exception retrieved before the handler runs is not reported",
    `
const loop = asyncio.get_event_loop();
loop.set_exception_handler((l, context) => { console.log("handler called"); });
async function fail(): Promise<void> { throw new Error("retrieved"); }
async function main(): Promise<void> {
  const t = asyncio.create_task(fail());
  await asyncio.sleep(0);
  try { await t; } catch (e) { console.log("caught", (e as Error).message); }
  await asyncio.sleep_ms(5);
}
asyncio.run(main());
`,
  ),
  p(
    "a custom handler can call the default one (with the loop, as MicroPython's code takes it)",
    `
const loop = asyncio.get_event_loop();
loop.set_exception_handler((l, context) => { console.log("custom first"); l.default_exception_handler(l, context); console.log("after default"); });
async function fail(): Promise<void> { throw new Error("lost"); }
async function main(): Promise<void> { asyncio.create_task(fail()); await asyncio.sleep_ms(10); console.log("main done"); }
asyncio.run(main());
`,
  ),
  p(
    "call_exception_handler with a context",
    `
const loop = asyncio.get_event_loop();
loop.set_exception_handler((l, context) => { console.log("message:", context["message"]); });
async function main(): Promise<void> {
  loop.call_exception_handler({ message: "custom", exception: new Error("x"), future: asyncio.current_task() });
}
asyncio.run(main());
`,
  ),
  p(
    "new_event_loop drops queued tasks",
    `
async function never(): Promise<void> { console.log("never"); }
async function main(): Promise<void> { console.log("main"); }
asyncio.create_task(never());
asyncio.new_event_loop();
asyncio.run(main());
`,
  ),
  p(
    "loop.close does nothing harmful",
    `
async function main(): Promise<void> { console.log("ran"); }
const loop = asyncio.get_event_loop();
loop.run_until_complete(main());
loop.close();
console.log("closed");
`,
  ),

  // --- time and hardware within tasks --------------------------------------------------
  p(
    "time.ticks on the board clock inside tasks",
    `
import * as time from "tsmp/time";
async function main(): Promise<void> {
  const start = time.ticks_ms();
  await asyncio.sleep_ms(120);
  console.log("elapsed", time.ticks_diff(time.ticks_ms(), start));
  console.log(time.ticks_diff(time.ticks_add(start, 50), start));
}
asyncio.run(main());
`,
  ),
  p(
    "a blocking time.sleep_ms holds up every task",
    `
import * as time from "tsmp/time";
async function other(): Promise<void> { console.log("other at", time.ticks_diff(time.ticks_ms(), t0)); }
const t0 = time.ticks_ms();
async function main(): Promise<void> {
  asyncio.create_task(other());
  time.sleep_ms(50);
  await asyncio.sleep(0);
  console.log("main at", time.ticks_diff(time.ticks_ms(), t0));
}
asyncio.run(main());
`,
  ),
  p(
    "pins driven by tasks read back",
    `
import { Pin } from "tsmp/machine";
async function main(): Promise<void> {
  const led = new Pin(2, Pin.OUT);
  console.log(led.value());
  led.on();
  console.log(led.value());
  led.toggle();
  console.log(led.value());
  led.value(1);
  await asyncio.sleep_ms(5);
  console.log(led.value());
}
asyncio.run(main());
`,
  ),
  p(
    "Timer callback and a task share the clock",
    `
import { Timer } from "tsmp/machine";
let ticks = 0;
async function main(): Promise<void> {
  const timer = new Timer(-1, { period: 10, mode: Timer.PERIODIC, callback: (t) => { ticks += 1; } });
  await asyncio.sleep_ms(55);
  timer.deinit();
  console.log("timer fired", ticks);
}
asyncio.run(main());
`,
  ),
  p(
    "micropython.schedule runs soon, outside the caller",
    `
import * as micropython from "tsmp/micropython";
async function main(): Promise<void> {
  micropython.schedule((n: number) => console.log("scheduled", n), 7);
  console.log("after schedule");
  await asyncio.sleep_ms(1);
  console.log("main done");
}
asyncio.run(main());
`,
  ),
  // --- edge cases of ordering -------------------------------------------------------------
  p(
    "an Event set and cleared before its waiter runs still wakes it",
    `
async function waiter(ev: asyncio.Event): Promise<void> { const r = await ev.wait(); console.log("woke with", r, "is_set", ev.is_set()); }
async function main(): Promise<void> {
  const ev = new asyncio.Event();
  asyncio.create_task(waiter(ev));
  await asyncio.sleep_ms(1);
  ev.set();
  ev.clear();
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`,
  ),
  p(
    "wait_for: the awaitable finishes exactly when the timeout expires",
    `
async function work(): Promise<string> { await asyncio.sleep_ms(20); return "made it"; }
async function main(): Promise<void> {
  try { console.log(await asyncio.wait_for_ms(work(), 20)); }
  catch (e) { if (e instanceof asyncio.TimeoutError) console.log("timed out"); }
}
asyncio.run(main());
`,
  ),
  p(
    "a task created during a pass runs after the tasks already due",
    `
async function late(): Promise<void> { console.log("late"); }
async function early(name: string): Promise<void> { await asyncio.sleep_ms(5); console.log(name); if (name === "a") asyncio.create_task(late()); }
async function main(): Promise<void> {
  asyncio.create_task(early("a"));
  asyncio.create_task(early("b"));
  await asyncio.sleep_ms(5);
  console.log("main");
  await asyncio.sleep_ms(1);
}
asyncio.run(main());
`,
  ),
  p(
    "gather of a task another task already awaits raises RuntimeError",
    `
async function slow(): Promise<void> { await asyncio.sleep_ms(10); }
async function waiter(t: asyncio.Task<void>): Promise<void> { await t; console.log("waiter done"); }
async function main(): Promise<void> {
  const t = asyncio.create_task(slow());
  asyncio.create_task(waiter(t));
  await asyncio.sleep_ms(1);
  try { await asyncio.gather(t); } catch (e) { console.log("RuntimeError", (e as Error).message); }
  await asyncio.sleep_ms(20);
}
asyncio.run(main());
`,
  ),
  p(
    "a chain of tasks each creating the next",
    `
async function link(n: number): Promise<void> {
  console.log("link", n);
  if (n < 4) asyncio.create_task(link(n + 1));
  await asyncio.sleep(0);
  console.log("link", n, "after yield");
}
async function main(): Promise<void> { asyncio.create_task(link(0)); await asyncio.sleep_ms(1); }
asyncio.run(main());
`,
  ),
  p(
    "a producer and consumer share a list under a Lock and an Event",
    `
const items: number[] = [];
async function producer(lock: asyncio.Lock, ready: asyncio.Event): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await lock.acquire();
    items.push(i);
    console.log("produced", i);
    lock.release();
    ready.set();
    await asyncio.sleep_ms(3);
  }
}
async function consumer(lock: asyncio.Lock, ready: asyncio.Event): Promise<void> {
  let seen = 0;
  while (seen < 4) {
    await ready.wait();
    ready.clear();
    await lock.acquire();
    while (items.length > 0) { console.log("consumed", items.pop()); seen += 1; }
    lock.release();
  }
}
async function main(): Promise<void> {
  const lock = new asyncio.Lock();
  const ready = new asyncio.Event();
  await asyncio.gather(producer(lock, ready), consumer(lock, ready));
  console.log("all done");
}
asyncio.run(main());
`,
  ),
  // A JavaScript promise handed to gather, create_task or wait_for is awaited by a coroutine
  // (MicroPython's asyncio takes only coroutines and tasks; the shim's task never parked on it).
  p(
    "promises handed to gather, create_task and wait_for",
    `
async function slow(ms: number, v: string): Promise<string> { await asyncio.sleep_ms(ms); return v; }
async function main(): Promise<void> {
  const results = await asyncio.gather(slow(1, "x"), Promise.resolve("y"), (async () => { throw new RangeError("r"); })(), { return_exceptions: true });
  console.log(results.map((r) => (r instanceof Error ? r.name : r)));
  const t = asyncio.create_task(new Promise<number>((res) => res(5)));
  console.log(await t, await asyncio.wait_for_ms(Promise.resolve(7), 100));
  const both = Promise.all([slow(2, "a"), slow(1, "b")]);
  console.log(await asyncio.gather(both, slow(1, "c")));
}
asyncio.run(main());
`,
  ),
];
