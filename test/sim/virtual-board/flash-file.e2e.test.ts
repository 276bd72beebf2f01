import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { withBoard } from "../../../src/flash/connection.js";
import { packagePath } from "../../../src/package-paths.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-virtual-board-flash-file-"));
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  child = undefined;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function serve(link: string, folder: string): Promise<ChildProcess> {
  const started = spawn(process.execPath, [packagePath("bin", "tsmp.js"), "virtual-board", "--link", link, "--flash-file", folder], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  started.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!stderr.includes("Ctrl-C stops it") && Date.now() < deadline) await sleep(50);
  expect(stderr).toContain("Virtual MicroPython board on");
  return started;
}

async function stop(process: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => process.once("exit", resolve));
  process.kill("SIGTERM");
  return exited;
}

describe("tsmp virtual-board --flash-file", () => {
  it("keeps the board's files in a folder across restarts", async () => {
    const link = join(scratch, "board");
    const folder = join(scratch, "flash");
    child = await serve(link, folder);
    await withBoard({ port: link }, (board) =>
      board.repl.execOrThrow("import os\nos.mkdir('lib')\nf = open('lib/note.txt', 'w')\nf.write('kept')\nf.close()"),
    );
    expect(await stop(child)).toBe(0);
    expect(readFileSync(join(folder, "lib", "note.txt"), "utf8")).toBe("kept");

    child = await serve(link, folder);
    const text = await withBoard({ port: link }, (board) => board.repl.execOrThrow("print(open('lib/note.txt').read())"));
    expect(text).toBe("kept\r\n");
    expect(await stop(child)).toBe(0);
    expect(existsSync(link)).toBe(false);
  }, 60_000);
});
