import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";

// Folders tsmp may not write into and files it may not read (EACCES) end in one `tsmp:` line and
// exit 1, never an internal error. Root may write anywhere, so as root the CLI runs as `nobody`.

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const runAs: SpawnSyncOptions = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
/** A checkout under a folder only root may enter (/root) cannot be run as nobody: then say so and skip. */
const runnable =
  spawnSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(packagePath("dist", "cli", "main.js"))})`], runAs)
    .status === 0;
if (!runnable) console.log(`skipped: user ${NOBODY} cannot read this checkout of tsmp`);

const scratch = mkdtempSync(join(tmpdir(), "tsmp-permissions-"));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tsmp(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [packagePath("bin", "tsmp.js"), ...args], {
    ...runAs,
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, HOME: scratch },
  });
  return { status: result.status, stderr: result.stderr };
}

/** A folder the CLI's user cannot write into, holding a project it can read. */
function readOnlyFolder(name: string): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  writeFileSync(join(folder, "main.ts"), 'console.log("hi");\n');
  chmodSync(join(folder, "main.ts"), 0o644);
  chmodSync(folder, 0o555);
  return folder;
}

describe.runIf(runnable)("permission errors at the CLI edge", () => {
  it("build into a folder it may not write", () => {
    const folder = readOnlyFolder("build-ro");
    expect(tsmp("build", folder)).toEqual({ status: 1, stderr: `tsmp: ${join(folder, "build")}: permission denied\n` });
  });

  it("init into a folder it may not write", () => {
    const folder = readOnlyFolder("init-ro");
    const result = tsmp("init", join(folder, "blinky"));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`tsmp: ${join(folder, "blinky")}: permission denied\n`);
  });

  it("firmware flash of an image it may not read, before any port is opened", () => {
    const image = join(scratch, "secret.bin");
    writeFileSync(image, Buffer.alloc(4096, 0xe9));
    chmodSync(image, asRoot ? 0o600 : 0o000);
    expect(tsmp("firmware", "flash", image, "--port", "/dev/does-not-exist")).toEqual({
      status: 1,
      stderr: `tsmp: ${image}: permission denied\n`,
    });
  });
});
