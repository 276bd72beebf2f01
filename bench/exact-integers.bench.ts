import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTranspiler, formatDiagnostic } from "../src/transpile/index.js";
import { findPeer } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// What rounding integers past 2^53 as JavaScript does costs on native unix MicroPython: each
// program as emitted ("after") against the same emitted code with the inline range tests taken
// out ("before": Python's exact ints, what tsmp emitted until issue 16), side by side in one run.
const programDir = fileURLToPath(new URL("./programs/", import.meta.url));
const files = ["integer-math", "classes", "closures", "nullable", "binary/crc16"];
const hashLoops: Record<string, string> = {
  "fnv1a (>>> 0, rounded product)": `const text = "the quick brown fox jumps over the lazy dog ".repeat(400);
let total = 0;
for (let round = 0; round < 10; round++) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = ((h ^ text.charCodeAt(i)) * 16777619) >>> 0;
  total = (total + h) % 1000003;
}
console.log(total);`,
  "fnv1a (Math.imul, bounded)": `const text = "the quick brown fox jumps over the lazy dog ".repeat(400);
let total = 0;
for (let round = 0; round < 10; round++) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  total = (total + h) % 1000003;
}
console.log(total);`,
  "lcg (& 0x7fffffff)": `let seed = 12345;
let sum = 0;
for (let i = 0; i < 100000; i++) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  sum = (sum + (seed & 0xff)) & 0xffffff;
}
console.log(seed, sum);`,
};
const runs = Number(process.env.TSMP_BENCH_RUNS ?? 9);
const runsPerBlock = 3;

/** The emitted code without the range tests: `t if -2**53 <= (t := e) <= 2**53 else js_int(t)` back to `(e)`. */
export function withoutRounding(text: string): string {
  const head = /(exact_\d+) if -9007199254740992 <= \(\1 := /;
  for (let match = head.exec(text); match; match = head.exec(text)) {
    let depth = 1;
    let at = match.index + match[0].length;
    for (; depth > 0; at++) depth += text[at] === "(" ? 1 : text[at] === ")" ? -1 : 0;
    const tail = ` <= 9007199254740992 else js_int(${match[1]})`;
    if (!text.startsWith(tail, at)) throw new Error(`unexpected range test at ${match.index}`);
    text = `${text.slice(0, match.index)}(${text.slice(match.index + match[0].length, at - 1)})${text.slice(at + tail.length)}`;
  }
  return text;
}

function cpuMsPerRun(micropython: string, dir: string): number {
  const script = `for i in $(seq ${runsPerBlock}); do "$0" main.py >/dev/null || exit 1; done; times`;
  const result = spawnSync("bash", ["-c", script, micropython], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${dir}: micropython failed`);
  const children = result.stdout.trim().split("\n").at(-1) ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, match) => sum + Number(match[1]) * 60 + Number(match[2]), 0);
  return (seconds * 1000) / runsPerBlock;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const micropython = findPeer("micropython", "the cost of exact integers past 2^53");
if (micropython) {
  const root = mkdtempSync(join(tmpdir(), "tsmp-exact-integers-"));
  try {
    const transpiler = createTranspiler({ sourceMaps: false });
    const sources: [string, string][] = [
      ...files.map((name): [string, string] => [name, readFileSync(`${programDir}${name}.ts`, "utf8")]),
      ...Object.entries(hashLoops),
    ];
    const rows: string[] = [];
    for (const [index, [name, source]] of sources.entries()) {
      const result = transpiler.transpileSource(source);
      if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
      const main = result.files.find((file) => file.path === "main.py")!.text;
      const tests = (main.match(/else js_int\(/g) ?? []).length;
      const dirs = { before: join(root, `${index}-before`), after: join(root, `${index}-after`) };
      for (const [version, dir] of Object.entries(dirs)) {
        mkdirSync(dir, { recursive: true });
        for (const file of result.files)
          writeFileSync(join(dir, file.path), version === "before" && file.path === "main.py" ? withoutRounding(file.text) : file.text);
      }
      const outputs = Object.values(dirs).map((dir) => spawnSync(micropython, ["main.py"], { cwd: dir, encoding: "utf8" }).stdout);
      const times: { before: number[]; after: number[] } = { before: [], after: [] };
      for (let run = 0; run < runs; run += 1) {
        times.before.push(cpuMsPerRun(micropython, dirs.before));
        times.after.push(cpuMsPerRun(micropython, dirs.after));
      }
      const [before, after] = [median(times.before), median(times.after)];
      rows.push(
        `| ${name} | ${tests} | ${before.toFixed(1)} | ${after.toFixed(1)} | **${(after / before).toFixed(2)}×** | ${outputs[0] === outputs[1] ? "same" : "differs (before is wrong)"} |`,
      );
      process.stderr.write(`${name}: ${tests} tests, ${before.toFixed(1)} → ${after.toFixed(1)} ms\n`);
    }
    writeResultsSection(
      "exact-integers",
      `## exact integers past 2^53: before/after on native MicroPython

\`npx tsx bench/exact-integers.bench.ts\` (${machineLine()}). Each program as emitted (after) against the
same code with its inline range tests (\`t if -2**53 <= (t := a * b) <= 2**53 else js_int(t)\`) taken out
(before: exact Python ints), whole-process CPU time including start-up, median of ${runs} alternating blocks of
${runsPerBlock} runs. "tests" counts the range tests left in \`main.py\` (arithmetic tsmp could not bound).

| program | tests | CPU ms before | after | after/before | output |
|---|---|---|---|---|---|
${rows.join("\n")}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
