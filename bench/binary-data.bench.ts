import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTranspiler, formatDiagnostic, type TranspileResult } from "../src/transpile/index.js";
import { MicroPythonVm } from "../src/vm/micropython-vm.js";
import { findPeer, loadLine } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// Byte work as firmware does it, emitted by tsmp against the same programs written by hand in
// MicroPython (bytearray, struct): time and the smallest heap each runs in, on the MicroPython
// VM tsmp tests with (WebAssembly, in this process) and on native unix MicroPython when it is
// installed. Target: ≤ 1.2× time and heap.
const programs = ["crc16", "dataview-frames", "hex-dump", "ring-buffer"];
const runs = Number(process.env.TSMP_BENCH_RUNS ?? 5);
const programDir = fileURLToPath(new URL("./programs/binary/", import.meta.url));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Program {
  name: string;
  emitted: Record<string, string>;
  hand: Record<string, string>;
}

function transpile(name: string): Program {
  const transpiler = createTranspiler({ sourceMaps: false });
  const result: TranspileResult = transpiler.transpileSource(readFileSync(`${programDir}${name}.ts`, "utf8"));
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
  return {
    name,
    emitted: Object.fromEntries(result.files.map((file) => [file.path, file.text])),
    hand: { "main.py": readFileSync(`${programDir}${name}.py`, "utf8") },
  };
}

/** One run on a fresh VM: what it printed and how long main.py took, or undefined when it failed. */
async function runOnVm(files: Record<string, string>, heapSize: number): Promise<{ output: string; ms: number } | undefined> {
  let output = "";
  const vm = await MicroPythonVm.load({ heapSize, stdout: (text) => (output += text) });
  for (const [path, text] of Object.entries(files)) if (path !== "main.py") vm.writeFile(`/${path}`, text);
  const started = process.cpuUsage();
  try {
    vm.exec(files["main.py"]!);
  } catch {
    return undefined;
  }
  return { output, ms: cpuMs(process.cpuUsage(started)) };
}

// CPU time, not wall time: on a machine shared by several busy processes the wall clock
// mostly measures waiting for a core.
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** One run of native MicroPython: what it printed and the CPU time of its process (bash's `time`, from getrusage). */
function runNative(micropython: string, dir: string, heap?: number): { ok: boolean; output: string; ms: number } {
  const args = [...(heap ? ["-X", `heapsize=${heap}`] : []), "main.py"];
  const result = spawnSync("bash", ["-c", 'TIMEFORMAT="%3U %3S"; time "$0" "$@"', micropython, ...args], { cwd: dir, encoding: "utf8" });
  const times = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr);
  const ms = times ? (Number(times[1]) + Number(times[2])) * 1000 : NaN;
  return { ok: result.status === 0, output: result.stdout, ms };
}

function minimumNativeHeap(micropython: string, dir: string, expected: string): number {
  let low = 1024;
  let high = 4 * 1024 * 1024;
  while (high - low > 64) {
    const middle = Math.floor((low + high) / 2 / 64) * 64;
    const run = runNative(micropython, dir, middle);
    if (run.ok && run.output === expected) high = middle;
    else low = middle;
  }
  return high;
}

const row = (name: string, emittedMs: number, handMs: number, emittedHeap: number, handHeap: number) =>
  `| ${name} | ${emittedMs.toFixed(0)} | ${handMs.toFixed(0)} | **${(emittedMs / handMs).toFixed(2)}×** | ` +
  `${(emittedHeap / 1024).toFixed(1)} | ${(handHeap / 1024).toFixed(1)} | **${(emittedHeap / handHeap).toFixed(2)}×** |`;

const header = `| program | emitted ms | hand ms | time | emitted min heap KiB | hand min heap KiB | heap |
|---|---|---|---|---|---|---|`;

const compiled = programs.map(transpile);
const vmRows: string[] = [];
for (const program of compiled) {
  const expected = (await runOnVm(program.hand, 4 * 1024 * 1024))!.output;
  const emittedMs: number[] = [];
  const handMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const emitted = await runOnVm(program.emitted, 4 * 1024 * 1024);
    if (emitted?.output !== expected) throw new Error(`${program.name}: emitted printed ${emitted?.output}, hand-written ${expected}`);
    emittedMs.push(emitted.ms);
    handMs.push((await runOnVm(program.hand, 4 * 1024 * 1024))!.ms);
  }
  const time = median(emittedMs) / median(handMs);
  vmRows.push(`| ${program.name} | ${median(emittedMs).toFixed(0)} | ${median(handMs).toFixed(0)} | **${time.toFixed(2)}×** |`);
  process.stderr.write(`vm ${vmRows.at(-1)}\n`);
}

const nativeRows: string[] = [];
const micropython = findPeer("micropython", "binary data on native MicroPython");
let version = "";
if (micropython) {
  const root = mkdtempSync(join(tmpdir(), "tsmp-binary-bench-"));
  try {
    version = spawnSync(micropython, ["-c", "import sys; print(sys.version)"], { encoding: "utf8" }).stdout.trim();
    for (const program of compiled) {
      const dirs = { emitted: join(root, program.name, "emitted"), hand: join(root, program.name, "hand") };
      for (const side of ["emitted", "hand"] as const) {
        mkdirSync(dirs[side], { recursive: true });
        for (const [path, text] of Object.entries(program[side])) writeFileSync(join(dirs[side], path), text);
      }
      const expected = runNative(micropython, dirs.hand).output;
      if (runNative(micropython, dirs.emitted).output !== expected)
        throw new Error(`${program.name}: outputs differ on native MicroPython`);
      const emittedMs: number[] = [];
      const handMs: number[] = [];
      for (let run = 0; run < runs; run++) {
        emittedMs.push(runNative(micropython, dirs.emitted).ms);
        handMs.push(runNative(micropython, dirs.hand).ms);
      }
      const emittedHeap = minimumNativeHeap(micropython, dirs.emitted, expected);
      const handHeap = minimumNativeHeap(micropython, dirs.hand, expected);
      nativeRows.push(row(program.name, median(emittedMs), median(handMs), emittedHeap, handHeap));
      process.stderr.write(`native ${nativeRows.at(-1)}\n`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const markdown = `## binary data: emitted vs hand-written byte work

\`npx tsx bench/binary-data.bench.ts\` (${machineLine()}, ${loadLine(cpus().length)} at the end).
Programs in \`bench/programs/binary/\`: \`<name>.ts\` transpiled by tsmp against \`<name>.py\` written by hand
(\`bytearray\`, \`struct\`); both print the same. CRC-16/CCITT over 64 KiB, 10,000 12-byte frames read with
\`DataView\`, a hex dump of 4 KiB, 200,000 bytes through a 256-byte ring buffer.
Time: CPU time (user + system, not wall time: the machine is shared) running \`main.py\`, median of ${runs} alternating
runs; in this process for the VM, of the whole process (getrusage through bash's \`time\`) on native MicroPython.
Heap (native only): the smallest \`-X heapsize=\` (to 64 bytes) at which the program still prints the same. The
WebAssembly VM grows its heap on demand (every program "fits" in 4 KiB there), so it gives no minimum heap.
Target: ≤ 1.2× time and heap.

MicroPython VM (\`@micropython/micropython-webassembly-pyscript\`), time only:

| program | emitted ms | hand ms | time |
|---|---|---|---|
${vmRows.join("\n")}

${micropython ? `Native unix MicroPython ${version}:\n\n${header}\n${nativeRows.join("\n")}` : "Native unix MicroPython: not installed, skipped."}
`;
writeResultsSection("binary-data", markdown);
process.stdout.write(markdown);
process.exit(0);
