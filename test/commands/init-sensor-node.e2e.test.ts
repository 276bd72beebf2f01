import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createProject } from "../../src/commands/init.js";
import { packagePath } from "../../src/package-paths.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-init-sensor-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("tsmp init --template sensor-node", () => {
  it("creates a project whose own tests pass there, and that builds for the board", () => {
    const created = createProject(join(scratch, "node1"), { template: "sensor-node" });
    expect(created.files).toEqual([
      ".gitignore",
      "README.md",
      "package.json",
      "src/average.ts",
      "src/board.ts",
      "src/globals.d.ts",
      "src/main.ts",
      "src/settings.ts",
      "src/sht3x.ts",
      "test/sensor-node.test.ts",
      "test/tsconfig.json",
      "tsconfig.json",
      "tsmp.board.json",
    ]);
    // What `npm install` would give it: tsmp from this installation, and vitest.
    mkdirSync(join(created.dir, "node_modules"));
    symlinkSync(packagePath(), join(created.dir, "node_modules", "tsmp"));
    symlinkSync(packagePath("node_modules", "vitest"), join(created.dir, "node_modules", "vitest"));
    const tests = spawnSync(process.execPath, [packagePath("node_modules", "vitest", "vitest.mjs"), "run", "--root", created.dir], {
      cwd: created.dir,
      encoding: "utf8",
    });
    expect((tests.stdout + tests.stderr).replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/Tests\s+4 passed/);
    expect(tests.status).toBe(0);

    const build = spawnSync(process.execPath, [packagePath("bin", "tsmp.js"), "build", created.dir], { encoding: "utf8" });
    expect(build.stderr).toMatch(/^Built 7 files into /);
    expect(build.status).toBe(0);
  });
});
