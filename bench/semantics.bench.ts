import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MicroPythonVm } from "../src/vm/micropython-vm.js";
import { createTranspiler, formatDiagnostic } from "../src/transpile/index.js";
import { machineLine, writeResultsSection } from "./results-file.js";

/**
 * Transpiled TypeScript vs hand-written idiomatic MicroPython, for five small programs, on the
 * MicroPython VM in the same run. Per program: median run time over several fresh VMs, heap
 * allocated during the run, and source size. Both versions must print the same.
 *
 * Heap: the VM grows its heap on demand (split heap), so a heap-size limit cannot reveal the
 * peak. Instead the run happens with the garbage collector disabled and gc.mem_alloc() is
 * read before and after: the bytes the program allocated, an upper bound of its peak live
 * heap and the pressure the collector would have to absorb on a board.
 */
const programs = ["string-building", "array-pipeline", "integer-math", "classes", "closures"];
const runs = Number(process.env.TSMP_BENCH_RUNS ?? 7);
const programDir = fileURLToPath(new URL("./programs/", import.meta.url));

interface Measurement {
  output: string;
  microseconds: number;
  allocatedBytes: number;
  importMicroseconds: number;
  importBytes: number;
}

// The helper module is imported (compiled) before the clock starts and measured on its own:
// it is a one-time start-up cost (and on a board it can be precompiled to .mpy).
const harness = (entry: string) => `
import gc, time
_code = compile(open(${JSON.stringify(entry)}).read(), ${JSON.stringify(entry)}, "exec")
gc.collect()
_import_start = time.ticks_us()
_import_before = gc.mem_alloc()
try:
    import _tsmp
except ImportError:
    pass
_import_us = time.ticks_diff(time.ticks_us(), _import_start)
_import_bytes = gc.mem_alloc() - _import_before
gc.collect()
gc.disable()
_before = gc.mem_alloc()
_start = time.ticks_us()
exec(_code, {"__name__": "__main__"})
_elapsed = time.ticks_diff(time.ticks_us(), _start)
_allocated = gc.mem_alloc() - _before
gc.enable()
print("@@bench", _elapsed, _allocated, _import_us, _import_bytes)
`;

async function measure(files: Record<string, string>): Promise<Measurement> {
  let output = "";
  const vm = await MicroPythonVm.load({ stdout: (text) => (output += text) });
  for (const [path, text] of Object.entries(files)) vm.writeFile(`/${path}`, text);
  vm.exec(harness("main.py"));
  const match = /@@bench (\d+) (\d+) (\d+) (\d+)\n$/.exec(output);
  if (!match) throw new Error(`no measurement in: ${output}`);
  return {
    output: output.slice(0, match.index),
    microseconds: Number(match[1]),
    allocatedBytes: Number(match[2]),
    importMicroseconds: Number(match[3]),
    importBytes: Number(match[4]),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const transpiler = createTranspiler({ sourceMaps: false });
const rows: string[] = [];
let worstTime = 0;
let worstHeap = 0;
for (const name of programs) {
  const typescript = readFileSync(`${programDir}${name}.ts`, "utf8");
  const handWritten = readFileSync(`${programDir}${name}.py`, "utf8");
  const result = transpiler.transpileSource(typescript);
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
  const emitted = Object.fromEntries(result.files.map((file) => [file.path, file.text]));
  const emittedBytes = result.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  const helperBytes = Buffer.byteLength(emitted["_tsmp.py"] ?? "");
  const times: { transpiled: number[]; hand: number[] } = { transpiled: [], hand: [] };
  let transpiledRun: Measurement | undefined;
  let handRun: Measurement | undefined;
  // Alternate the two versions so that drift in machine load hits both alike.
  for (let run = 0; run < runs; run += 1) {
    transpiledRun = await measure(emitted);
    handRun = await measure({ "main.py": handWritten });
    times.transpiled.push(transpiledRun.microseconds);
    times.hand.push(handRun.microseconds);
  }
  if (transpiledRun!.output !== handRun!.output) {
    throw new Error(`${name}: outputs differ\n--- transpiled\n${transpiledRun!.output}--- hand-written\n${handRun!.output}`);
  }
  const timeRatio = median(times.transpiled) / median(times.hand);
  const heapRatio = transpiledRun!.allocatedBytes / handRun!.allocatedBytes;
  const sizeRatio = emittedBytes / Buffer.byteLength(handWritten);
  worstTime = Math.max(worstTime, timeRatio);
  worstHeap = Math.max(worstHeap, heapRatio);
  rows.push(
    `| ${name} | ${(median(times.transpiled) / 1000).toFixed(1)} | ${(median(times.hand) / 1000).toFixed(1)} | **${timeRatio.toFixed(2)}×** | ` +
      `${(transpiledRun!.allocatedBytes / 1024).toFixed(1)} | ${(handRun!.allocatedBytes / 1024).toFixed(1)} | **${heapRatio.toFixed(2)}×** | ` +
      `${emittedBytes} (${helperBytes} helpers) | ${Buffer.byteLength(handWritten)} | ${sizeRatio.toFixed(2)}× | ` +
      `${(transpiledRun!.importMicroseconds / 1000).toFixed(1)} ms, ${(transpiledRun!.importBytes / 1024).toFixed(1)} KiB |`,
  );
  process.stderr.write(`${name}: time ${timeRatio.toFixed(2)}×, heap ${heapRatio.toFixed(2)}×, size ${sizeRatio.toFixed(2)}×\n`);
}

const markdown = `## Semantics: transpiled TypeScript vs hand-written MicroPython

\`npx tsx bench/semantics.bench.ts\` (${machineLine()}; MicroPython 1.27 WebAssembly VM; median of ${runs} runs per version, alternating, fresh VM each run).
Programs in \`bench/programs/\` (\`<name>.ts\` transpiled by tsmp, \`<name>.py\` written by hand); both print the same.
Heap = bytes allocated during the run with the GC disabled (\`gc.mem_alloc()\` delta): an upper bound of the peak live heap, since the VM's heap grows on demand and has no peak counter.
Time and heap exclude the one-time import of the helper module \`_tsmp\` (compiling its source), shown in the last column; on a board it can be precompiled (.mpy).
The machine is shared (2 cores, several engineers): run-to-run noise of the time ratio is about ±0.3 at these durations.
Target: ≤ 1.25× time and heap.

| program | transpiled ms | hand ms | time | transpiled KiB | hand KiB | heap | emitted bytes | hand bytes | size | _tsmp import |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Worst ratios: time ${worstTime.toFixed(2)}×, heap ${worstHeap.toFixed(2)}×.
`;
writeResultsSection("semantics", markdown);
process.stdout.write(markdown);
process.exit(0);
