import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { VirtualBoard } from "../src/sim/virtual-board/index.js";
import { generateProject } from "./generated-project.js";
import { loadLine, timeCommand } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// How `tsmp build` and `tsmp flash` grow with the project: generated projects of 10, 50 and 200
// modules, each built, deployed to a fresh paced virtual board, then re-deployed after one
// module changed. What a one-module change costs should follow what changed, not the project.
const SIZES = [10, 50, 200];
const BAUD = 921600;
const bin = fileURLToPath(new URL("../bin/tsmp.js", import.meta.url));

interface Point {
  modules: number;
  sourceBytes: number;
  build: number;
  freshDeploy: number;
  freshSent: string;
  changedDeploy: number;
  changedSent: string;
  changedBuild: number;
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
    const flash = () =>
      timeCommand(process.execPath, [bin, "flash", project, "--port", board.portPath, "--baud", String(BAUD)], { timeoutSeconds: 600 });
    const fresh = await flash();
    const changedModule = join(project, "src", "module3.ts");
    writeFileSync(changedModule, readFileSync(changedModule, "utf8").replace("k < 10", "k < 11"));
    const changed = await flash();
    // The same edit again, then `tsmp build` alone: the build's share of a one-module change.
    writeFileSync(changedModule, readFileSync(changedModule, "utf8").replace("k < 11", "k < 12"));
    const changedBuild = (
      await timeCommand(process.execPath, [bin, "build", project, "-o", join(dir, `out-${modules}`)], { timeoutSeconds: 300 })
    ).seconds;
    return {
      modules,
      sourceBytes: bytes,
      build,
      freshDeploy: fresh.seconds,
      freshSent: sentBytes(fresh.output),
      changedDeploy: changed.seconds,
      changedSent: sentBytes(changed.output),
      changedBuild,
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
      `${modules} modules: build ${point.build.toFixed(2)} s, fresh flash ${point.freshDeploy.toFixed(2)} s, one changed ${point.changedDeploy.toFixed(2)} s, ` +
        `build after one changed ${point.changedBuild.toFixed(2)} s\n`,
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
      "One module changed: one constant edited in module3.ts, then `tsmp flash` again; then the same edit once more and `tsmp build` alone.",
    "",
    "| modules | TypeScript | tsmp build | tsmp flash, fresh board | sent | tsmp flash, one module changed | sent | changed ÷ 10-module changed | tsmp build, one module changed |",
    "|---|---|---|---|---|---|---|---|---|",
    ...points.map(
      (point) =>
        `| ${point.modules} | ${(point.sourceBytes / 1024).toFixed(0)} KiB | ${point.build.toFixed(2)} s | ${point.freshDeploy.toFixed(2)} s | ${point.freshSent} | ` +
        `${point.changedDeploy.toFixed(2)} s | ${point.changedSent} | ${(point.changedDeploy / first.changedDeploy).toFixed(2)}× | ${point.changedBuild.toFixed(2)} s |`,
    ),
  ].join("\n");
  writeResultsSection("scale", markdown);
  process.stdout.write(`${markdown}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
