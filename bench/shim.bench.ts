/**
 * Runtime-shim benchmark: scheduler throughput (1,000 tasks ping-ponging on asyncio Events)
 * against the same program on Node's native Promises, and the virtual clock's speed-up on
 * the blink template. Run: `npx tsx bench/shim.bench.ts`.
 *
 * Throughput is measured in CPU time (the process's user + system, so V8's GC threads count):
 * on a shared machine a run's wall time measures the wait for a core as much as the work.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { coroutine } from "../src/runtime-shim/coroutine.js";
import * as asyncio from "../src/runtime-shim/asyncio.js";
import { resetRuntime } from "../src/runtime-shim/runtime.js";
import { runOnNode } from "../src/run/node/run-on-node.js";
import { machineLine, writeResultsSection } from "./results-file.js";

const TASKS = 1000;
const ROUNDS = 200;
/** Each round, every task is woken once: one task switch. */
const SWITCHES = TASKS * ROUNDS;

/** CPU milliseconds (user + system) the process spent since `start`. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Pairs of tasks hand a token back and forth through two Events (the shim's asyncio). */
async function shimPingPong(): Promise<number> {
  const rt = resetRuntime();
  const player = (mine: asyncio.Event, theirs: asyncio.Event) =>
    coroutine(async () => {
      for (let i = 0; i < ROUNDS; i++) {
        await mine.wait();
        mine.clear();
        theirs.set();
      }
    });
  const main = coroutine(async () => {
    const tasks: asyncio.Task<void>[] = [];
    for (let pair = 0; pair < TASKS / 2; pair++) {
      const a = new asyncio.Event();
      const b = new asyncio.Event();
      tasks.push(asyncio.create_task(player(a, b)), asyncio.create_task(player(b, a)));
      a.set();
    }
    for (const task of tasks) await task;
  });
  const started = process.cpuUsage();
  await rt.scheduler.runUntilComplete(rt.scheduler.createTask(main));
  return cpuMsSince(started);
}

/** The same program with a minimal Promise-based event, on Node's own microtask queue. */
async function nativePingPong(): Promise<number> {
  class NativeEvent {
    private state = false;
    private waiters: Array<() => void> = [];
    set(): void {
      this.state = true;
      for (const wake of this.waiters.splice(0)) wake();
    }
    clear(): void {
      this.state = false;
    }
    wait(): Promise<void> {
      return this.state ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
    }
  }
  const player = async (mine: NativeEvent, theirs: NativeEvent) => {
    for (let i = 0; i < ROUNDS; i++) {
      await mine.wait();
      mine.clear();
      theirs.set();
    }
  };
  const started = process.cpuUsage();
  const players: Promise<void>[] = [];
  for (let pair = 0; pair < TASKS / 2; pair++) {
    const a = new NativeEvent();
    const b = new NativeEvent();
    players.push(player(a, b), player(b, a));
    a.set();
  }
  await Promise.all(players);
  return cpuMsSince(started);
}

async function runBlink(realtime: boolean): Promise<number> {
  const blink = fileURLToPath(new URL("../templates/blink", import.meta.url));
  const started = performance.now();
  const code = await runOnNode(blink, { realtime, stdout: () => {}, stderr: () => {} });
  if (code !== 0) throw new Error(`blink exited ${code}`);
  return performance.now() - started;
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(", ");
}

const loadAtStart = loadAverage();
const best = (values: number[]) => Math.min(...values);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const RUNS = 11;
const shimRuns: number[] = [];
const nativeRuns: number[] = [];
// Interleaved, so both sides see the same machine load; the median resists outliers (GC, a busy core).
for (let i = 0; i < RUNS; i++) {
  shimRuns.push(await shimPingPong());
  nativeRuns.push(await nativePingPong());
}
const shimMs = median(shimRuns);
const nativeMs = median(nativeRuns);
const shimRate = SWITCHES / (shimMs / 1000);
const nativeRate = SWITCHES / (nativeMs / 1000);

const virtualRuns: number[] = [];
for (let i = 0; i < 3; i++) virtualRuns.push(await runBlink(false));
const virtualMs = best(virtualRuns);
const realtimeMs = await runBlink(true);

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const markdown = `
## Runtime shim

\`npx tsx bench/shim.bench.ts\` — ${machineLine()}; load average ${loadAtStart} at the start; throughput: median CPU time (user + system) of ${RUNS} interleaved runs; virtual clock: best of 3.

**Scheduler throughput**: ${TASKS} tasks in pairs hand a token back and forth through two asyncio Events, ${ROUNDS} rounds (${fmt(SWITCHES)} task switches).

| implementation | CPU time | task switches per CPU second |
|---|---:|---:|
| tsmp shim (MicroPython-ordered scheduler, one task step at a time) | ${shimMs.toFixed(0)} ms | ${fmt(shimRate)} |
| Node native Promises (same program, minimal Promise-based Event) | ${nativeMs.toFixed(0)} ms | ${fmt(nativeRate)} |

The shim runs at **${(shimRate / nativeRate).toFixed(2)}×** the native switch rate (it pays for MicroPython's ordering: a run queue, one step at a time, each step ending on a signal). Each switch resumes the woken task in one microtask, as native promises do: \`ev.wait()\` and \`sleep_ms()\` are native promises that check their primitive when first used (src/runtime-shim/first-use-promise.ts).

**Virtual clock**: the blink template (10 s of board time) run through \`runOnNode\`, including compiling the program.

| clock | wall time |
|---|---:|
| virtual (default) | ${virtualMs.toFixed(0)} ms |
| real time (\`--realtime\`, one run) | ${realtimeMs.toFixed(0)} ms |

Speed-up of the virtual clock: **${(realtimeMs / virtualMs).toFixed(0)}×** (${(10_000 / virtualMs).toFixed(0)}× board time per wall time).
`;
writeResultsSection("shim", markdown);
process.stdout.write(markdown);
