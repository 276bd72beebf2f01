import { inflateRawSync, constants } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { ByteLink } from "../../src/flash/byte-link.js";
import { BoardFs, sha256Hex } from "../../src/flash/board-fs.js";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { DeployInterrupted, deployFiles, type DeployFile } from "../../src/flash/deploy.js";
import { MANIFEST_PATH, readInstalledFiles } from "../../src/flash/deploy-record.js";
import { streamPieces } from "../../src/flash/stream-upload.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// A build of more than one exec's worth travels as one deflate stream (src/flash/stream-upload.ts),
// verified on the board as it is written. A piece garbled or lost on the way must end as the
// per-file upload does: the build installed whole, or the previous program kept whole.
const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close().catch(() => undefined);
  for (const board of boards.splice(0)) await board.stop();
});

/** Text that compresses about as well as code does, so that a build takes several pieces. */
function words(seed: number, count: number): string {
  let state = seed;
  const word = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state.toString(36));
  return Array.from({ length: count }, (_, i) => `v${i} = "${word()} ${word()}"`).join("\n");
}

function build(files: Record<string, string>): DeployFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, data: Buffer.from(text) }));
}

const oldBuild = build({ "main.py": "import util\nprint('old', util.V)\n", "util.py": "V = 1\n" });
const newBuild = build({
  "main.py": `import util, lib.extra\nprint('new', util.V)\n${words(1, 300)}\n`,
  "util.py": `V = 2\n${words(2, 400)}\n`,
  "empty.py": "",
  "lib/extra.py": `E = 3\n${words(3, 300)}\n`,
});

async function startBoard(): Promise<VirtualBoard> {
  const board = await VirtualBoard.start({ cable: "memory" });
  boards.push(board);
  return board;
}

async function startWithOldBuild(): Promise<VirtualBoard> {
  const board = await startBoard();
  await deploy(board, oldBuild);
  return board;
}

/** A connection whose bytes to the board are kept in `sent`. */
async function connect(board: VirtualBoard, sent: Buffer[] = []): Promise<BoardConnection> {
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
  connections.push(connection);
  return connection;
}

async function deploy(board: VirtualBoard, files: DeployFile[], fs?: (connection: BoardConnection) => BoardFs) {
  const lines: string[] = [];
  const sent: Buffer[] = [];
  const connection = await connect(board, sent);
  await deployFiles(fs ? fs(connection) : connection.fs, files, { log: (line) => lines.push(line) });
  return { lines, sent: Buffer.concat(sent).toString("latin1") };
}

async function expectHolds(board: VirtualBoard, files: DeployFile[]): Promise<void> {
  for (const file of files) expect(sha256Hex(await board.readFile(file.path)), file.path).toBe(sha256Hex(file.data));
  expect((await board.listFiles()).filter((path) => /\.tsmp-(new|old)$/.test(path))).toEqual([]);
}

describe("stream upload", () => {
  it("cuts one stream into pieces that each decode whole, after the pieces before them", () => {
    for (const bits of [11, 13, 15]) {
      const pieces = streamPieces(newBuild, bits);
      expect(pieces.length, `window ${bits}`).toBeGreaterThan(1);
      const decoded = inflateRawSync(Buffer.concat(pieces.map((piece) => piece.compressed)), {
        windowBits: bits,
        finishFlush: constants.Z_SYNC_FLUSH,
      });
      const table = JSON.stringify(newBuild.map((file) => [file.path, file.data.length]));
      expect(decoded.equals(Buffer.concat([Buffer.from(table), ...newBuild.map((file) => file.data)]))).toBe(true);
      expect(pieces.reduce((sum, piece) => sum + piece.decodes, 0)).toBe(decoded.length);
      // Each piece ends at a flush: what it decodes to is complete without the next one.
      let at = 0;
      let history = Buffer.alloc(0);
      for (const piece of pieces) {
        history = Buffer.concat([history, piece.compressed]);
        at += piece.decodes;
        expect(inflateRawSync(history, { windowBits: bits, finishFlush: constants.Z_SYNC_FLUSH }).length).toBe(at);
      }
    }
  });

  it("decodes the whole table in the first piece, however many files there are", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ path: `lib/module_${i}.mpy`, data: Buffer.from(words(i, 20)) }));
    const table = JSON.stringify(many.map((file) => [file.path, file.data.length])).length;
    expect(table).toBeGreaterThan(4096);
    const pieces = streamPieces(many, 15);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]!.decodes).toBeGreaterThanOrEqual(table);
  });

  it("installs a build of several pieces as one stream, with folders and an empty file, and records it", async () => {
    const board = await startWithOldBuild();
    const { lines, sent } = await deploy(board, newBuild);
    expect(sent).toContain("_tsmp_rx_open(");
    expect(sent.split("_tsmp_rx(b'").length - 1).toBeGreaterThan(1);
    expect(sent).not.toContain("_tsmp_f.write(");
    expect(lines).toEqual(["Updated: main.py", "Updated: util.py", "Updated: empty.py", "Updated: lib/extra.py"]);
    await expectHolds(board, newBuild);
    const manifest = readInstalledFiles(Buffer.from(await board.readFile(MANIFEST_PATH)));
    expect(manifest).toEqual(Object.fromEntries(newBuild.map((file) => [file.path, sha256Hex(file.data)])));
  });

  it("a byte garbled in a piece stops the stream; the files it did not confirm go one at a time", async () => {
    const board = await startWithOldBuild();
    const recorded = (await deploy(await startWithOldBuild(), newBuild)).sent;
    // A byte inside the second piece's data, once the first has installed its files.
    const second = recorded.indexOf("_tsmp_rx(b'", recorded.indexOf("_tsmp_rx(b'") + 1);
    board.setFaults({ flipByteAt: second + 200 });
    const { lines } = await deploy(board, newBuild);
    expect(lines.filter((line) => line.startsWith("Retrying"))).toEqual([
      expect.stringMatching(/^Retrying [1-4] of 4 files one at a time \(the compressed stream arrived corrupted\)$/),
    ]);
    await expectHolds(board, newBuild);
  });

  it("a link lost mid-stream keeps the previous program whole, and the next deploy installs the build", async () => {
    const board = await startWithOldBuild();
    const recorded = (await deploy(await startWithOldBuild(), newBuild)).sent;
    const second = recorded.indexOf("_tsmp_rx(b'", recorded.indexOf("_tsmp_rx(b'") + 1);
    board.setFaults({ dropAfterBytes: second + 500 });
    await expect(deploy(board, newBuild)).rejects.toThrow(/lost the connection|closed/);
    await board.linkDropped;
    for (const file of oldBuild) expect(sha256Hex(await board.readFile(file.path)), file.path).toBe(sha256Hex(file.data));
    await board.replug();
    await deploy(board, newBuild);
    await expectHolds(board, newBuild);
  });

  it("a stop asked for mid-stream ends at a safe point: no file left open or half written", async () => {
    const board = await startWithOldBuild();
    const stop = new AbortController();
    const connection = await connect(board);
    const progress = { start: () => undefined, finish: () => undefined, advance: () => stop.abort() };
    await expect(deployFiles(connection.fs, newBuild, { log: () => undefined, progress, signal: stop.signal })).rejects.toThrow(
      new DeployInterrupted("stopped before installing anything: the board keeps its previous program, complete"),
    );
    await expectHolds(board, oldBuild);
    expect((await board.listFiles()).filter((path) => path.includes(".tsmp-"))).toEqual(["/.tsmp-manifest.json", "/.tsmp-seen.json"]);
  });

  it("without compression (as on a board with no deflate module) the files go one at a time", async () => {
    const board = await startWithOldBuild();
    const { sent } = await deploy(board, newBuild, (connection) => new BoardFs(connection.repl, { compress: false }));
    expect(sent).not.toContain("_tsmp_rx_open(");
    expect(sent).toContain("_tsmp_f.write(");
    await expectHolds(board, newBuild);
  });
});
