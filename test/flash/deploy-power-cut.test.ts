import { afterEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/flash/board-fs.js";
import { connectOverLink } from "../../src/flash/connection.js";
import { DeployInterrupted, deployFiles, type DeployFile } from "../../src/flash/deploy.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// Power lost in the middle of a commit (a reset, a pulled USB cable): whatever moment it strikes,
// the board that comes back never boots a mix of two builds, and the next flash converges.

const text = (files: Record<string, string>): DeployFile[] => Object.entries(files).map(([path, t]) => ({ path, data: Buffer.from(t) }));
const oldBuild = text({ "main.py": "import util\nprint('old', util.V)\n", "util.py": "V = 1\n", "gone.py": "X = 0\n" });
const newBuild = text({ "main.py": "import util, extra\nprint('new', util.V)\n", "util.py": "V = 2\n", "extra.py": "E = 3\n" });

const boards: VirtualBoard[] = [];
afterEach(async () => {
  for (const board of boards.splice(0)) await board.stop();
});

async function deploy(board: VirtualBoard, files: DeployFile[], log: string[] = []): Promise<string | undefined> {
  let connection;
  try {
    connection = await connectOverLink(board.openLink());
    await deployFiles(connection.fs, files, { log: (line) => log.push(line) });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

let oldFlash: Promise<Record<string, Uint8Array>> | undefined;
/** The flash of a board that holds oldBuild, deployed by tsmp (with its manifest). */
function flashWithOldBuild(): Promise<Record<string, Uint8Array>> {
  oldFlash ??= deployOldBuild();
  return oldFlash;
}

async function deployOldBuild(): Promise<Record<string, Uint8Array>> {
  const board = await VirtualBoard.start({ cable: "memory", files: { "boot.py": "# the user's\n" } });
  boards.push(board);
  expect(await deploy(board, oldBuild)).toBeUndefined();
  const files: Record<string, Uint8Array> = {};
  for (const path of await board.listFiles()) files[path] = await board.readFile(path);
  await board.stop();
  return files;
}

/** Which build the board would boot: "old", "new", "none" (no main.py), or "mixed". */
async function bootable(board: VirtualBoard): Promise<string> {
  const listed = await board.listFiles();
  if (!listed.includes("/main.py")) return "none";
  const matches = async (build: DeployFile[], absent: string[]) => {
    for (const file of build) {
      if (!listed.includes(`/${file.path}`) || sha256Hex(await board.readFile(file.path)) !== sha256Hex(file.data)) return false;
    }
    return absent.every((path) => !listed.includes(`/${path}`));
  };
  if (await matches(oldBuild, [])) return "old";
  if (await matches(newBuild, ["gone.py"])) return "new";
  return "mixed";
}

describe("power lost during the commit", () => {
  // Each rename of the commit in turn: main.py set aside, then util.py, extra.py, gone.py's
  // removal, and main.py put in place last.
  const cuts = [
    { path: "/main.py", at: 1, moment: "as main.py is set aside", boots: "old" },
    { path: "/util.py", at: 1, moment: "as util.py is set aside", boots: "none" },
    { path: "/util.py", at: 2, moment: "as the new util.py goes in", boots: "none" },
    { path: "/extra.py", at: 1, moment: "as extra.py goes in", boots: "none" },
    { path: "/gone.py", at: 1, moment: "as gone.py is removed", boots: "none" },
    { path: "/main.py", at: 2, moment: "as the new main.py goes in", boots: "none" },
    { path: "/.tsmp-manifest.json", at: 1, moment: "as the manifest is written", boots: "new" },
  ];
  for (const cut of cuts) {
    it(`${cut.moment}: the board boots ${cut.boots === "none" ? "no program" : `the ${cut.boots} build`}, and the next flash completes it`, async () => {
      const flash = await flashWithOldBuild();
      const board = await VirtualBoard.start({
        cable: "memory",
        files: flash,
        faults: { failRename: { path: cut.path, cutPowerAt: cut.at } },
      });
      boards.push(board);
      expect(await deploy(board, newBuild)).toBeDefined();
      await board.poweredBackOn;
      expect(await bootable(board)).toBe(cut.boots);
      expect(Buffer.from(await board.readFile("boot.py")).toString()).toBe("# the user's\n");

      const log: string[] = [];
      expect(await deploy(board, newBuild, log)).toBeUndefined();
      expect(await bootable(board)).toBe("new");
      expect(log).toContain("Finishing an update that was cut short on the board");
      expect((await board.listFiles()).filter((path) => path.includes(".tsmp-"))).toEqual(["/.tsmp-manifest.json", "/.tsmp-seen.json"]);
    });
  }

  it("a flash stopped with Ctrl-C after a cut-short commit says the board runs no program until the next flash", async () => {
    const board = await VirtualBoard.start({
      cable: "memory",
      files: await flashWithOldBuild(),
      faults: { failRename: { path: "/util.py", cutPowerAt: 1 } },
    });
    boards.push(board);
    await deploy(board, newBuild);
    await board.poweredBackOn;
    const stop = new AbortController();
    const connection = await connectOverLink(board.openLink());
    const progress = { start: () => undefined, finish: () => undefined, advance: () => stop.abort() };
    await expect(deployFiles(connection.fs, newBuild, { log: () => undefined, progress, signal: stop.signal })).rejects.toThrow(
      new DeployInterrupted(
        "stopped before installing anything: the board holds an update that is not complete and runs no program; run tsmp flash to finish it",
      ),
    );
    await connection.close();
    expect(await bootable(board)).toBe("none");
    expect(await deploy(board, newBuild)).toBeUndefined();
    expect(await bootable(board)).toBe("new");
  });
});
