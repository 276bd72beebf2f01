import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTranspiler, formatDiagnostic, transpileProject, type EmittedFile } from "../src/transpile/index.js";
import { compileToMpy, mpyPathOf } from "../src/transpile/project/mpy-cross.js";
import { findPeer, loadLine } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// Issue 14's heap table: the smallest heap in which each benchmark program, and the blink
// template, imports and runs on native unix MicroPython, as .py (compiled on the board) and as
// .mpy (compiled ahead by mpy-cross, as `tsmp build --mpy` does), emitted by tsmp against the
// same program written by hand. Every variant runs as `micropython -c "import main"`, so .py
// and .mpy load the same way. Target: emitted .mpy ≤ 1.1× the hand-written .py.
const benchDir = fileURLToPath(new URL("./", import.meta.url));
const blinkSeconds = 1.5;

interface Program {
  name: string;
  emitted: EmittedFile[];
  hand: EmittedFile[];
  /** Runs forever (the blink's 10 s): it passes if still running, having printed, after a while. */
  endless?: boolean;
}

function snippet(name: string, folder: string): Program {
  const result = createTranspiler({ sourceMaps: false }).transpileSource(readFileSync(`${benchDir}${folder}${name}.ts`, "utf8"));
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
  return { name, emitted: result.files, hand: [{ path: "main.py", text: readFileSync(`${benchDir}${folder}${name}.py`, "utf8") }] };
}

function blink(): Program {
  const result = transpileProject(fileURLToPath(new URL("../templates/blink/", import.meta.url)));
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic)).join("\n"));
  const stub = { path: "pyb.py", text: readFileSync(`${benchDir}programs/blink/pyb.py`, "utf8") };
  const hand = { path: "main.py", text: readFileSync(`${benchDir}programs/blink/main.py`, "utf8") };
  return {
    name: "blink (template)",
    emitted: [...result.files.filter((file) => file.path.endsWith(".py")), stub],
    hand: [hand, stub],
    endless: true,
  };
}

/** The files as they go to a board: .py, or each compiled to .mpy (the stub of pyb included, on both sides alike). */
async function writeVariant(dir: string, files: EmittedFile[], mpy: boolean): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    if (mpy) writeFileSync(join(dir, mpyPathOf(file.path)), await compileToMpy(file.path, file.text));
    else writeFileSync(join(dir, file.path), file.text);
  }
}

function run(micropython: string, dir: string, heap: number | undefined, endless: boolean): { ok: boolean; output: string } {
  const result = spawnSync(micropython, [...(heap ? ["-X", `heapsize=${heap}`] : []), "-c", "import main"], {
    cwd: dir,
    encoding: "utf8",
    timeout: endless ? blinkSeconds * 1000 : 120_000,
  });
  if (endless) return { ok: result.error !== undefined && result.stderr === "" && result.stdout !== "", output: result.stdout };
  return { ok: result.status === 0, output: result.stdout };
}

function minimumHeap(micropython: string, dir: string, expected: string, endless: boolean): number {
  let low = 1024;
  let high = 4 * 1024 * 1024;
  const passes = (heap: number) => {
    const result = run(micropython, dir, heap, endless);
    return result.ok && result.output === expected;
  };
  if (!passes(high)) throw new Error(`${dir}: fails even with ${high} bytes of heap`);
  while (high - low > 64) {
    const middle = Math.floor((low + high) / 2 / 64) * 64;
    if (passes(middle)) high = middle;
    else low = middle;
  }
  return high;
}

const micropython = findPeer("micropython", "the heap table (native MicroPython)");
if (micropython) {
  const programs = [
    ...["string-building", "array-pipeline", "integer-math", "classes", "closures", "nullable"].map((name) => snippet(name, "programs/")),
    ...["crc16", "dataview-frames", "hex-dump", "ring-buffer"].map((name) => snippet(name, "programs/binary/")),
    blink(),
  ];
  const root = mkdtempSync(join(tmpdir(), "tsmp-heap-bench-"));
  const rows: string[] = [];
  let worst = 0;
  try {
    for (const program of programs) {
      const dirs = {
        emittedPy: join(root, program.name, "emitted-py"),
        emittedMpy: join(root, program.name, "emitted-mpy"),
        handPy: join(root, program.name, "hand-py"),
        handMpy: join(root, program.name, "hand-mpy"),
      };
      await writeVariant(dirs.emittedPy, program.emitted, false);
      await writeVariant(dirs.emittedMpy, program.emitted, true);
      await writeVariant(dirs.handPy, program.hand, false);
      await writeVariant(dirs.handMpy, program.hand, true);
      const expected = run(micropython, dirs.handPy, undefined, program.endless ?? false).output;
      const heap = Object.fromEntries(
        Object.entries(dirs).map(([variant, dir]) => [variant, minimumHeap(micropython, dir, expected, program.endless ?? false)]),
      ) as Record<keyof typeof dirs, number>;
      const kib = (bytes: number) => (bytes / 1024).toFixed(1);
      const target = heap.emittedMpy / heap.handPy;
      worst = Math.max(worst, target);
      rows.push(
        `| ${program.name} | ${kib(heap.emittedPy)} | ${kib(heap.emittedMpy)} | ${kib(heap.handPy)} | ${kib(heap.handMpy)} | ` +
          `${(heap.emittedPy / heap.handPy).toFixed(2)}× | **${target.toFixed(2)}×** | ${(heap.emittedMpy / heap.handMpy).toFixed(2)}× |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const version = spawnSync(micropython, ["-c", "import sys; print(sys.version)"], { encoding: "utf8" }).stdout.trim();
  const markdown = `## heap: minimum heap to import and run, .py vs .mpy, emitted vs hand-written

\`npx tsx bench/heap.bench.ts\` (${machineLine()}, ${loadLine(cpus().length)} at the end; unix MicroPython ${version}).
Each program runs as \`micropython -X heapsize=N -c "import main"\` in a folder holding its files: the bench programs
(\`bench/programs/\`, \`bench/programs/binary/\`) and the blink template, as tsmp emits them (\`main.py\` and, when used,
\`_tsmp.py\`) and as written by hand. ".mpy" compiles every file ahead with \`@pybricks/mpy-cross-v6\` (what \`tsmp build --mpy\`
uses), on both sides alike. N is bisected to 64 bytes: the smallest heap in which the program prints what the hand-written
one prints. The blink runs 10 s: it passes when it has printed its first line and is still running after ${blinkSeconds} s (every
task started and slept); its \`pyb.LED\` is a stub module (\`bench/programs/blink/pyb.py\`), the same on both sides.
Target: emitted .mpy ≤ 1.1× hand-written .py.

| program | emitted .py KiB | emitted .mpy KiB | hand .py KiB | hand .mpy KiB | emitted .py ÷ hand .py | emitted .mpy ÷ hand .py | emitted .mpy ÷ hand .mpy |
|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Worst emitted .mpy ÷ hand-written .py: ${worst.toFixed(2)}×.
`;
  writeResultsSection("heap", markdown);
  process.stdout.write(markdown);
}
process.exit(0);
