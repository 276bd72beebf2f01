import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VirtualBoard } from "../../../src/sim/virtual-board/index.js";
import { startBoard, text } from "../../harness/virtual-board-fixtures.js";

describe("the board's flash", () => {
  it("starts with the given files, and readFile/listFiles see what Python wrote", async () => {
    const { board, client } = await startBoard({ files: { "main.py": "", "lib/util.py": "x = 1\n", "/data.bin": Uint8Array.of(0, 255) } });
    expect(await board.listFiles()).toEqual(["/data.bin", "/lib/util.py", "/main.py"]);
    expect([...(await board.readFile("data.bin"))]).toEqual([0, 255]);
    await client.enterRawRepl();
    await client.execRaw(
      "import os\nos.mkdir('/logs')\nopen('/logs/a.txt', 'w').write('é')\nos.rename('/main.py', '/old.py')\nos.remove('/lib/util.py')",
    );
    expect(await board.listFiles()).toEqual(["/data.bin", "/logs/a.txt", "/old.py"]);
    expect(text(await board.readFile("/logs/a.txt"))).toBe("é");
    await expect(board.readFile("/main.py")).rejects.toThrow("no file /main.py on the virtual board");
  });

  it("has what deploy tools use: os.stat, hashlib.sha256, binascii", async () => {
    const { client } = await startBoard({ files: { "a.txt": "abc" } });
    await client.enterRawRepl();
    const { stdout, stderr } = await client.execRaw(
      "import os, hashlib, binascii\nprint(os.stat('a.txt')[6], os.stat('/')[0] & 0x4000)\nh = hashlib.sha256()\nh.update(open('a.txt', 'rb').read())\nprint(binascii.hexlify(h.digest()).decode())\nprint(os.statvfs('/')[:3])",
    );
    expect(stderr).toBe("");
    expect(stdout).toBe("3 16384\r\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\r\n(4096, 4096, 512)\r\n");
  });

  it("keeps each file's mtime through a soft reset, as a board's flash does", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    const stamp = async () => (await client.execRaw("import os\nprint(os.stat('kept.txt')[8])")).stdout;
    await client.execRaw("open('kept.txt', 'w').write('k')");
    const written = await stamp();
    // The reset comes over a second after the write: a flash written anew would show a later mtime.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    client.write("\x04");
    await client.readUntil("raw REPL; CTRL-B to exit\r\n>");
    expect(await stamp()).toBe(written);
  });

  it("refuses a baud rate that is not a positive whole number", async () => {
    await expect(VirtualBoard.start({ baud: 0 })).rejects.toThrow("baud rate must be a positive whole number, not 0");
  });

  it("will not put the pty link over an existing file", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tsmp-virtual-board-link-"));
    const file = join(folder, "main.py");
    writeFileSync(file, "print('mine')\n");
    try {
      await expect(VirtualBoard.start({ link: file })).rejects.toThrow(
        `${file} already exists and is not a symlink; choose another path for the board's pty`,
      );
      expect(readFileSync(file, "utf8")).toBe("print('mine')\n");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("says so when the pty link cannot be made", async () => {
    await expect(VirtualBoard.start({ link: "/nonexistent-folder/board" })).rejects.toThrow(
      "cannot create /nonexistent-folder/board: the folder /nonexistent-folder does not exist",
    );
  });
});
