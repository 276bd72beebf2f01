import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTranspiler, formatDiagnostic } from "../src/transpile/index.js";
import { findPeer } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// What tsmp's regular expressions (compiled when building, run by the re_run helper in Python)
// cost against MicroPython's own `re` (C) for a typical line parse, on native unix MicroPython:
// the same pattern, the same line, the groups taken out, timed inside one process with ticks_us.
const loops = 2000;
const cases: { name: string; line: string; pattern: string }[] = [
  {
    name: "NMEA sentence, 6 groups",
    line: "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47",
    pattern: String.raw`^\$GP(\w\w\w),(\d+),([\d.]+),([NS]),([\d.]+),([EW])`,
  },
  { name: "command, 2 groups", line: "set led 1", pattern: String.raw`^(\w+)\s+(\w+)` },
  { name: "key=value found mid-line", line: "uptime 5 mode=auto temp 21", pattern: String.raw`(\w+)=(\w+)` },
];
const runs = Number(process.env.TSMP_BENCH_RUNS ?? 5);

function tsmpProgram(line: string, pattern: string): string {
  return `import { ticks_us, ticks_diff } from "tsmp/time";
const line = ${JSON.stringify(line)};
const re = /${pattern}/;
let kept = 0;
const start = ticks_us();
for (let i = 0; i < ${loops}; i++) {
  const m = re.exec(line);
  if (m) kept += m.length;
}
console.log(ticks_diff(ticks_us(), start) / ${loops}, kept);
`;
}

function reProgram(line: string, pattern: string, groups: number): string {
  return `import re, time
line = ${JSON.stringify(line)}
rx = re.compile(${JSON.stringify(pattern)})
kept = 0
start = time.ticks_us()
for i in range(${loops}):
    m = rx.search(line)
    if m:
        kept += len([m.group(g) for g in range(${groups + 1})])
print(time.ticks_diff(time.ticks_us(), start) / ${loops}, kept)
`;
}

function microsecondsPerLine(micropython: string, dir: string, file: string): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const result = spawnSync(micropython, [file], { cwd: dir, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${file}: ${result.stderr}`);
    times.push(Number(result.stdout.split(" ")[0]));
  }
  // The fastest run: on a shared machine, every slower one measured other processes too.
  return Math.min(...times);
}

const micropython = findPeer("micropython", "regular expressions against MicroPython's re");
if (micropython) {
  const root = mkdtempSync(join(tmpdir(), "tsmp-regex-"));
  try {
    const transpiler = createTranspiler({ sourceMaps: false });
    const rows: string[] = [];
    for (const [index, { name, line, pattern }] of cases.entries()) {
      const dir = join(root, String(index));
      const result = transpiler.transpileSource(tsmpProgram(line, pattern));
      if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
      spawnSync("mkdir", ["-p", dir]);
      for (const file of result.files) writeFileSync(join(dir, file.path), file.text);
      const groups = new RegExp(pattern).exec(line)!.length - 1;
      writeFileSync(join(dir, "with_re.py"), reProgram(line, pattern, groups));
      const tsmp = microsecondsPerLine(micropython, dir, "main.py");
      const native = microsecondsPerLine(micropython, dir, "with_re.py");
      rows.push(`| ${name} | \`/${pattern}/\` | ${native.toFixed(1)} | ${tsmp.toFixed(1)} | **${(tsmp / native).toFixed(1)}×** |`);
      process.stderr.write(`${name}: re ${native.toFixed(1)} µs, tsmp ${tsmp.toFixed(1)} µs\n`);
    }
    writeResultsSection(
      "regex",
      `## Regular expressions: tsmp's matcher vs MicroPython's \`re\` on native MicroPython

\`npx tsx bench/regex.bench.ts\` (${machineLine()}). One line matched ${loops} times in one process, timed with
\`ticks_us\`, median of ${runs} processes: tsmp's \`re.exec(line)\` (the pattern compiled when building, run by
the \`re_run\` helper, JavaScript's semantics, the match array built) against MicroPython's \`re\` (C) searching
the same pattern and taking out the same groups with \`m.group(n)\`.

| line | pattern | \`re\` µs/line | tsmp µs/line | tsmp/\`re\` |
|---|---|---|---|---|
${rows.join("\n")}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
