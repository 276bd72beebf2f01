import { afterEach, describe, expect, it } from "vitest";
import { BoardFsError, parseListing } from "../../src/flash/board-fs.js";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { ProtocolError } from "../../src/flash/raw-repl.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// Whatever a board sends, reading it ends in bounded time and memory, and garbage is an error.
const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close().catch(() => undefined);
  for (const board of boards.splice(0)) await board.stop();
});

async function connect(files: Record<string, Uint8Array> = {}): Promise<BoardConnection> {
  const board = await VirtualBoard.start({ cable: "memory", files });
  boards.push(board);
  const connection = await connectOverLink(board.openLink());
  connections.push(connection);
  return connection;
}

const heapMiB = () => process.memoryUsage().heapUsed / 2 ** 20;

describe("bounded reads from a board", () => {
  it("a board that answers a command by printing for ever ends in a clear error, memory flat", async () => {
    const connection = await connect();
    const before = heapMiB();
    const started = Date.now();
    // What a board does whose firmware prints instead of answering: here, the answer to `fs ls`.
    await expect(connection.fs.call("while True:\n print('x' * 1000)", "")).rejects.toThrow(
      new ProtocolError(
        "the board on virtual-board:memory sent more than 256 KiB in answer to one command; something on it keeps printing",
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const grown = heapMiB() - before;
    console.log(`babbling board: error after ${seconds.toFixed(1)} s, heap grew ${grown.toFixed(1)} MiB`);
    expect(seconds).toBeLessThan(10);
    expect(grown).toBeLessThan(64);
  });

  it("streamed output of an endless program is passed on, not kept", async () => {
    const connection = await connect();
    let streamed = 0;
    const before = heapMiB();
    const running = connection.repl.exec("while True:\n print('y' * 1000)", {
      onStdout: (bytes) => {
        streamed += bytes.length;
        if (streamed > 256 * 1024) void connection.repl.interrupt();
      },
    });
    const { stdout, stderr } = await running;
    expect(stdout.length).toBe(0);
    expect(stderr.toString()).toMatch(/KeyboardInterrupt/);
    const grown = heapMiB() - before;
    console.log(`endless printer: streamed ${(streamed / 2 ** 20).toFixed(1)} MiB, heap grew ${grown.toFixed(1)} MiB`);
    expect(grown).toBeLessThan(64);
  });

  it("a listing garbled inside a valid frame is an error, not a NaN size", () => {
    expect(parseListing("f 12 6d61696e2e7079\r\nd 0 6c6962\r\n")).toEqual([
      { name: "lib", isDir: true, size: 0 },
      { name: "main.py", isDir: false, size: 12 },
    ]);
    expect(() => parseListing("f 1\u00e92 6d61696e2e7079\r\n")).toThrow(/the board's listing arrived garbled/);
  });

  it("a file bigger than one answer is read in pieces, each exec bounded, and arrives intact", async () => {
    // Three pieces and a bit: the old single-exec read grew the board's memory with the file
    // (a 1 MB file ran the virtual board out of memory).
    const data = Uint8Array.from({ length: 3 * 36 * 1024 + 1000 }, (_, i) => (i * 7919 + (i >> 8)) & 0xff);
    const connection = await connect({ "logs/big.bin": data });
    const progress: number[] = [];
    const back = await connection.fs.readFile("logs/big.bin", { onProgress: (received) => progress.push(received) });
    expect(Buffer.compare(back, Buffer.from(data))).toBe(0);
    expect(progress).toEqual([36 * 1024, 72 * 1024, 108 * 1024, data.length]);
  });

  it("reading a folder or a missing file names the path", async () => {
    const connection = await connect({ "logs/a.txt": new TextEncoder().encode("a") });
    await expect(connection.fs.readFile("logs")).rejects.toThrow(new BoardFsError("logs: is a directory"));
    await expect(connection.fs.readFile("nope.txt")).rejects.toThrow(new BoardFsError("nope.txt: no such file or directory"));
  });
});
