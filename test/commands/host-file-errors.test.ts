import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { describeHostFileError } from "../../src/host-file-error.js";

// Paths on this computer that cannot be written or read end in one tsmp: line and exit 1.
const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation((t: string | Uint8Array) => ((stderr += Buffer.from(t).toString()), true));
  const code = await main(["node", "tsmp", ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

function project(): string {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-host-files-"));
  folders.push(folder);
  writeFileSync(join(folder, "main.ts"), 'console.log("hi");\n');
  writeFileSync(join(folder, "a-file"), "");
  return folder;
}

describe("host file errors at the CLI edge", () => {
  it("build -o onto a file, or below one", async () => {
    const folder = project();
    expect(await cli("build", folder, "-o", join(folder, "a-file"))).toEqual({
      code: 1,
      stderr: `tsmp: ${join(folder, "a-file")}: already exists and is not a folder\n`,
    });
    expect(await cli("build", folder, "-o", join(folder, "a-file", "out"))).toEqual({
      code: 1,
      stderr: `tsmp: ${join(folder, "a-file", "out")}: a part of the path is not a folder\n`,
    });
  });

  it("names a path too long to show in full by its ends", () => {
    const long = `/tmp/${"x".repeat(1004)}`;
    const error = Object.assign(new Error("ENAMETOOLONG"), { code: "ENAMETOOLONG", path: long });
    expect(describeHostFileError(error)?.message).toBe(`${long.slice(0, 60)}…${long.slice(-15)}: the name is too long`);
    expect(describeHostFileError(new Error("no code"))).toBeUndefined();
  });
});
