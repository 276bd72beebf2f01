import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { packagePath } from "../../src/package-paths.js";

// `tsmp check`: what a build would report, for CI, with nothing written.
const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function check(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation((t: string | Uint8Array) => ((stderr += Buffer.from(t).toString()), true));
  const code = await main(["node", "tsmp", "check", ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

function blinkProject(): string {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-check-"));
  folders.push(folder);
  cpSync(packagePath("templates", "blink"), folder, { recursive: true, filter: (source) => !/node_modules|[/\\]build$/.test(source) });
  return folder;
}

describe("tsmp check", () => {
  it("passes a project that builds, writing nothing", async () => {
    const project = blinkProject();
    expect(await check(project)).toEqual({ code: 0, stderr: "No problems: 1 module checked (TypeScript and tsmp's rules)\n" });
    expect(existsSync(join(project, "build"))).toBe(false);
  });

  it("fails with tsmp's diagnostic and TypeScript's, and writes nothing", async () => {
    const project = blinkProject();
    writeFileSync(
      join(project, "src", "main.ts"),
      "const shared = new SharedArrayBuffer(8);\nconst n: number = 'x';\nconsole.log(shared, n);\n",
    );
    const { code, stderr } = await check(project);
    expect(code).toBe(1);
    expect(stderr).toMatch(/src\/main\.ts:1:20 - error TSMP1121: SharedArrayBuffer/);
    expect(stderr).toMatch(/src\/main\.ts:2:7 - error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(existsSync(join(project, "build"))).toBe(false);
  });
});
