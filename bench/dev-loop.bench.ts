import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { devProject } from "../src/commands/dev.js";
import { VirtualBoard } from "../src/sim/virtual-board/index.js";
import { createIncrementalBuild } from "../src/transpile/project/incremental-build.js";
import { generateProject } from "./generated-project.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// The two latencies of `tsmp dev`: the incremental rebuild after a one-line edit in a large
// project, and edit-to-new-output on a virtual board over a pty at 115200 baud (the file
// watcher, the rebuild, the deploy of the changed module, the soft reset and the first line).

const edits = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Changes one line of module7.ts (its loop bound), as a user's edit in a function body does. */
function editOneLine(file: string, round: number): void {
  const text = readFileSync(file, "utf8").replace(/for \(let k = 0; k < \d+; k\+\+\)/, `for (let k = 0; k < ${20 + round}; k++)`);
  writeFileSync(file, text);
}

function measureRebuild(root: string): { first: number; rebuilds: number[] } {
  const build = createIncrementalBuild(root);
  let started = performance.now();
  const initial = build.rebuild();
  const first = performance.now() - started;
  if (initial.diagnostics.length > 0) throw new Error(`the generated project has errors: ${initial.diagnostics[0]!.message}`);
  const rebuilds: number[] = [];
  for (let round = 0; round < edits; round++) {
    editOneLine(join(root, "src", "module7.ts"), round);
    started = performance.now();
    const result = build.rebuild();
    rebuilds.push(performance.now() - started);
    const emitted = result.files.find((file) => file.path === "module7.py")?.text ?? "";
    if (!emitted.includes(`range(${20 + round})`)) throw new Error("the rebuild did not pick up the edit");
  }
  return { first, rebuilds };
}

async function measureEditToOutput(root: string): Promise<number[]> {
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022" }, include: ["src"] }));
  const main = join(root, "src", "main.ts");
  const source = (round: number) =>
    `import { Pin } from "tsmp/machine";\nimport { label } from "./label";\nconst led = new Pin(2, Pin.OUT);\nled.value(1);\nconsole.log(label(${round}));\n`;
  writeFileSync(main, source(0));
  writeFileSync(join(root, "src", "label.ts"), 'export function label(round: number): string {\n  return "round " + String(round);\n}\n');
  const board = await VirtualBoard.start({ baud: 115200 });
  let output = "";
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolveStop) => (stop = resolveStop));
  const session = devProject(root, {
    port: board.portPath,
    baudRate: 115200,
    stdout: (text) => (output += text),
    stderr: () => undefined,
    stopped,
  });
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 30_000;
    while (!output.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no "${text}" from the board; it printed ${JSON.stringify(output)}`);
      await new Promise((resume) => setTimeout(resume, 5));
    }
  };
  try {
    await waitFor("round 0\n");
    const times: number[] = [];
    for (let round = 1; round <= edits; round++) {
      // As between a user's saves: the board has been running the program for a moment.
      await new Promise((resume) => setTimeout(resume, 500));
      const started = performance.now();
      writeFileSync(main, source(round));
      await waitFor(`round ${round}\n`);
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    stop();
    await session;
    await board.stop();
  }
}

const loadAtStart = loadavg()[0]!;
const big = mkdtempSync(join(tmpdir(), "tsmp-dev-bench-"));
const small = mkdtempSync(join(tmpdir(), "tsmp-dev-bench-board-"));
try {
  const { lines } = generateProject(big, 53);
  const rebuild = measureRebuild(big);
  process.stderr.write(
    `first build ${rebuild.first.toFixed(0)} ms; rebuilds ${rebuild.rebuilds.map((ms) => ms.toFixed(0)).join(", ")} ms\n`,
  );
  const board = await measureEditToOutput(small);
  process.stderr.write(`edit to output on the board: ${board.map((ms) => ms.toFixed(0)).join(", ")} ms\n`);

  writeResultsSection(
    "dev-loop",
    `## dev-loop: \`tsmp dev\` latencies

Command: \`npx tsx bench/dev-loop.bench.ts\`. ${machineLine()}, ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start
(the machine is shared: compare medians, not single runs).

**Rebuild after a one-line edit** (a loop bound in a function body of one module) in a generated project of
${lines} lines of TypeScript in 55 modules (bench/generated-project.ts): \`createIncrementalBuild(...).rebuild()\`, the
step \`tsmp dev\` runs on each save: read the project, a builder program over the previous one, diagnostics and
transform of the affected files only, everything emitted. Target: < 100 ms.

| | median | runs |
|---|---|---|
| first build (cold, in-process) | ${rebuild.first.toFixed(0)} ms | |
| rebuild after a one-line edit | ${median(rebuild.rebuilds).toFixed(0)} ms | ${rebuild.rebuilds.map((ms) => ms.toFixed(0)).join(", ")} |

**Edit to new output on the virtual board** at 115200 baud over a pty (UART paced both ways): from writing
\`src/main.ts\` (one module changed; a second, unchanged, stays on the board) to its new line arriving on
\`tsmp dev\`'s stdout: the file watcher (30 ms settle), the incremental rebuild, entering the raw REPL (interrupting
the program), the hash check of all files, upload of \`main.py\` verified by sha256, the rename, the soft reset, and the
program's first print. Target: < 1.5 s.

| | median | runs |
|---|---|---|
| edit → new output on the board | ${median(board).toFixed(0)} ms | ${board.map((ms) => ms.toFixed(0)).join(", ")} |
`,
  );
} finally {
  rmSync(big, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
}
process.exit(0);
