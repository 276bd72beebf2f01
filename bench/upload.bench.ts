import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { machineLine, writeResultsSection } from "./results-file.js";
import { BoardFs } from "../src/flash/board-fs.js";
import { connectToBoard } from "../src/flash/connection.js";
import { deployFiles, type DeployFile } from "../src/flash/deploy.js";
import { packagePath } from "../src/package-paths.js";
import { VirtualBoard } from "../src/sim/virtual-board/index.js";

// Upload throughput of `tsmp flash` through the virtual board, whose UART is paced at the baud
// rate in both directions (10 bits per byte), and the time of a re-flash with nothing to send.
// The project is real Python: tsmp's own runtime helpers (what the transpiler emits), repeated
// into files of about 10 KiB.

const helperSources = readdirSync(packagePath("src/transpile/runtime"))
  .filter((name) => name.endsWith(".py"))
  .sort()
  .map((name) => readFileSync(packagePath("src/transpile/runtime", name), "utf8"));

function project(fileCount: number, totalBytes: number): DeployFile[] {
  const corpus = helperSources.join("\n");
  const perFile = Math.floor(totalBytes / fileCount);
  return Array.from({ length: fileCount }, (_, index) => {
    const start = (index * 7919) % corpus.length;
    let text = "";
    while (text.length < perFile) text += corpus.slice(start) + corpus.slice(0, start);
    const cut = text.lastIndexOf("\n", perFile);
    return { path: index === 0 ? "main.py" : `lib/module_${index}.py`, data: Buffer.from(text.slice(0, cut + 1), "utf8") };
  });
}

interface UploadRun {
  baud: number;
  compress: boolean;
  bytes: number;
  seconds: number;
  fraction: number;
}

/** A fresh board each time, so every file is sent; time covers hash check, upload, verify, commit. */
async function measureUpload(baud: number, compress: boolean, files: DeployFile[]): Promise<UploadRun> {
  const board = await VirtualBoard.start({ baud });
  try {
    const connection = await connectToBoard({ port: board.portPath, baudRate: baud, log: () => undefined });
    try {
      const fs = new BoardFs(connection.repl, { compress });
      const started = performance.now();
      const report = await deployFiles(fs, files, { log: () => undefined });
      const seconds = (performance.now() - started) / 1000;
      return { baud, compress, bytes: report.bytesSent, seconds, fraction: report.bytesSent / seconds / (baud / 10) };
    } finally {
      await connection.close();
    }
  } finally {
    await board.stop();
  }
}

/** Open, interrupt, raw REPL, compare hashes, soft reset: all of `tsmp flash` but the build. */
async function measureNoChangeReflash(baud: number, files: DeployFile[]): Promise<number[]> {
  const board = await VirtualBoard.start({ baud });
  try {
    const install = await connectToBoard({ port: board.portPath, baudRate: baud, log: () => undefined });
    await deployFiles(install.fs, files, { log: () => undefined });
    await install.close();
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      // As when a user re-flashes after an edit: the board has settled into running main.py.
      await new Promise((resolveWait) => setTimeout(resolveWait, 1000));
      const started = performance.now();
      const connection = await connectToBoard({ port: board.portPath, baudRate: baud, log: () => undefined });
      const report = await deployFiles(connection.fs, files, { log: () => undefined });
      if (report.updated.length > 0) throw new Error("a no-change re-flash sent files");
      await connection.repl.resetAndRun();
      await connection.close();
      times.push((performance.now() - started) / 1000);
    }
    return times;
  } finally {
    await board.stop();
  }
}

const loadAtStart = loadavg()[0]!;
const big = project(10, 100 * 1024);
const bigBytes = big.reduce((sum, file) => sum + file.data.length, 0);
// Three rounds, the configurations interleaved so that a change in the machine's load hits
// all of them alike; each figure is the median of its three runs.
const configurations = [115200, 921600].flatMap((baud) => [true, false].map((compress) => ({ baud, compress })));
const samples = new Map<string, UploadRun[]>();
for (let round = 0; round < 3; round++) {
  for (const { baud, compress } of configurations) {
    const run = await measureUpload(baud, compress, big);
    process.stderr.write(
      `upload ${baud} baud, compress ${compress}: ${run.seconds.toFixed(2)} s, ${(run.fraction * 100).toFixed(0)} % of line rate\n`,
    );
    const key = `${baud}/${compress}`;
    samples.set(key, [...(samples.get(key) ?? []), run]);
  }
}
const runs = [...samples.values()].map((list) => [...list].sort((a, b) => a.seconds - b.seconds)[1]!);
const small = project(20, 40 * 1024);
const reflash = await measureNoChangeReflash(115200, small);
process.stderr.write(`no-change re-flash of 20 files: ${reflash.map((s) => s.toFixed(2)).join(", ")} s\n`);

const percent = (fraction: number) => `${(fraction * 100).toFixed(0)} %`;
writeResultsSection(
  "upload",
  `## upload: \`tsmp flash\` through the virtual board

Command: \`npx tsx bench/upload.bench.ts\`. ${machineLine()}, ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start
(the virtual board's flow-control answers slow down on a busy machine, so absolute figures vary between runs).
Project: ${big.length} files, ${(bigBytes / 1024).toFixed(1)} KiB of real Python (tsmp's runtime helpers), uploaded to a fresh
virtual board whose UART is paced at the baud rate both ways (line rate = baud / 10 bytes/s). Time covers the whole deploy:
hash check, upload in raw-paste mode (128-byte flow-control window, as a board with a 256-byte stdin buffer), the board
re-reading each file to verify its sha256, and the final renames. "Compressed" sends each 4 KiB piece deflated (1 KiB window)
and base64-encoded when the board has the \`deflate\` module and that is shorter; "plain" sends it as a str literal.
Fraction = file bytes per second ÷ line rate; each row is the median of 3 runs (all runs: ${[...samples.values()]
    .map((list) => list.map((run) => run.seconds.toFixed(1)).join("/"))
    .join(", ")} s, in table order). Target: ≥ 85 % at 115200.

| baud | upload | time | throughput | of line rate |
|---|---|---|---|---|
${runs
  .map(
    (run) =>
      `| ${run.baud} | ${run.compress ? "compressed (default)" : "plain"} | ${run.seconds.toFixed(2)} s | ${(run.bytes / run.seconds / 1024).toFixed(1)} KiB/s | ${percent(run.fraction)} |`,
  )
  .join("\n")}

No-change re-flash of a ${small.length}-file project (${(small.reduce((s, f) => s + f.data.length, 0) / 1024).toFixed(0)} KiB) at 115200 baud: open the port,
interrupt the board (settled for 1 s after the previous run), enter the raw REPL, load the helpers, compare all hashes in one exec, soft-reset, close (everything but the TypeScript build):
${reflash.map((s) => `${s.toFixed(2)} s`).join(", ")} (3 runs). Target: < 1 s.
`,
);
process.exit(0);
