import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, isTemplateSource } from "../../src/commands/init.js";
import { packagePath } from "../../src/package-paths.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-init-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What `tsc -p dir` (and so an editor) reports for the project: the messages of its errors. */
function typeErrors(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`no tsconfig.json in ${dir}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return [...config.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("tsmp init", () => {
  it("leaves out what building or testing the template in place generated", () => {
    expect(isTemplateSource("src/main.ts")).toBe(true);
    expect(isTemplateSource("blink.test.ts")).toBe(true);
    expect(isTemplateSource("build")).toBe(false);
    expect(isTemplateSource("build/main.py")).toBe(false);
    expect(isTemplateSource("node_modules/vitest/package.json")).toBe(false);
  });

  it("creates the pyboard flavour of blink, typechecking against this tsmp's facade", () => {
    const created = createProject(join(scratch, "blink"));
    expect(created.board).toBe("pyboard");
    expect(created.files).toEqual(["README.md", "blink.test.ts", "package.json", "src/globals.d.ts", "src/main.ts", "tsconfig.json"]);
    expect(readFileSync(join(created.dir, "src", "main.ts"), "utf8")).toContain('import { LED } from "tsmp/pyb"');
    // The off-device test runs under vitest with tsmp/testing from this installation.
    const manifest = JSON.parse(readFileSync(join(created.dir, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ name: "blink", scripts: { test: "vitest run" }, devDependencies: { tsmp: `file:${packagePath()}` } });
    const tsconfig = JSON.parse(readFileSync(join(created.dir, "tsconfig.json"), "utf8"));
    expect(tsconfig.compilerOptions.paths).toEqual({
      "tsmp/testing": [packagePath("dist", "run", "testing")],
      "tsmp/*": [`${packagePath("dist", "runtime-shim")}/*`],
    });
    // Outside the repository no node_modules is in reach: the project needs nothing but tsmp.
    expect(typeErrors(created.dir)).toEqual([]);
  });

  it("puts the generic board's flavour in src/ with --board generic", () => {
    const created = createProject(join(scratch, "generic"), { board: "generic" });
    expect(created.files).toEqual(["README.md", "blink.test.ts", "package.json", "src/globals.d.ts", "src/main.ts", "tsconfig.json"]);
    expect(readFileSync(join(created.dir, "src", "main.ts"), "utf8")).toContain('import { Pin } from "tsmp/machine"');
    expect(readFileSync(join(created.dir, "blink.test.ts"), "utf8")).toContain('run.waveform("Pin(1)")');
    expect(typeErrors(created.dir)).toEqual([]);
  });

  it("accepts an existing empty folder", () => {
    const dir = join(scratch, "empty");
    mkdirSync(dir);
    expect(createProject(dir).files).toContain("src/main.ts");
  });

  it("refuses a folder that is not empty, leaving it untouched", () => {
    const dir = join(scratch, "taken");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(() => createProject(dir)).toThrowError(`${dir} is not empty; give a new folder name (tsmp init never overwrites files)`);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
  });

  it("refuses a path that is a file", () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    expect(() => createProject(file)).toThrowError(`${file} exists and is not a folder`);
  });

  it("names the templates and boards there are when given an unknown one", () => {
    expect(() => createProject(join(scratch, "x"), { template: "nope" })).toThrowError('no template named "nope" (available: blink)');
    expect(() => createProject(join(scratch, "y"), { board: "esp8266" })).toThrowError(
      'the blink template has no "esp8266" flavour (available: pyboard, generic)',
    );
  });

  it("prints next steps on stderr from the CLI, and one clear line on bad input", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [packagePath("bin", "tsmp.js"), "init", ...args], { encoding: "utf8" });
    const ok = cli(join(scratch, "from-cli"));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("");
    expect(ok.stderr).toContain("Next steps:");
    expect(ok.stderr).toContain("tsmp run .");
    expect(ok.stderr).toContain("npm install && npm test     test it off-device with vitest (blink.test.ts)");
    const again = cli(join(scratch, "from-cli"));
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`tsmp: ${join(scratch, "from-cli")} is not empty; give a new folder name (tsmp init never overwrites files)\n`);
  });
});
