import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { VirtualBoard } from "../src/sim/virtual-board/index.js";
import { generateProject } from "./generated-project.js";
import { findPeer, loadLine, ratio, timeCommand } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// `tsmp flash` (build included) against the official `mpremote fs cp` of the same built files,
// each onto its own fresh virtual board whose UART is paced at the baud rate both ways, side by
// side in one run: first on a fresh board, then after one module changed (tsmp rebuilds and
// sends what changed; mpremote copies the whole build again and skips the files whose hash
// already matches, as `fs cp` does since 1.23).
const MODULES = 28;
/** Rounds per baud, each on fresh boards; a cell is the median (the machine is shared and noisy). */
const ROUNDS = Number(process.env.TSMP_BENCH_ROUNDS ?? 3);
const bin = fileURLToPath(new URL("../bin/tsmp.js", import.meta.url));

interface Race {
  baud: number;
  fresh: { tsmp: number; mpremote: number };
  oneChanged: { tsmp: number; mpremote: number };
}

function builtFiles(project: string): string[] {
  return readdirSync(join(project, "build"))
    .filter((name) => name.endsWith(".py"))
    .sort();
}

/** Edits one constant in one module, as a user's small change. */
function changeOneModule(project: string, run: number): void {
  const path = join(project, "src", "module3.ts");
  writeFileSync(path, readFileSync(path, "utf8").replace(/k < 10\b|k < \d+ \/\* edit \*\//, `k < ${11 + run} /* edit */`));
}

async function race(baud: number, mpremote: string, dir: string, round: number): Promise<Race> {
  const project = join(dir, `project-${baud}-${round}`);
  generateProject(project, MODULES);
  const ours = await VirtualBoard.start({ baud });
  const theirs = await VirtualBoard.start({ baud });
  try {
    const flash = () => timeCommand(process.execPath, [bin, "flash", project, "--port", ours.portPath, "--baud", String(baud)]);
    const copy = () =>
      timeCommand(mpremote, ["connect", theirs.portPath, "fs", "cp", ...builtFiles(project), ":"], { cwd: join(project, "build") });
    const freshTsmp = (await flash()).seconds;
    const freshMpremote = (await copy()).seconds;
    changeOneModule(project, 0);
    const changedTsmp = (await flash()).seconds;
    const changedMpremote = (await copy()).seconds;
    return { baud, fresh: { tsmp: freshTsmp, mpremote: freshMpremote }, oneChanged: { tsmp: changedTsmp, mpremote: changedMpremote } };
  } finally {
    await ours.stop();
    await theirs.stop();
  }
}

const mpremote = findPeer("mpremote", "the deploy race (tsmp flash vs mpremote fs cp)");
if (mpremote) {
  const dir = mkdtempSync(join(tmpdir(), "tsmp-deploy-race-"));
  try {
    const rounds = new Map<number, Race[]>();
    // Rounds outermost, so that a change in the machine's load hits every configuration alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const baud of [115200, 921600]) {
        const result = await race(baud, mpremote, dir, round);
        process.stderr.write(
          `${baud} baud: fresh tsmp ${result.fresh.tsmp.toFixed(2)} s / mpremote ${result.fresh.mpremote.toFixed(2)} s; ` +
            `one changed tsmp ${result.oneChanged.tsmp.toFixed(2)} s / mpremote ${result.oneChanged.mpremote.toFixed(2)} s\n`,
        );
        rounds.set(baud, [...(rounds.get(baud) ?? []), result]);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const races: Race[] = [...rounds].map(([baud, results]) => ({
      baud,
      fresh: { tsmp: median(results.map((r) => r.fresh.tsmp)), mpremote: median(results.map((r) => r.fresh.mpremote)) },
      oneChanged: { tsmp: median(results.map((r) => r.oneChanged.tsmp)), mpremote: median(results.map((r) => r.oneChanged.mpremote)) },
    }));
    const allRuns = [...rounds]
      .map(
        ([baud, results]) =>
          `${baud}: ${results.map((r) => `${r.fresh.tsmp.toFixed(1)}/${r.fresh.mpremote.toFixed(1)}, ${r.oneChanged.tsmp.toFixed(1)}/${r.oneChanged.mpremote.toFixed(1)}`).join("; ")}`,
      )
      .join(" · ");
    const sample = join(dir, "project-115200-0", "build");
    const files = builtFiles(join(dir, "project-115200-0"));
    const bytes = files.reduce((sum, name) => sum + readFileSync(join(sample, name)).length, 0);
    const load = loadLine(cpus().length);
    const markdown = [
      "## race: `tsmp flash` vs `mpremote fs cp`",
      "",
      `Command: \`npx tsx bench/race-deploy.bench.ts\` (after \`npm run build\`). ${machineLine()}, ${load} at the end (the machine is shared: compare within a row).`,
      `Project: bench/generated-project.ts with ${MODULES} modules, built to ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB of .py. ` +
        "Each tool deploys onto its own fresh virtual board whose UART is paced at the baud rate both ways; each command runs to its end in its own process.",
      "`tsmp flash <project> --port P --baud B` includes the TypeScript build, the hash check, the upload and the soft reset; " +
        "`mpremote connect P fs cp <the built .py files> :` copies what tsmp built. One module changed: one constant edited in module3.ts, then the same two commands " +
        "again (tsmp rebuilds and sends what changed; mpremote skips files whose hash matches). Targets: fresh ≤ 0.5×, one-file change ≤ 0.35×.",
      `Each cell is the median of ${ROUNDS} rounds on fresh boards (all runs, tsmp/mpremote seconds, fresh then one changed: ${allRuns}).`,
      "",
      "Where tsmp's time goes after one module changed (`node --cpu-prof` of `tsmp flash` and a timestamped trace of the serial line, " +
        "28 modules, 921600 baud, 2026-12-02, load average about 30 on 2 cores): 9.5 s of CPU in 11.1 s. The build takes 6.2 s of it " +
        "(TypeScript parsing and binding its lib files and the project and setting up the checker: 5.3 s; transforming the 2 affected " +
        "modules: 0.9 s) and loading the CLI's modules 1.2 s; before, mpy-cross also compiled every module again (1.2 s; compiled modules " +
        "are now kept by content). The board's share, from the first Ctrl-C to the soft reset, is about 1 s: interrupt and raw REPL " +
        "0.25 s, the state (the board hashes the files its manifest lists and names those that differ) 0.3 s, the upload 0.1 s, the " +
        "commit with the manifest update 0.3 s. Before, the manifest crossed the line twice (in hex) and a hash line per file went " +
        "each way: bytes that grew with the project. mpremote spends no CPU on a build; on this loaded machine tsmp's build is the floor.",
      "",
      "| baud | deploy | tsmp flash | mpremote fs cp | tsmp / mpremote |",
      "|---|---|---|---|---|",
      ...races.flatMap((race) => [
        `| ${race.baud} | fresh board | ${race.fresh.tsmp.toFixed(2)} s | ${race.fresh.mpremote.toFixed(2)} s | **${ratio(race.fresh.tsmp, race.fresh.mpremote)}** |`,
        `| ${race.baud} | one module changed | ${race.oneChanged.tsmp.toFixed(2)} s | ${race.oneChanged.mpremote.toFixed(2)} s | **${ratio(race.oneChanged.tsmp, race.oneChanged.mpremote)}** |`,
      ]),
    ].join("\n");
    writeResultsSection("race-deploy", markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
