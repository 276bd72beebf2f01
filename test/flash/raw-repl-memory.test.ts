import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { BoardExecError } from "../../src/flash/raw-repl.js";
import { LinkLost } from "../../src/flash/byte-link.js";
import { VirtualBoard, type VirtualBoardOptions } from "../../src/sim/virtual-board/index.js";

// The raw REPL protocol and the board filesystem over the in-memory cable: the virtual board's
// real firmware, no pty or socat in between.
const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  for (const board of boards.splice(0)) await board.stop();
});

async function connect(options: VirtualBoardOptions = {}): Promise<{ board: VirtualBoard; connection: BoardConnection }> {
  const board = await VirtualBoard.start({ ...options, cable: "memory" });
  boards.push(board);
  const connection = await connectOverLink(board.openLink());
  connections.push(connection);
  return { board, connection };
}

describe("raw REPL over the in-memory link", () => {
  it("frames stdout and stderr apart", async () => {
    const { connection } = await connect();
    const { stdout, stderr } = await connection.repl.exec("print('out')\nraise ValueError('bad')");
    expect(stdout.toString()).toBe("out\r\n");
    expect(stderr.toString()).toMatch(/ValueError: bad\r\n$/);
    await expect(connection.repl.execOrThrow("1/0")).rejects.toThrow(BoardExecError);
  });

  it("streams code larger than many raw-paste windows through flow control", async () => {
    const { connection } = await connect();
    const lines = Array.from({ length: 400 }, (_, i) => `x${i} = ${i}`).join("\n");
    const answer = await connection.repl.execOrThrow(`${lines}\nprint(x0 + x399)`);
    expect(connection.repl.usesRawPaste).toBe(true);
    expect(answer).toBe("399\r\n");
  });

  it("falls back to paced raw writes on a board that refuses raw-paste", async () => {
    const { connection } = await connect({ faults: { refuseRawPaste: true } });
    expect(await connection.repl.execOrThrow("print(6 * 7)")).toBe("42\r\n");
    expect(connection.repl.usesRawPaste).toBe(false);
  });

  it("a soft reset wipes the interpreter's state and leaves the board at the raw REPL", async () => {
    const { connection } = await connect();
    await connection.repl.execOrThrow("kept = 1");
    await connection.repl.softReset();
    expect(connection.repl.resetCount).toBe(1);
    expect(await connection.repl.execOrThrow("print('kept' in globals())")).toBe("False\r\n");
  });

  it("interrupts a running main.py to enter the raw REPL", async () => {
    const { connection } = await connect({ files: { "main.py": "import time\nwhile True:\n    print('tick')\n    time.sleep_ms(10)\n" } });
    expect(await connection.repl.execOrThrow("print('in')")).toBe("in\r\n");
  });

  it("writes, lists, hashes, renames and removes board files", async () => {
    const { board, connection } = await connect();
    const { fs } = connection;
    const content = Buffer.from("print('hi')\n".repeat(200));
    await fs.mkdir("lib");
    await fs.writeFile("lib/a.py", content);
    expect((await fs.ls("lib")).map((entry) => entry.name)).toEqual(["a.py"]);
    expect(await fs.sha256(["lib/a.py", "lib/none.py"])).toEqual([createHash("sha256").update(content).digest("hex"), undefined]);
    await fs.rename("lib/a.py", "lib/b.py");
    expect(Buffer.from(await fs.readFile("lib/b.py")).equals(content)).toBe(true);
    expect(Buffer.from(await board.readFile("lib/b.py")).equals(content)).toBe(true);
    await fs.remove("lib", { recursive: true });
    expect(await fs.stat("lib")).toBeUndefined();
  });

  it("a pulled cable ends reads with LinkLost", async () => {
    const { board, connection } = await connect({ faults: { dropAfterBytes: 12 } });
    await expect(connection.repl.execOrThrow("print('x' * 100)")).rejects.toThrow(LinkLost);
    await board.linkDropped;
  });
});
