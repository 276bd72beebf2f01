import { performance } from "node:perf_hooks";
import { packagePath } from "../src/package-paths.js";
import { runOnNode } from "../src/run/node/run-on-node.js";
import type { BoardClockMode } from "../src/vm/board-clock.js";
import type { OutputChange } from "../src/vm/board-modules.js";
import { runEmittedProgram } from "../src/run/micropython/run-emitted-program.js";
import { transpileProject } from "../src/transpile/index.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// The blink template (10 s of board time) on the host MicroPython VM: how fast the virtual clock
// gets through it next to the Node shim, and what the wall-clock mode costs in CPU and lateness.
const blink = packagePath("templates", "blink");
const transpileStart = performance.now();
const program = transpileProject(blink);
const transpileMs = performance.now() - transpileStart;
if (!program.entry) throw new Error("the blink template has no entry module");
const emitted = { files: program.files, entry: program.entry };
const quiet = () => {};
const RUNS = 5;

async function onVm(clock: BoardClockMode) {
  const changes: OutputChange[] = [];
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await runEmittedProgram(emitted, { stdout: quiet, stderr: quiet, clock, onOutput: (change) => changes.push(change) });
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, changes };
}

async function onShim() {
  const start = performance.now();
  await runOnNode(blink, { stdout: quiet, stderr: quiet });
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// One warm-up each, then alternate so both see the same machine load.
await onVm("virtual");
await onShim();
const vmMs: number[] = [];
const shimMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  vmMs.push((await onVm("virtual")).wallMs);
  shimMs.push(await onShim());
}
const virtualVm = median(vmMs);
const shim = median(shimMs);

// On the wall clock each LED edge should come 5 ms / the period after the previous one; how late
// the VM is shows in the edges' times against the ideal timeline of the virtual run.
const ideal = (await onVm("virtual")).changes;
const realtime = await onVm("realtime");
const lateness = realtime.changes.map((change, index) => change.timeMs - (ideal[index]?.timeMs ?? change.timeMs));
const worstLateMs = Math.max(...lateness);
const meanLateMs = lateness.reduce((sum, late) => sum + late, 0) / lateness.length;
const boardMs = 10_000;

const fmt = (value: number, digits = 0) => value.toFixed(digits);
writeResultsSection(
  "host-target",
  `## Host MicroPython target: blink template on the VM

\`npx tsx bench/host-target.bench.ts\` · ${machineLine()} · median of ${RUNS} alternating runs

| run | wall time | board time / wall time |
| --- | ---: | ---: |
| VM, \`--virtual-clock\` (fresh VM per run; transpiled once before, ${fmt(transpileMs)} ms) | ${fmt(virtualVm)} ms | ${fmt(boardMs / virtualVm)}× |
| Node shim, virtual clock (compile + run) | ${fmt(shim)} ms | ${fmt(boardMs / shim)}× |
| VM, wall clock (\`tsmp run\`'s default) | ${fmt(realtime.wallMs)} ms | ${fmt(boardMs / realtime.wallMs, 2)}× |

- VM ÷ shim on the virtual clock, same run: ${fmt(virtualVm / shim, 2)}.
- Wall-clock run: ${fmt(realtime.cpuMs)} ms of CPU for ${fmt(realtime.wallMs)} ms (${fmt((100 * realtime.cpuMs) / realtime.wallMs, 1)} %), since waits block on \`Atomics.wait\` instead of spinning as the VM's own \`time.sleep_ms\` does.
- Wall-clock run, against the virtual run's ideal timeline (${realtime.changes.length} edges vs ${ideal.length}): edges came ${fmt(meanLateMs, 1)} ms late on average, ${fmt(worstLateMs, 1)} ms at worst. Lateness adds up over the run because each task's next sleep starts when it resumes, as on a board; here every wake-up costs the VM's latency on a shared, loaded machine.
`,
);
process.stderr.write(
  `transpile ${fmt(transpileMs)} ms, virtual VM ${fmt(virtualVm)} ms, shim ${fmt(shim)} ms, realtime ${fmt(realtime.wallMs)} ms (${fmt(realtime.cpuMs)} ms CPU), late ${fmt(meanLateMs, 1)}/${fmt(worstLateMs, 1)} ms\n`,
);
