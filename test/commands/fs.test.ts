import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { putBoardFile, type FsOptions } from "../../src/commands/fs.js";
import { VirtualBoard, type VirtualBoardOptions } from "../../src/sim/virtual-board/index.js";

// `tsmp fs put` goes through the deploy's verified upload: a corrupted copy is re-sent, and one
// that never arrives intact replaces nothing and leaves no temporary file behind.
let board: VirtualBoard | undefined;
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "tsmp-fs-put-"));
});
afterEach(async () => {
  await board?.stop();
  board = undefined;
  rmSync(folder, { recursive: true, force: true });
});

async function put(options: VirtualBoardOptions, content: string): Promise<{ board: VirtualBoard; log: string[]; result: Promise<void> }> {
  board = await VirtualBoard.start(options);
  const local = join(folder, "notes.txt");
  writeFileSync(local, content);
  const log: string[] = [];
  const sinks: FsOptions = { port: board.portPath, stdout: () => undefined, log: (line) => void log.push(line) };
  return { board, log, result: putBoardFile(local, undefined, sinks) };
}

describe("tsmp fs put", () => {
  it("re-sends a file that arrived corrupted once and installs the intact copy", async () => {
    const { board, log, result } = await put({ faults: { corruptReceived: { match: "zqxjkv" } } }, "noise zqxjkv\n");
    await result;
    expect(log).toEqual(["Retrying notes.txt (sha256 mismatch)", "Wrote notes.txt (13 B)"]);
    expect(new TextDecoder().decode(await board.readFile("notes.txt"))).toBe("noise zqxjkv\n");
  });

  it("keeps the board's file and leaves no temporary file when every copy arrives corrupted", async () => {
    const { board, result } = await put(
      { files: { "notes.txt": "before\n" }, faults: { corruptReceived: { match: "zqxjkv", count: Infinity } } },
      "noise zqxjkv\n",
    );
    await expect(result).rejects.toThrow("notes.txt arrived corrupted 3 times (sha256 mismatch); check the cable and try again");
    expect(new TextDecoder().decode(await board.readFile("notes.txt"))).toBe("before\n");
    expect(await board.listFiles()).toEqual(["/notes.txt"]);
  });
});
