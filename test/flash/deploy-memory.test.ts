import { afterEach, describe, expect, it } from "vitest";
import type { ByteLink } from "../../src/flash/byte-link.js";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { DeployInterrupted, deployFiles, type DeployFile, type DeployOptions } from "../../src/flash/deploy.js";
import { SAFE_BOOT, SAFE_BOOT_PY } from "../../src/flash/safe-boot.js";
import { JOURNAL_PATH, MANIFEST_PATH, SEEN_PATH, readInstalledFiles, sealManifest } from "../../src/flash/deploy-record.js";
import { sha256Hex } from "../../src/flash/board-fs.js";
import { VirtualBoard, type VirtualBoardOptions } from "../../src/sim/virtual-board/index.js";

// deployFiles against the virtual board's firmware over the in-memory cable: what the board holds
// after each deploy, including the ones a fault cuts short.
const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  for (const board of boards.splice(0)) await board.stop();
});

async function startBoard(options: VirtualBoardOptions = {}): Promise<VirtualBoard> {
  const board = await VirtualBoard.start({ ...options, cable: "memory" });
  boards.push(board);
  return board;
}

async function connect(board: VirtualBoard): Promise<BoardConnection> {
  const connection = await connectOverLink(board.openLink());
  connections.push(connection);
  return connection;
}

function build(files: Record<string, string>): DeployFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, data: Buffer.from(text) }));
}

async function deploy(
  board: VirtualBoard,
  files: DeployFile[],
  options: Pick<DeployOptions, "optional"> = {},
): Promise<{ lines: string[] }> {
  const lines: string[] = [];
  const connection = await connect(board);
  await deployFiles(connection.fs, files, { ...options, log: (line) => lines.push(line) });
  await connection.close();
  return { lines };
}

async function boardText(board: VirtualBoard, path: string): Promise<string | undefined> {
  return (await board.listFiles()).includes(`/${path}`) ? new TextDecoder().decode(await board.readFile(path)) : undefined;
}

const oldBuild = build({ "main.py": "import util\nprint('old', util.V)\n", "util.py": "V = 1\n", "gone.py": "X = 0\n" });
const newBuild = build({ "main.py": "import util, extra\nprint('new', util.V)\n", "util.py": "V = 2\n", "extra.py": "E = 3\n" });

async function expectHolds(board: VirtualBoard, files: DeployFile[]): Promise<void> {
  for (const file of files) expect(await boardText(board, file.path), file.path).toBe(Buffer.from(file.data).toString());
}

describe("deployFiles", () => {
  it("installs tsmp's safe-boot boot.py beside a build, but never over a boot.py of the board's or the project's own", async () => {
    const bare = await startBoard();
    expect((await deploy(bare, oldBuild, { optional: [SAFE_BOOT] })).lines).toContain("Updated: boot.py");
    expect(await boardText(bare, "boot.py")).toBe(SAFE_BOOT_PY);
    // Installed by tsmp, so a later build may replace it: a project's own boot.py takes its place.
    const own = build({ ...Object.fromEntries(oldBuild.map((file) => [file.path, file.data.toString()])), "boot.py": "# project's\n" });
    await deploy(bare, own, { optional: [SAFE_BOOT] });
    expect(await boardText(bare, "boot.py")).toBe("# project's\n");

    const users = await startBoard({ files: { "boot.py": "# user's\n" } });
    const { lines } = await deploy(users, oldBuild, { optional: [SAFE_BOOT] });
    expect(lines).toContain(
      "Kept boot.py: the board's own, not installed by tsmp (no safe boot: a program that ignores Ctrl-C can then be stopped only by erasing or reflashing the board)",
    );
    expect(await boardText(users, "boot.py")).toBe("# user's\n");
  });

  it("installs a build, records each file's hash, and removes only what it installed", async () => {
    const board = await startBoard({ files: { "boot.py": "# user's\n" } });
    await deploy(board, oldBuild);
    const { lines } = await deploy(board, newBuild);
    expect(lines).toEqual(["Updated: main.py", "Updated: util.py", "Updated: extra.py", "Removed: gone.py"]);
    await expectHolds(board, newBuild);
    expect(await board.listFiles()).toEqual(["/.tsmp-manifest.json", "/.tsmp-seen.json", "/boot.py", "/extra.py", "/main.py", "/util.py"]);
    const manifest = readInstalledFiles(Buffer.from(await board.readFile(MANIFEST_PATH)));
    expect(manifest).toEqual(Object.fromEntries(newBuild.map((file) => [file.path, sha256Hex(file.data)])));
    expect((await deploy(board, newBuild)).lines).toEqual(["Up to date: main.py", "Up to date: util.py", "Up to date: extra.py"]);
  });

  it("a byte garbled in the commit's names makes the board refuse it; the retry installs the build", async () => {
    const board = await startBoard();
    await deploy(board, oldBuild);
    board.setFaults({ corruptReceived: { match: `"util.py"` } });
    const { lines } = await deploy(board, newBuild);
    expect(lines).toContainEqual(expect.stringMatching(/^Retrying the commit \(.*garbled/));
    expect(lines).toContain("Updated: util.py");
    await expectHolds(board, newBuild);
    expect(await board.listFiles()).not.toContain("/gone.py");
  });

  it("a long commit plan travels deflated; garbled, the board refuses it and the retry installs the build", async () => {
    const board = await startBoard();
    const many = build(Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`sensor_${i}.py`, `N = ${i}\n`])));
    // Only a deflated plan is passed to _tsmp_commit through _tsmp_inflate: the flipped quote breaks that exec.
    board.setFaults({ corruptReceived: { match: "_tsmp_commit(_tsmp_inflate(b'" } });
    const { lines } = await deploy(board, many);
    expect(lines).toContainEqual(expect.stringMatching(/^Retrying the commit/));
    await expectHolds(board, many);
  });

  it("repairs a file changed behind its back and removes a stale file an interrupted commit meant to remove", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    const connection = await connect(board);
    await connection.fs.writeFile("util.py", Buffer.from("V = 'edited'\n"));
    // What a commit cut short by a reset leaves: its journal, and a file it had yet to remove.
    await connection.fs.writeFile("gone.py", Buffer.from("X = 0\n"));
    const journal = sealManifest({ "gone.py": sha256Hex(Buffer.from("X = 0\n")) }).bytes;
    await connection.fs.writeFile(JOURNAL_PATH, journal);
    await connection.close();
    const { lines } = await deploy(board, newBuild);
    expect(lines).toContain("Repaired: util.py");
    expect(lines).toContain("Removed stale: gone.py");
    await expectHolds(board, newBuild);
    expect(await board.listFiles()).not.toContain(`/${JOURNAL_PATH}`);
  });

  it("never removes files a manifest it did not write lists, nor files changed since it installed them", async () => {
    const board = await startBoard({
      files: {
        "boot.py": "# mine\n",
        "lib/important.py": "K = 1\n",
        [MANIFEST_PATH]: JSON.stringify(["boot.py", "lib/important.py", "/secrets.json"]),
      },
    });
    const { lines } = await deploy(board, newBuild);
    expect(lines[0]).toMatch(/^Ignoring \.tsmp-manifest\.json: tsmp did not write it/);
    expect(await boardText(board, "boot.py")).toBe("# mine\n");
    expect(await boardText(board, "lib/important.py")).toBe("K = 1\n");

    await deploy(board, oldBuild);
    const connection = await connect(board);
    await connection.fs.writeFile("gone.py", Buffer.from("X = 'mine now'\n"));
    await connection.close();
    expect((await deploy(board, newBuild)).lines).toContain("Left alone: gone.py (changed on the board since tsmp installed it)");
    expect(await boardText(board, "gone.py")).toBe("X = 'mine now'\n");
  });

  it("a flash without main.py keeps the board's main.py", async () => {
    const board = await startBoard();
    await deploy(board, oldBuild);
    const { lines } = await deploy(board, build({ "blink.py": "print('blink')\n" }));
    expect(lines).toContain("Kept main.py: this build has no main.py to replace it");
    expect(await boardText(board, "main.py")).toBe("import util\nprint('old', util.V)\n");
  });

  it("cleans temporary copies an earlier run left, and restores a file a cut-short commit set aside", async () => {
    const board = await startBoard({
      files: { "main.py.tsmp-old": "print('old')\n", "lib/x.py.tsmp-new": "junk", "util.py": "V = 1\n", "util.py.tsmp-old": "V = 0\n" },
    });
    await deploy(board, build({ "other.py": "O = 1\n" }));
    expect(await board.listFiles()).toEqual(["/.tsmp-manifest.json", "/.tsmp-seen.json", "/main.py", "/other.py", "/util.py"]);
    expect(await boardText(board, "main.py")).toBe("print('old')\n");
  });

  it("a stop asked for mid-upload ends at a safe point: temporary copies gone, the previous program complete", async () => {
    const board = await startBoard();
    await deploy(board, oldBuild);
    const stop = new AbortController();
    const connection = await connect(board);
    const progress = { start: () => undefined, finish: () => undefined, advance: () => stop.abort() };
    await expect(deployFiles(connection.fs, newBuild, { log: () => undefined, progress, signal: stop.signal })).rejects.toThrow(
      new DeployInterrupted("stopped before installing anything: the board keeps its previous program, complete"),
    );
    await expectHolds(board, oldBuild);
    expect((await board.listFiles()).filter((path) => path.includes(".tsmp-"))).toEqual(["/.tsmp-manifest.json", "/.tsmp-seen.json"]);
  });

  it("reads a manifest another computer wrote, and after it sends only the file that changed", async () => {
    const sealed = sealManifest(Object.fromEntries(oldBuild.map((file) => [file.path, sha256Hex(file.data)]))).bytes.toString();
    // Laid out as no tsmp here writes it, so this machine cannot know it by its hash.
    const theirs = sealed.replace('","body":', '", "body": ');
    const files = Object.fromEntries(oldBuild.map((file) => [file.path, Buffer.from(file.data).toString()]));
    const board = await startBoard({ files: { ...files, [MANIFEST_PATH]: theirs } });
    const changed = build({ ...files, "util.py": "V = 3\n" });
    expect((await deploy(board, changed)).lines).toEqual(["Up to date: main.py", "Up to date: gone.py", "Updated: util.py"]);
    await expectHolds(board, changed);
    const manifest = readInstalledFiles(Buffer.from(await board.readFile(MANIFEST_PATH)));
    expect(manifest).toEqual(Object.fromEntries(changed.map((file) => [file.path, sha256Hex(file.data)])));
  });

  it("what a one-file change sends does not grow with the project", async () => {
    const sent = async (modules: number): Promise<number> => {
      const project = (v: number) =>
        build({
          "main.py": "import m0\n",
          ...Object.fromEntries(Array.from({ length: modules }, (_, i) => [`m${i}.py`, `V = ${i}\n`])),
          "m0.py": `V = ${v}\n`,
        });
      const board = await startBoard();
      await deploy(board, project(1));
      let bytes = 0;
      const link = board.openLink();
      const counting: ByteLink = new Proxy(link, {
        get(target, property, receiver) {
          if (property === "write") return (data: Uint8Array | string) => ((bytes += data.length), target.write(data));
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const connection = await connectOverLink(counting);
      connections.push(connection);
      const lines: string[] = [];
      await deployFiles(connection.fs, project(2), { log: (line) => lines.push(line) });
      expect(lines.filter((line) => !line.startsWith("Up to date"))).toEqual(["Updated: m0.py"]);
      await expectHolds(board, project(2));
      return bytes;
    };
    expect(await sent(30)).toBe(await sent(3));
  });

  it("a board error mid-commit undoes the renames done so far: the previous program stays whole", async () => {
    const board = await startBoard({ faults: { failRename: { path: "/extra.py", count: 2 } } });
    await deploy(board, oldBuild);
    await expect(deploy(board, newBuild)).rejects.toThrow(/^the board does not hold the build after installing it \(.*extra\.py/);
    await expectHolds(board, oldBuild);
    expect((await deploy(board, newBuild)).lines).toContain("Removed: gone.py");
    await expectHolds(board, newBuild);
  });
});

// The board's record of checked files (SEEN_PATH): files that kept the size and mtime it gives
// them are not hashed again. What it may never do is hide a file that differs from the build,
// except the documented case: the same size, stamped with the second the record holds.
describe("deployFiles with the board's record of checked files", () => {
  type Seen = { m: string; f: Record<string, [number, number]> };
  const seen = async (board: VirtualBoard): Promise<Seen> => JSON.parse(new TextDecoder().decode(await board.readFile(SEEN_PATH))) as Seen;

  /**
   * Rewrites util.py with as many bytes (V = 2 becomes V = 9), then writes a record vouching for
   * every file as it now is: for manifest `manifest`, stamped a later second than util.py's
   * mtime (`later`) or the same one.
   */
  async function editBehindRecord(board: VirtualBoard, options: { later: boolean; manifest?: string; cutShort?: boolean }): Promise<void> {
    const manifest = options.manifest ?? sha256Hex(await board.readFile(MANIFEST_PATH));
    const later = options.later ? "True" : "False";
    const connection = await connect(board);
    await connection.repl.execOrThrow(
      [
        "import os, json, time",
        "while True:",
        "  open('util.py', 'w').write('V = 9\\n')",
        "  u = os.stat('util.py')[8]",
        `  r = json.dumps({'m': '${manifest}', 'f': {n: [os.stat(n)[6], os.stat(n)[8]] for n in ('main.py', 'util.py', 'extra.py')}})`,
        options.cutShort ? "  r = r[: len(r) // 2]" : "",
        "  open('.tsmp-seen.json', 'w').write(r)",
        `  while ${later} and os.stat('.tsmp-seen.json')[8] <= u:`,
        "    time.sleep_ms(50)",
        "    open('.tsmp-seen.json', 'w').write(r)",
        `  if (os.stat('.tsmp-seen.json')[8] > u) == ${later}:`,
        "    break",
      ].join("\n"),
    );
    await connection.close();
  }

  it("records each installed file's size and mtime for the manifest it belongs to", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    const record = await seen(board);
    expect(record.m).toBe(sha256Hex(await board.readFile(MANIFEST_PATH)));
    expect(Object.keys(record.f).sort()).toEqual(["extra.py", "main.py", "util.py"]);
    for (const file of newBuild) expect(record.f[file.path]![0]).toBe(file.data.length);
  });

  it("a deploy with nothing to install records the files it had to hash", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    const connection = await connect(board);
    await connection.fs.remove(SEEN_PATH);
    await connection.close();
    expect((await deploy(board, newBuild)).lines).toEqual(["Up to date: main.py", "Up to date: util.py", "Up to date: extra.py"]);
    expect(Object.keys((await seen(board)).f).sort()).toEqual(["extra.py", "main.py", "util.py"]);
  });

  it("repairs a file rewritten with the same size right after the deploy", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    const connection = await connect(board);
    await connection.fs.writeFile("util.py", Buffer.from("V = 9\n"));
    await connection.close();
    expect((await deploy(board, newBuild)).lines).toContain("Repaired: util.py");
    await expectHolds(board, newBuild);
  });

  it("hashes a file stamped with the second its record was written in", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    await editBehindRecord(board, { later: false });
    expect((await deploy(board, newBuild)).lines).toContain("Repaired: util.py");
    await expectHolds(board, newBuild);
  });

  it("a record of another manifest, or one cut short, vouches for nothing", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    await editBehindRecord(board, { later: true, manifest: sha256Hex(Buffer.from("another manifest")) });
    expect((await deploy(board, newBuild)).lines).toContain("Repaired: util.py");
    await editBehindRecord(board, { later: true, cutShort: true });
    expect((await deploy(board, newBuild)).lines).toContain("Repaired: util.py");
    await expectHolds(board, newBuild);
  });

  it("takes a file that kept the size and mtime its record gives as it was (the documented limit)", async () => {
    const board = await startBoard();
    await deploy(board, newBuild);
    await editBehindRecord(board, { later: true });
    expect((await deploy(board, newBuild)).lines).toContain("Up to date: util.py");
    expect(await boardText(board, "util.py")).toBe("V = 9\n");
  });
});
