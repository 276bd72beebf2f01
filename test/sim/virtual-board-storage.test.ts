import { afterEach, describe, expect, it } from "vitest";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// The virtual board's flash behaves like a board's: it has a root nothing climbs out of, a size,
// and an ENOSPC when it is full. Over the in-memory cable: no pty needed.
const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  for (const board of boards.splice(0)) await board.stop();
});

async function connect(files: Record<string, string> = {}): Promise<BoardConnection> {
  const board = await VirtualBoard.start({ cable: "memory", files });
  boards.push(board);
  const connection = await connectOverLink(board.openLink());
  connections.push(connection);
  return connection;
}

describe("the virtual board's flash", () => {
  it("keeps programs inside it: .. stops at the board's root", async () => {
    const connection = await connect({ "main.py": "pass\n" });
    expect(await connection.repl.execOrThrow("import os\nprint(sorted(os.listdir('..')), sorted(os.listdir('/../..')))")).toBe(
      "['main.py'] ['main.py']\r\n",
    );
    expect((await connection.fs.ls("..")).map((entry) => entry.name)).toEqual(["main.py"]);
  });

  it("reports the space writes use, and raises ENOSPC when full", async () => {
    const connection = await connect();
    const code = [
      "import os",
      "free = os.statvfs('/')[3]",
      "f = open('fill', 'wb')",
      "try:",
      "    for i in range(1000):",
      "        f.write(b'x' * 4096)",
      "except OSError as e:",
      "    print(e.errno, free, os.statvfs('/')[3])",
      "f.close()",
    ].join("\n");
    const [errno, freeBefore, freeAfter] = (await connection.repl.execOrThrow(code)).trim().split(" ").map(Number);
    expect(errno).toBe(28);
    expect(freeBefore).toBe(512);
    expect(freeAfter).toBe(0);
    await expect(connection.fs.writeFile("more.py", Buffer.from("x = 1\n".repeat(2000)))).rejects.toThrow(
      "more.py: the board's filesystem is full",
    );
  });
});
