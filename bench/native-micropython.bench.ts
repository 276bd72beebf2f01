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
const programs = ["string-building", "array-pipeline", "integer-math", "classes", "closures"];
const runs = Number(process.env.TSMP_BENCH_RUNS ?? 15);
const programDir = fileURLToPath(new URL("./programs/", import.meta.url));

function runOnce(micropython: string, dir: string, args: string[]): { ok: boolean; output: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(micropython, args, { cwd: dir, encoding: "utf8" });
  const ms = performance.now() - started;
  return { ok: result.status === 0, output: result.stdout, ms };
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
        emittedMs.push(runOnce(micropython, emittedDir, ["main.py"]).ms);
        handMs.push(runOnce(micropython, handDir, ["main.py"]).ms);
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
          importMs.push(runOnce(micropython, emittedDir, ["-c", "import _tsmp"]).ms);
          nothingMs.push(runOnce(micropython, empty, ["-c", "pass"]).ms);
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
Programs in \`bench/programs/\`: \`<name>.ts\` transpiled by tsmp (its \`main.py\` and \`_tsmp.py\` in one folder) against \`<name>.py\` written by hand; both print the same.
Time: the whole \`micropython main.py\` process, start-up and compiling the sources included, median of ${runs} alternating runs.
Heap: the smallest \`-X heapsize=\` (to 64 bytes) at which the program still prints the same. Target: ≤ 1.2× time and heap.

| program | emitted ms | hand ms | time | emitted min heap KiB | hand min heap KiB | heap |
|---|---|---|---|---|---|---|
${rows.join("\n")}

Worst ratios: time ${worstTime.toFixed(2)}×, heap ${worstHeap.toFixed(2)}×.

The helper module on its own (\`micropython -c "import _tsmp"\` less \`-c pass\`, median of ${runs}; heap = difference of the minimum heaps):

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
