import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTranspiler, formatDiagnostic } from "../src/transpile/index.js";
import { findPeer, loadLine } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// Emitted against hand-written Python on native unix MicroPython (the port closest to a board's
// VM that runs on this machine): whole-process time, start-up included, and the smallest heap
// each program runs in (`-X heapsize=` bisection), side by side in one run. The helper module
// `_tsmp.py` is measured on its own too: what importing it costs in time and heap.
const programs = ["string-building", "array-pipeline", "integer-math", "classes", "closures", "nullable"];
const runs = Number(process.env.TSMP_BENCH_RUNS ?? 15);
const programDir = fileURLToPath(new URL("./programs/", import.meta.url));

function runOnce(micropython: string, dir: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(micropython, args, { cwd: dir, encoding: "utf8" });
  return { ok: result.status === 0, output: result.stdout };
}

/** Smallest `-X heapsize` (to 64 bytes) at which the program still prints what it should. */
function minimumHeap(micropython: string, dir: string, args: string[], expected: string): number {
  let low = 512;
  let high = 4 * 1024 * 1024;
  if (runOnce(micropython, dir, ["-X", `heapsize=${high}`, ...args]).output !== expected)
    throw new Error(`${dir}: fails even with ${high} bytes of heap`);
  while (high - low > 64) {
    const middle = Math.floor((low + high) / 2 / 64) * 64;
    const run = runOnce(micropython, dir, ["-X", `heapsize=${middle}`, ...args]);
    if (run.ok && run.output === expected) high = middle;
    else low = middle;
  }
  return high;
}

/** Runs per timed block: bash's `times` reports children's CPU to the millisecond, so a block averages several runs. */
const runsPerBlock = 5;

/**
 * CPU time (user + system, ms) of one run, averaged over a block of runs in one shell. CPU time
 * rather than wall time: on a shared machine a 3 ms process waits longer for a core than it runs.
 */
function cpuMsPerRun(micropython: string, dir: string, args: string[]): number {
  const script = `for i in $(seq ${runsPerBlock}); do "$0" "$@" >/dev/null || exit 1; done; times`;
  const result = spawnSync("bash", ["-c", script, micropython, ...args], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${dir}: micropython ${args.join(" ")} failed`);
  // `times` prints the shell's own user and system time, then its children's: "0m0.045s 0m0.012s".
  const children = result.stdout.trim().split("\n").at(-1) ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, match) => sum + Number(match[1]) * 60 + Number(match[2]), 0);
  return (seconds * 1000) / runsPerBlock;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const micropython = findPeer("micropython", "the native MicroPython race (emitted vs hand-written Python)");
if (micropython) {
  const root = mkdtempSync(join(tmpdir(), "tsmp-native-race-"));
  try {
    const transpiler = createTranspiler({ sourceMaps: false });
    const rows: string[] = [];
    const importRows: string[] = [];
    let worstTime = 0;
    let worstHeap = 0;
    const empty = join(root, "empty");
    mkdirSync(empty);
    for (const name of programs) {
      const result = transpiler.transpileSource(readFileSync(`${programDir}${name}.ts`, "utf8"));
      if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
      const emittedDir = join(root, name, "emitted");
      const handDir = join(root, name, "hand");
      mkdirSync(emittedDir, { recursive: true });
      mkdirSync(handDir, { recursive: true });
      for (const file of result.files) writeFileSync(join(emittedDir, file.path), file.text);
      writeFileSync(join(handDir, "main.py"), readFileSync(`${programDir}${name}.py`, "utf8"));
      const expected = runOnce(micropython, handDir, ["main.py"]).output;
      const emittedOutput = runOnce(micropython, emittedDir, ["main.py"]).output;
      if (emittedOutput !== expected)
        throw new Error(`${name}: outputs differ\n--- emitted\n${emittedOutput}--- hand-written\n${expected}`);
      const emittedMs: number[] = [];
      const handMs: number[] = [];
      // Alternating, so that a change in the machine's load hits both alike.
      for (let run = 0; run < runs; run++) {
        emittedMs.push(cpuMsPerRun(micropython, emittedDir, ["main.py"]));
        handMs.push(cpuMsPerRun(micropython, handDir, ["main.py"]));
      }
      const emittedHeap = minimumHeap(micropython, emittedDir, ["main.py"], expected);
      const handHeap = minimumHeap(micropython, handDir, ["main.py"], expected);
      const time = median(emittedMs) / median(handMs);
      const heap = emittedHeap / handHeap;
      worstTime = Math.max(worstTime, time);
      worstHeap = Math.max(worstHeap, heap);
      rows.push(
        `| ${name} | ${median(emittedMs).toFixed(1)} | ${median(handMs).toFixed(1)} | **${time.toFixed(2)}×** | ` +
          `${(emittedHeap / 1024).toFixed(1)} | ${(handHeap / 1024).toFixed(1)} | **${heap.toFixed(2)}×** |`,
      );
      process.stderr.write(`${name}: time ${time.toFixed(2)}×, heap ${heap.toFixed(2)}×\n`);
      // The helper module alone: a program that only imports it, against one that does nothing.
      const helpers = result.files.find((file) => file.path === "_tsmp.py");
      if (helpers) {
        const importMs: number[] = [];
        const nothingMs: number[] = [];
        for (let run = 0; run < runs; run++) {
          importMs.push(cpuMsPerRun(micropython, emittedDir, ["-c", "import _tsmp"]));
          nothingMs.push(cpuMsPerRun(micropython, empty, ["-c", "pass"]));
        }
        const importHeap = minimumHeap(micropython, emittedDir, ["-c", "import _tsmp;print(1)"], "1\n");
        const nothingHeap = minimumHeap(micropython, empty, ["-c", "print(1)"], "1\n");
        importRows.push(
          `| ${name} | ${Buffer.byteLength(helpers.text)} | ${(median(importMs) - median(nothingMs)).toFixed(1)} ms | ${((importHeap - nothingHeap) / 1024).toFixed(1)} KiB |`,
        );
      }
    }
    const version = spawnSync(micropython, ["-c", "import sys; print(sys.version)"], { encoding: "utf8" }).stdout.trim();
    const markdown = `## race: emitted vs hand-written Python on native MicroPython

\`npx tsx bench/native-micropython.bench.ts\` (${machineLine()}, ${loadLine(cpus().length)} at the end; unix MicroPython ${version}, standard build).
Programs in \`bench/programs/\`: \`<name>.ts\` transpiled by tsmp (its \`main.py\` and helper modules in one folder: \`_tsmp.py\`, and
\`_tsmp_float_str.py\`, which \`num_str\` imports only when it meets a float) against \`<name>.py\` written by hand; both print the same.
Time: CPU time (user + system) of the whole \`micropython main.py\` process, start-up and compiling the sources included: median of ${runs}
alternating blocks, each the mean of ${runsPerBlock} runs in one shell (bash's \`times\`). CPU rather than wall time: on a shared machine a
process of a few milliseconds waits for a core longer than it runs, and wall-time ratios swing by ±0.5.
Heap: the smallest \`-X heapsize=\` (to 64 bytes) at which the program still prints the same. Target: ≤ 1.2× time and heap.

| program | emitted CPU ms | hand CPU ms | time | emitted min heap KiB | hand min heap KiB | heap |
|---|---|---|---|---|---|---|
${rows.join("\n")}

Worst ratios: time ${worstTime.toFixed(2)}×, heap ${worstHeap.toFixed(2)}×.

The helper module on its own (\`micropython -c "import _tsmp"\` less \`-c pass\`, CPU time, median of ${runs} blocks; heap = difference of the minimum heaps):

| program | _tsmp.py bytes | import time | import heap |
|---|---|---|---|
${importRows.join("\n")}
`;
    writeResultsSection("race-native-micropython", markdown);
    process.stdout.write(markdown);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.exit(0);
