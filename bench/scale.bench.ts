import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { VirtualBoard } from "../src/sim/virtual-board/index.js";
import { generateProject } from "./generated-project.js";
import { buildServerWarm } from "./build-server-warm.js";
import { loadLine, timeCommand, type Timed } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// How `tsmp build` and `tsmp flash` grow with the project: generated projects of 10, 50 and 200
// modules, each built, deployed to a fresh paced virtual board, then re-deployed after one
// module changed. What a one-module change costs should follow what changed, not the project.
// The re-deploy is timed twice: with the build server the fresh flash left (as a user gets it),
// and after another edit with TSMP_BUILD_SERVER=0 (the build in the flash's own process).
const SIZES = [10, 50, 200];
const BAUD = 921600;
/** One-module changes timed with the build server at each size; the table gives their median (the machine is shared and noisy). */
const CHANGES = 3;
/** What the profiles showed when this bench last changed what it measures (kept with the figures, dated). */
const PROFILE =
  "Where the time went (CPU profiles, 2026-12-03, `node --cpu-prof` on the flash and an inspector profile of the build server's builds): before, the first edit after the server's warm-up re-checked and re-transformed every importer of the edited module (TypeScript's builder, started without an earlier one, takes each file's version for its exported shape), so the 200-import main.ts cost about 1 s of the 200-module re-flash, and the server wrote its 1.5 MB store before answering (40-150 ms); `tsmp build` parsed and bound the whole project in its own process. After: the server learns each module's shape once during its warm-up, stores after answering, and answers `tsmp build` too; what still grows is small: TypeScript's program and builder state re-created over all files (~0.1 s at 200 modules), the 0.5 MB answer and the client writing/comparing every output (~0.1 s), and the board's manifest and seen-record rewrite in the commit (58 → 129 ms).";
const bin = fileURLToPath(new URL("../bin/tsmp.js", import.meta.url));

interface Point {
  modules: number;
  sourceBytes: number;
  build: number;
  freshDeploy: number;
  freshSent: string;
  changedDeploy: number;
  /** Every one-module change with the build server, in order. */
  changedRuns: number[];
  changedSent: string;
  changedBuild: number;
  changedBuildInProcess: number;
  changedInProcess: number;
}

/** "58.6 KB" from tsmp flash's "Sent 58.6 KB in 3.8 s" line; "nothing" when no file was sent. */
function sentBytes(output: string): string {
  return /Sent ([\d.]+ \w?B) in/.exec(output)?.[1] ?? "nothing";
}

async function measure(modules: number, dir: string): Promise<Point> {
  const project = join(dir, `project-${modules}`);
  const { bytes } = generateProject(project, modules);
  const build = (await timeCommand(process.execPath, [bin, "build", project, "-o", join(dir, `out-${modules}`)], { timeoutSeconds: 300 }))
    .seconds;
  const board = await VirtualBoard.start({ baud: BAUD });
  try {
    const flash = (env?: Record<string, string>) =>
      timeCommand(process.execPath, [bin, "flash", project, "--port", board.portPath, "--baud", String(BAUD)], {
        timeoutSeconds: 600,
        env,
      });
    const fresh = await flash();
    // The build server's warm-up is a build of the whole project: not timed as part of the next flash.
    if (!(await buildServerWarm(project))) process.stderr.write("no build server answered after the fresh flash\n");
    const changedModule = join(project, "src", "module3.ts");
    let bound = 10;
    const edit = () => writeFileSync(changedModule, readFileSync(changedModule, "utf8").replace(`k < ${bound}`, `k < ${++bound}`));
    const changes: Timed[] = [];
    for (let change = 0; change < CHANGES; change++) {
      edit();
      changes.push(await flash());
    }
    edit();
    const changedInProcess = (await flash({ TSMP_BUILD_SERVER: "0" })).seconds;
    // The same edit again, then `tsmp build` alone: the build's share of a one-module change,
    // answered by the build server the flashes left, then once more in the build's own process.
    const buildChanged = (env?: Record<string, string>) =>
      timeCommand(process.execPath, [bin, "build", project, "-o", join(dir, `out-${modules}`)], { timeoutSeconds: 300, env });
    edit();
    const changedBuild = (await buildChanged()).seconds;
    edit();
    const changedBuildInProcess = (await buildChanged({ TSMP_BUILD_SERVER: "0" })).seconds;
    return {
      modules,
      sourceBytes: bytes,
      build,
      freshDeploy: fresh.seconds,
      freshSent: sentBytes(fresh.output),
      changedDeploy: [...changes.map((run) => run.seconds)].sort((a, b) => a - b)[Math.floor(CHANGES / 2)]!,
      changedRuns: changes.map((run) => run.seconds),
      changedSent: sentBytes(changes[0]!.output),
      changedBuild,
      changedBuildInProcess,
      changedInProcess,
    };
  } finally {
    await board.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), "tsmp-scale-"));
try {
  const points: Point[] = [];
  for (const modules of SIZES) {
    const point = await measure(modules, dir);
    process.stderr.write(
      `${modules} modules: build ${point.build.toFixed(2)} s, fresh flash ${point.freshDeploy.toFixed(2)} s, one changed ${point.changedRuns.map((run) => run.toFixed(2)).join("/")} s, ` +
        `without the build server ${point.changedInProcess.toFixed(2)} s, build after one changed ${point.changedBuild.toFixed(2)} s ` +
        `(without the build server ${point.changedBuildInProcess.toFixed(2)} s)\n`,
    );
    points.push(point);
  }
  const first = points[0]!;
  const markdown = [
    "## scale: build and deploy time against project size",
    "",
    `Command: \`npx tsx bench/scale.bench.ts\` (after \`npm run build\`). ${machineLine()}, ${loadLine(cpus().length)} at the end.`,
    `Projects from bench/generated-project.ts; each command runs in its own process; the board is a fresh virtual board paced at ${BAUD} baud. ` +
      "`tsmp build` is a first build (no stored build); `tsmp flash` includes its build, which continues the stored one. " +
      `One module changed: one constant edited in module3.ts, then \`tsmp flash\` again (its build answered by the build server the fresh flash left, ` +
      `once warm: docs/flashing.md, Speed), ${CHANGES} times, the median in the table (all runs: ` +
      `${points.map((point) => `${point.modules}: ${point.changedRuns.map((run) => run.toFixed(2)).join(", ")}`).join("; ")} s); ` +
      "then the same edit once more and `tsmp flash` with `TSMP_BUILD_SERVER=0` (the build in its own process); " +
      "then once more and `tsmp build` alone (answered by that build server), and once more with `TSMP_BUILD_SERVER=0`.",
    PROFILE,
    "",
    "| modules | TypeScript | tsmp build | tsmp flash, fresh board | sent | tsmp flash, one module changed | sent | changed ÷ 10-module changed | same, no build server | tsmp build, one module changed | ÷ 10-module | same, no build server |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...points.map(
      (point) =>
        `| ${point.modules} | ${(point.sourceBytes / 1024).toFixed(0)} KiB | ${point.build.toFixed(2)} s | ${point.freshDeploy.toFixed(2)} s | ${point.freshSent} | ` +
        `${point.changedDeploy.toFixed(2)} s | ${point.changedSent} | ${(point.changedDeploy / first.changedDeploy).toFixed(2)}× | ` +
        `${point.changedInProcess.toFixed(2)} s | ${point.changedBuild.toFixed(2)} s | ${(point.changedBuild / first.changedBuild).toFixed(2)}× | ` +
        `${point.changedBuildInProcess.toFixed(2)} s |`,
    ),
  ].join("\n");
  writeResultsSection("scale", markdown);
  process.stdout.write(`${markdown}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
