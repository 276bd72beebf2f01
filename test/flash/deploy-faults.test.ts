import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ByteLink } from "../../src/flash/byte-link.js";
import { connectOverLink } from "../../src/flash/connection.js";
import { deployFiles, type DeployFile } from "../../src/flash/deploy.js";
import { MANIFEST_PATH, readInstalledFiles } from "../../src/flash/deploy-record.js";
import { sha256Hex } from "../../src/flash/board-fs.js";
import { VirtualBoard, type VirtualBoardFaults } from "../../src/sim/virtual-board/index.js";

// The fault matrix: every step of a deploy × every fault of the line, against the virtual board's
// firmware over the in-memory cable. For each case: the deploy succeeds exactly when the board
// holds the new build and a manifest of it; otherwise the board holds the old build or the new
// one, whole, or the message names what is wrong; and a clean deploy afterwards converges.
// CI runs a sample chosen by a seed it prints (TSMP_FAULT_SEED=<n> repeats it);
// `npm run test:faults` (TSMP_FAULTS=all) runs every case.

const text = (files: Record<string, string>): DeployFile[] => Object.entries(files).map(([path, t]) => ({ path, data: Buffer.from(t) }));
const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i} = ${(i * 7919) % 1000}`).join("\n");
const oldBuild = text({ "main.py": "import util\nprint('old', util.V)\n", "util.py": `V = 1\n${lines("u", 40)}\n`, "gone.py": "X = 0\n" });
const newBuild = text({
  "main.py": `import util, extra\nprint('new', util.V)\n${lines("m", 30)}\n`,
  "util.py": `V = 2\n${lines("w", 200)}\n`,
  "extra.py": `E = 3\n${lines("e", 60)}\n`,
});

type Fault = "dropped link" | "corrupted byte" | "noise" | "slow board";
const faults: Fault[] = ["dropped link", "corrupted byte", "noise", "slow board"];

/** A step of the deploy, found in what the host sends during a clean deploy. */
interface Stage {
  name: string;
  /** Where the step's code starts in the host's bytes. */
  at: number;
  /** Bytes that occur first at this step: the target of the one corrupted byte. */
  marker: string;
}

/** What a clean deploy of newBuild over oldBuild sends, and where each step begins in it. */
async function recordStages(): Promise<Stage[]> {
  const board = await startWithOldBuild();
  const sent: Buffer[] = [];
  const link = board.openLink();
  const recording: ByteLink = new Proxy(link, {
    get(target, property, receiver) {
      if (property === "write")
        return (data: Uint8Array | string) => (
          sent.push(Buffer.from(typeof data === "string" ? Buffer.from(data, "latin1") : data)),
          target.write(data)
        );
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const connection = await connectOverLink(recording);
  await deployFiles(connection.fs, newBuild, { log: () => undefined });
  await connection.close();
  await board.stop();
  const stream = Buffer.concat(sent).toString("latin1");
  const commit = stream.indexOf("_tsmp_commit(b'");
  const find = (marker: string, from = 0): number => {
    const at = stream.indexOf(marker, from);
    if (at < 0) throw new Error(`no ${marker} in the recorded deploy`);
    return at;
  };
  const stages: Stage[] = [
    { name: "state and hash check", at: find("_tsmp_state()"), marker: "_tsmp_state()" },
    { name: "hash check", at: find("_tsmp_sha256s("), marker: "_tsmp_sha256s(" },
  ];
  for (const file of newBuild) {
    // A byte inside the file's data: the upload's verification must catch it.
    const at = find("_tsmp_f.write(", find(`${file.path}.tsmp-new`)) + 40;
    stages.push({ name: `upload ${file.path}`, at, marker: stream.slice(at, at + 12) });
  }
  for (const file of newBuild) stages.push({ name: `rename ${file.path}`, at: find(`"${file.path}"`, commit), marker: `"${file.path}"` });
  stages.push({ name: "removal gone.py", at: find(`"gone.py"`, commit), marker: `"gone.py"` });
  // The commit's code has all arrived once its closing Ctrl-D has: faults after it hit the report,
  // and the manifest the board writes from the commit's list of changes once it is confirmed.
  stages.push({ name: "verification and manifest", at: find("\x04", commit) + 1, marker: "')\x04" });
  for (const stage of stages) expect(stream.indexOf(stage.marker), stage.name).toBeLessThanOrEqual(stage.at + stage.marker.length);
  return stages;
}

const boards: VirtualBoard[] = [];
afterAll(async () => {
  for (const board of boards.splice(0)) await board.stop();
});

async function startWithOldBuild(): Promise<VirtualBoard> {
  const board = await VirtualBoard.start({ cable: "memory", files: { "boot.py": "# the user's\n" } });
  boards.push(board);
  await deployOnce(board, oldBuild);
  return board;
}

async function deployOnce(board: VirtualBoard, files: DeployFile[]): Promise<string | undefined> {
  let connection;
  try {
    connection = await connectOverLink(board.openLink());
    await deployFiles(connection.fs, files, { log: () => undefined });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

function faultAt(fault: Fault, stage: Stage, seed: number): Omit<VirtualBoardFaults, "refuseRawPaste" | "failRename"> {
  switch (fault) {
    case "dropped link":
      return { dropAfterBytes: stage.at + 1 };
    case "corrupted byte":
      return stage.name.startsWith("upload") ? { flipByteAt: stage.at } : { corruptReceived: { match: stage.marker } };
    case "noise":
      return { noise: { rate: 0.003, seed }, startAfterBytes: stage.at };
    case "slow board":
      return { slowMs: 15, startAfterBytes: stage.at };
  }
}

/** Whether the board holds `files` exactly as built (and none of `absent`). */
async function holds(board: VirtualBoard, files: DeployFile[], absent: string[]): Promise<boolean> {
  const listed = await board.listFiles();
  for (const file of files) {
    if (!listed.includes(`/${file.path}`) || sha256Hex(await board.readFile(file.path)) !== sha256Hex(file.data)) return false;
  }
  return absent.every((path) => !listed.includes(`/${path}`));
}

async function manifestMatches(board: VirtualBoard, files: DeployFile[]): Promise<boolean> {
  if (!(await board.listFiles()).includes(`/${MANIFEST_PATH}`)) return false;
  const installed = readInstalledFiles(Buffer.from(await board.readFile(MANIFEST_PATH)));
  return JSON.stringify(installed) === JSON.stringify(Object.fromEntries(files.map((f) => [f.path, sha256Hex(f.data)]).sort()));
}

const removedByNew = ["gone.py"];
const seed = Number(process.env.TSMP_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runAll = process.env.TSMP_FAULTS === "all";
/** A CI run's sample: this many cases, spread by the seed. */
const SAMPLE = 8;

describe(`deploy fault matrix (seed ${seed}${runAll ? ", every case" : `, ${SAMPLE} sampled`})`, () => {
  let stages: Stage[] = [];
  beforeAll(async () => {
    stages = await recordStages();
  });

  it("each case ends honestly and the next clean deploy converges", async () => {
    const cases = stages.flatMap((stage) => faults.map((fault) => ({ stage, fault })));
    let state = seed;
    const pick = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0), state);
    const chosen = runAll ? cases : [...cases].sort(() => (pick() & 1 ? 1 : -1)).slice(0, SAMPLE);
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const started = Date.now();
    for (const { stage, fault } of chosen) {
      const label = `${fault} at ${stage.name} (seed ${seed})`;
      const board = await startWithOldBuild();
      board.setFaults(faultAt(fault, stage, seed));
      const error = await deployOnce(board, newBuild);
      board.setFaults({});
      await board.replug();
      const isNew = await holds(board, newBuild, removedByNew);
      count(error === undefined ? "exit 0" : isNew ? "failed, new build whole" : "failed, old build whole or named");
      if (error === undefined) {
        if (!isNew || !(await manifestMatches(board, newBuild))) failures.push(`${label}: exit 0 but the board does not hold the build`);
      } else if (!isNew && !(await holds(board, oldBuild, [])) && !newBuild.some((file) => error.includes(file.path))) {
        failures.push(`${label}: failed with "${error}" leaving neither build whole`);
      }
      const again = await deployOnce(board, newBuild);
      if (again !== undefined) failures.push(`${label}: the clean deploy after it failed: ${again}`);
      else if (!(await holds(board, newBuild, removedByNew)) || !(await manifestMatches(board, newBuild))) {
        failures.push(`${label}: the clean deploy after it did not converge`);
      } else if ((await board.listFiles()).some((path) => /\.tsmp-(new|old)$|tsmp-journal/.test(path))) {
        failures.push(`${label}: leftovers after the clean deploy: ${(await board.listFiles()).join(" ")}`);
      }
      boards.splice(boards.indexOf(board), 1);
      await board.stop();
    }
    const summary = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(", ");
    console.log(`deploy fault matrix, seed ${seed}: ${chosen.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
    expect(failures).toEqual([]);
  }, 900_000);
});
