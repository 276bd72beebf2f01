import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packagePath } from "../../../src/package-paths.js";
import { cliBuilt } from "../../harness/cli-process.js";

// The CLI tunes V8 for a short run before TypeScript loads (src/transpile/short-run.ts), and V8
// refuses a code cache made under other flags. These run the built CLI as a user does, with a
// temporary folder of its own for the cache.
const temporary = mkdtempSync(join(tmpdir(), "tsmp-compile-cache-test-"));
const cacheFolder = join(temporary, "tsmp-compile-cache");
const project = join(temporary, "project");
mkdirSync(join(project, "src"), { recursive: true });
writeFileSync(join(project, "src", "main.ts"), 'console.log("cached");\n');

afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** Runs node; returns what it wrote to stderr (the CLI reports there). */
function node(args: string[]): string {
  const result = spawnSync(process.execPath, args, { env: { ...process.env, TMPDIR: temporary }, encoding: "utf8", timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr;
}

const typescriptCaches = () => readdirSync(cacheFolder).filter((name) => name.startsWith("typescript-"));

describe.skipIf(!cliBuilt)("TypeScript's code cache", () => {
  it("is kept apart for the tuned CLI and reused by the next build, not rewritten", () => {
    expect(node([packagePath("bin/tsmp.js"), "build", project, "-o", join(project, "build")])).toMatch(/^Built 1 file into /);
    const [cache, ...others] = typescriptCaches();
    expect(others).toEqual([]);
    expect(cache).toMatch(/^typescript-[\d.]+-v[\d.]+-\w+-short-run-\d+\.bin$/);
    const written = statSync(join(cacheFolder, cache!)).mtimeMs;

    node([packagePath("bin/tsmp.js"), "build", project, "-o", join(project, "build")]);
    // A cache V8 refused (made under other flags) would be written again at exit.
    expect(statSync(join(cacheFolder, cache!)).mtimeMs).toBe(written);
  }, 240_000);

  it("has a file of its own for a process that did not tune V8", () => {
    node(["--input-type=module", "-e", `await import(${JSON.stringify(packagePath("dist/transpile/typescript.js"))});`]);
    expect(typescriptCaches().filter((name) => !name.includes("-short-run"))).toEqual([
      expect.stringMatching(/^typescript-[\d.]+-v[\d.]+-\w+\.bin$/),
    ]);
  }, 120_000);
});
