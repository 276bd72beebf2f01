import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { VirtualBoard } from "../src/sim/virtual-board/index.js";
import { generateProject } from "./generated-project.js";
import { buildServerWarm } from "./build-server-warm.js";
import { findPeer, loadLine, ratio, timeCommand } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// `tsmp flash` (build included) against the official `mpremote fs cp` of the same built files,
// each onto its own fresh virtual board whose UART is paced at the baud rate both ways, side by
// side in one run: first on a fresh board, then after one module changed (tsmp rebuilds and
// sends what changed; mpremote copies the whole build again and skips the files whose hash
// already matches, as `fs cp` does since 1.23). tsmp's one-module change is timed twice: as a
// user gets it (the build server the first flash left answers the build), and with
// TSMP_BUILD_SERVER=0 (the build in the flash's own process, as in a new shell after a while).
const MODULES = 28;
/** Rounds per baud, each on fresh boards; a cell is the median (the machine is shared and noisy). */
const ROUNDS = Number(process.env.TSMP_BENCH_ROUNDS ?? 3);
const bin = fileURLToPath(new URL("../bin/tsmp.js", import.meta.url));

interface Race {
  baud: number;
  fresh: { tsmp: number; mpremote: number };
  oneChanged: { tsmp: number; mpremote: number };
  /** tsmp after a second one-module change, building in its own process. */
  inProcess: number;
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
    const flash = (env?: Record<string, string>) =>
      timeCommand(process.execPath, [bin, "flash", project, "--port", ours.portPath, "--baud", String(baud)], { env });
    const copy = () =>
      timeCommand(mpremote, ["connect", theirs.portPath, "fs", "cp", ...builtFiles(project), ":"], { cwd: join(project, "build") });
    const freshTsmp = (await flash()).seconds;
    // The build server's warm-up (a build of its own) is not left to run during mpremote's turn.
    if (!(await buildServerWarm(project))) process.stderr.write("no build server answered after the fresh flash\n");
    const freshMpremote = (await copy()).seconds;
    changeOneModule(project, 0);
    const changedTsmp = (await flash()).seconds;
    const changedMpremote = (await copy()).seconds;
    changeOneModule(project, 1);
    const inProcess = (await flash({ TSMP_BUILD_SERVER: "0" })).seconds;
    return {
      baud,
      fresh: { tsmp: freshTsmp, mpremote: freshMpremote },
      oneChanged: { tsmp: changedTsmp, mpremote: changedMpremote },
      inProcess,
    };
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
            `one changed tsmp ${result.oneChanged.tsmp.toFixed(2)} s / mpremote ${result.oneChanged.mpremote.toFixed(2)} s; ` +
            `tsmp building in its own process ${result.inProcess.toFixed(2)} s\n`,
        );
        rounds.set(baud, [...(rounds.get(baud) ?? []), result]);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const races: Race[] = [...rounds].map(([baud, results]) => ({
      baud,
      fresh: { tsmp: median(results.map((r) => r.fresh.tsmp)), mpremote: median(results.map((r) => r.fresh.mpremote)) },
      oneChanged: { tsmp: median(results.map((r) => r.oneChanged.tsmp)), mpremote: median(results.map((r) => r.oneChanged.mpremote)) },
      inProcess: median(results.map((r) => r.inProcess)),
    }));
    const allRuns = [...rounds]
      .map(
        ([baud, results]) =>
          `${baud}: ${results.map((r) => `${r.fresh.tsmp.toFixed(1)}/${r.fresh.mpremote.toFixed(1)}, ${r.oneChanged.tsmp.toFixed(1)}/${r.oneChanged.mpremote.toFixed(1)}, ${r.inProcess.toFixed(1)}`).join("; ")}`,
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
        "again (tsmp rebuilds and sends what changed; mpremote skips files whose hash matches). Targets: fresh ≤ 0.5×, one-file change ≤ 0.35×. " +
        "The fresh flash leaves tsmp's build server behind (docs/flashing.md, Speed); the bench waits for its warm-up to end before mpremote's turn, " +
        "and the one-module change is the build server's. The last row is a second one-module change with `TSMP_BUILD_SERVER=0`: the build in " +
        "the flash's own process, as when no server runs (a new project, 10 idle minutes after the last flash).",
      `Each cell is the median of ${ROUNDS} rounds on fresh boards (all runs, tsmp/mpremote seconds, fresh, then one changed, then tsmp building in its own process: ${allRuns}).`,
      "",
      "Where tsmp's time went (timestamps in a scratch copy of `tsmp flash`, 28 modules, one run at each baud, load average about 20 on 2 cores, " +
        "so every figure is several times an idle machine's). One module changed, 2.0 s at 921600 baud and 2.7 s at 115200: Node and the CLI's " +
        "modules 0.45–0.6 s, on to the build 0.25–0.35 s, the build server's build 0.66–0.71 s (TypeScript's builder program over every file, " +
        "then the check and transform of the changed module), connecting 0.11–0.14 s, the board's state 0.2–0.3 s, the changed module's upload " +
        "0.09–0.18 s, the commit 0.06–0.34 s, the reset 0.02–0.06 s. A fresh board, 7.0 s at 921600 and 7.4 s at 115200: the project's first " +
        "build, in the flash's own process (no build server knows the project yet), 4.5–5.0 s; the board's state and the hash check of 33 files " +
        "0.14–0.47 s; the upload " +
        "of 32.9 KB of .mpy as one deflate stream 0.36–0.44 s; the commit 0.4–0.6 s; the build server the flash starts afterwards warms up " +
        "while the upload and commit run. The TypeScript build is most of a fresh flash and grows with the load; mpremote spends no CPU on a build.",
      "",
      "| baud | deploy | tsmp flash | mpremote fs cp | tsmp / mpremote |",
      "|---|---|---|---|---|",
      ...races.flatMap((race) => [
        `| ${race.baud} | fresh board | ${race.fresh.tsmp.toFixed(2)} s | ${race.fresh.mpremote.toFixed(2)} s | **${ratio(race.fresh.tsmp, race.fresh.mpremote)}** |`,
        `| ${race.baud} | one module changed | ${race.oneChanged.tsmp.toFixed(2)} s | ${race.oneChanged.mpremote.toFixed(2)} s | **${ratio(race.oneChanged.tsmp, race.oneChanged.mpremote)}** |`,
        `| ${race.baud} | one module changed, no build server | ${race.inProcess.toFixed(2)} s | ${race.oneChanged.mpremote.toFixed(2)} s | ${ratio(race.inProcess, race.oneChanged.mpremote)} |`,
      ]),
    ].join("\n");
    writeResultsSection("race-deploy", markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
