import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { withBoard } from "../../src/flash/connection.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// The board filesystem API and `tsmp fs`, against a virtual board on a pty.
let board: VirtualBoard;
let folder: string;
beforeEach(async () => {
  board = await VirtualBoard.start({ files: { "main.py": "print('untouched')\n", "lib/util.py": "x = 1\n" } });
  folder = mkdtempSync(join(tmpdir(), "tsmp-fs-"));
});
afterEach(async () => {
  await board.stop();
  rmSync(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function tsmp(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((text: string | Uint8Array) => ((stdout += Buffer.from(text).toString()), true));
  vi.spyOn(process.stderr, "write").mockImplementation((text: string | Uint8Array) => ((stderr += Buffer.from(text).toString()), true));
  try {
    const code = await main(["node", "tsmp", ...args, "--port", board.portPath]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe("board filesystem", () => {
  it("stores names with quotes, backslashes and unicode exactly, and never runs them as code", async () => {
    const names = [`it's "quoted".py`, "back\\slash\\.txt", "ünïcødé ✓ 𝄞.txt", "x'); import os; os.remove('main.py'); ('.txt"];
    await withBoard({ port: board.portPath }, async ({ fs }) => {
      for (const name of names) await fs.writeFile(name, Buffer.from(`content of ${name}`));
      const listed = (await fs.ls("")).map((entry) => entry.name);
      expect(listed).toEqual(expect.arrayContaining([...names, "main.py", "lib"]));
      for (const name of names) expect((await fs.readFile(name)).toString()).toBe(`content of ${name}`);
    });
    const files = await board.listFiles();
    for (const name of names) expect(files).toContain(`/${name}`);
    expect(new TextDecoder().decode(await board.readFile("main.py"))).toBe("print('untouched')\n");
  });

  it("lists with sizes, makes folders with parents, stats, renames, hashes and removes recursively", async () => {
    await withBoard({ port: board.portPath }, async ({ fs }) => {
      await fs.mkdir("a/b/c");
      await fs.mkdir("a/b"); // already there: fine, like mkdir -p
      await fs.writeFile("a/b/data.bin", Buffer.from([0, 1, 2, 3, 4, 255]));
      expect(await fs.ls("a/b")).toEqual([
        { name: "c", isDir: true, size: 0 },
        { name: "data.bin", isDir: false, size: 6 },
      ]);
      expect(await fs.stat("a/b/data.bin")).toEqual({ isDir: false, size: 6 });
      expect(await fs.stat("nothing")).toBeUndefined();
      await fs.rename("a/b/data.bin", "a/moved.bin");
      expect([...(await fs.readFile("a/moved.bin"))]).toEqual([0, 1, 2, 3, 4, 255]);
      const [hash, missing] = await fs.sha256(["a/moved.bin", "a/gone"]);
      expect(hash).toBe(
        createHash("sha256")
          .update(Uint8Array.from([0, 1, 2, 3, 4, 255]))
          .digest("hex"),
      );
      expect(missing).toBeUndefined();
      await expect(fs.remove("a")).rejects.toThrow("a: directory not empty");
      await fs.remove("a", { recursive: true });
      expect(await fs.stat("a")).toBeUndefined();
      await expect(fs.readFile("a/moved.bin")).rejects.toThrow("a/moved.bin: no such file or directory");
    });
  });

  it("tsmp fs put, ls, cat, get, mkdir and rm", async () => {
    const local = join(folder, "notes.txt");
    writeFileSync(local, "line one\nline two é\n");
    expect(await tsmp("fs", "mkdir", "docs/old")).toMatchObject({ code: 0 });
    expect(await tsmp("fs", "put", local, "docs/notes.txt")).toMatchObject({ code: 0, stderr: "Wrote docs/notes.txt (21 B)\n" });
    expect((await tsmp("fs", "ls", "docs")).stdout).toBe("       21 notes.txt\n          old/\n");
    expect((await tsmp("fs", "cat", "docs/notes.txt")).stdout).toBe("line one\nline two é\n");
    const copy = join(folder, "copy.txt");
    expect(await tsmp("fs", "get", "docs/notes.txt", copy)).toMatchObject({ code: 0 });
    expect(readFileSync(copy, "utf8")).toBe("line one\nline two é\n");
    expect(await tsmp("fs", "rm", "-r", "docs")).toMatchObject({ code: 0 });
    expect(await tsmp("fs", "cat", "docs/notes.txt")).toEqual({
      code: 1,
      stdout: "",
      stderr: "tsmp: docs/notes.txt: no such file or directory\n",
    });
  });
});
