import { afterEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/flash/board-fs.js";
import { connectOverLink } from "../../src/flash/connection.js";
import { deployFiles, type DeployFile } from "../../src/flash/deploy.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// A board nearly full (the virtual board's flash holds 2 MiB in 4 KiB blocks): replacing a file
// normally needs room for the old and the new copy at once. When that room is missing, tsmp
// removes the old copies first if that makes enough room, and otherwise changes nothing.

const BLOCK = 4096;
/** Comment lines of random letters (so compression cannot shrink the upload much), `blocks` blocks long. */
function filler(tag: string, blocks: number): string {
  let seed = tag.charCodeAt(2);
  const letter = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), String.fromCharCode(97 + (seed % 26)));
  return Array.from({ length: (blocks * BLOCK) / 32 }, () => `${tag}${Array.from({ length: 28 }, letter).join("")}\n`).join("");
}
const build = (files: Record<string, string>): DeployFile[] => Object.entries(files).map(([path, t]) => ({ path, data: Buffer.from(t) }));

const oldBuild = build({ "main.py": "import util\nprint('old')\n", "util.py": `V = 1\n${filler("# a", 24)}`, "gone.py": "X = 0\n" });
const newBuild = build({
  "main.py": "import util, extra\nprint('new')\n",
  "util.py": `V = 2\n${filler("# b", 24)}`,
  "extra.py": "E = 3\n",
});
/** The user's own data, sized so that old and new util.py no longer fit side by side. */
const userData = new Uint8Array(455 * BLOCK).fill(0x5a);

const boards: VirtualBoard[] = [];
afterEach(async () => {
  for (const board of boards.splice(0)) await board.stop();
});

async function deploy(board: VirtualBoard, files: DeployFile[]): Promise<{ log: string[]; error?: string }> {
  const log: string[] = [];
  const connection = await connectOverLink(board.openLink());
  try {
    await deployFiles(connection.fs, files, { log: (line) => log.push(line) });
    return { log };
  } catch (error) {
    return { log, error: (error as Error).message };
  } finally {
    await connection.close();
  }
}

async function holds(board: VirtualBoard, files: DeployFile[]): Promise<boolean> {
  for (const file of files) {
    if (!(await board.listFiles()).includes(`/${file.path}`)) return false;
    if (sha256Hex(await board.readFile(file.path)) !== sha256Hex(file.data)) return false;
  }
  return true;
}

async function nearlyFullBoard(): Promise<VirtualBoard> {
  const board = await VirtualBoard.start({ cable: "memory", files: { "data/log.bin": userData } });
  boards.push(board);
  const first = await deploy(board, oldBuild);
  expect(first.error).toBeUndefined();
  expect(first.log.join("\n")).not.toMatch(/in place/);
  return board;
}

describe("a deploy on a nearly full board", () => {
  it("removes the old copies first when only that makes room, and ends with the new build", async () => {
    const board = await nearlyFullBoard();
    const { log, error } = await deploy(board, newBuild);
    expect(error).toBeUndefined();
    expect(log).toContain(
      "The board has 104.0 KB free, too little to keep the old program until the new one is complete: " +
        "replacing its files in place (the board runs no program until this flash ends; if it is cut short, flash again)",
    );
    expect(await holds(board, newBuild)).toBe(true);
    expect(await board.listFiles()).not.toContain("/gone.py");
    expect(sha256Hex(await board.readFile("data/log.bin"))).toBe(sha256Hex(userData));
    expect((await board.listFiles()).filter((path) => path.includes(".tsmp-"))).toEqual(["/.tsmp-manifest.json", "/.tsmp-seen.json"]);
  });

  it("changes nothing when even that is not enough, and says how much is missing", async () => {
    const board = await nearlyFullBoard();
    const tooBig = build({ "main.py": "print('big')\n", "util.py": filler("# c", 60) });
    const { error } = await deploy(board, tooBig);
    expect(error).toBe(
      "the board is too full for this build: it needs 260.0 KB, the board has 104.0 KB free and 120.0 KB more in the files " +
        "it replaces; make room (tsmp fs rm …) and flash again — nothing was changed",
    );
    expect(await holds(board, oldBuild)).toBe(true);
  });

  it("a link lost while replacing in place leaves a board that runs no program, and the next flash completes it", async () => {
    const board = await nearlyFullBoard();
    // Well into util.py's upload, after the old copies were removed.
    board.setFaults({ dropAfterBytes: 30_000 });
    const cut = await deploy(board, newBuild);
    expect(cut.error).toMatch(/lost the connection/);
    expect(await board.listFiles()).not.toContain("/main.py");
    await board.replug();
    const { log, error } = await deploy(board, newBuild);
    expect(error).toBeUndefined();
    expect(log).toContain("Finishing an update that was cut short on the board");
    expect(await holds(board, newBuild)).toBe(true);
    expect(sha256Hex(await board.readFile("data/log.bin"))).toBe(sha256Hex(userData));
  });
});
