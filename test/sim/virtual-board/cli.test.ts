import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main.js";
import { packagePath } from "../../../src/package-paths.js";
import { SerialClient } from "../../harness/serial-client.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

async function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  const code = await main(["node", "tsmp", "virtual-board", ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

describe("tsmp virtual-board", () => {
  it("needs --link", async () => {
    const { code, stderr } = await runCli([]);
    expect(code).toBe(1);
    expect(stderr).toContain("required option '--link <path>' not specified");
  });

  it("rejects a --baud that is not a positive whole number", async () => {
    const { code, stderr } = await runCli(["--link", "/tmp/unused", "--baud", "fast"]);
    expect(code).toBe(1);
    expect(stderr).toContain("expected a positive whole number of bits per second");
  });

  it("says in one line when the link cannot be made", async () => {
    const { code, stderr } = await runCli(["--link", "/nonexistent-folder/board"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tsmp: cannot create \/nonexistent-folder\/board: the folder \/nonexistent-folder does not exist$/m);
    expect(stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  // Runs the built CLI (npm test builds first), as a user would, and stops it with Ctrl-C.
  it.skipIf(!existsSync(packagePath("dist/cli/main.js")))("serves a board until SIGINT, then removes the link and exits 0", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tsmp-virtual-board-cli-"));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const link = join(folder, "board");
    const cli = spawn(process.execPath, [packagePath("bin/tsmp.js"), "virtual-board", "--link", link, "--baud", "115200"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => cli.once("exit", (code) => resolve(code)));
    cleanups.push(async () => {
      if (cli.exitCode === null) cli.kill("SIGKILL");
      await exited;
    });
    let stderr = "";
    let stdout = "";
    cli.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      cli.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("Ctrl-C stops it.")) resolve();
      });
      cli.once("exit", () => reject(new Error(`tsmp virtual-board exited: ${stderr}`)));
    });
    expect(stderr).toBe(`Virtual MicroPython board on ${link} at 115200 baud; Ctrl-C stops it.\n`);

    const client = await SerialClient.open(link);
    cleanups.push(() => client.close());
    await client.enterRawRepl();
    expect(await client.execRaw("print(sum(range(10)))")).toEqual({ stdout: "45\r\n", stderr: "" });
    await client.close();

    cli.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toContain("Stopped (SIGINT).");
    expect(stdout).toBe("");
    expect(existsSync(link)).toBe(false);
  });
});
