import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { createProject, isTemplateSource } from "../../src/commands/init.js";
import { packagePath } from "../../src/package-paths.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-init-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tsmpManifest = JSON.parse(readFileSync(packagePath("package.json"), "utf8"));
const projectFiles = [
  ".gitignore",
  "README.md",
  "package.json",
  "src/globals.d.ts",
  "src/main.ts",
  "test/blink.test.ts",
  "test/tsconfig.json",
  "tsconfig.json",
];

/** What `npm install` gives a project made with `--tsmp <this checkout>`: links into node_modules. */
function installLikeNpm(dir: string): void {
  const links: [name: string, target: string][] = [
    ["tsmp", packagePath()],
    ["vitest", packagePath("node_modules", "vitest")],
    ["@types/node", packagePath("node_modules", "@types", "node")],
  ];
  for (const [name, target] of links) {
    mkdirSync(dirname(join(dir, "node_modules", name)), { recursive: true });
    symlinkSync(target, join(dir, "node_modules", name), "dir");
  }
}

/** The project's files (node_modules aside) whose text contains one of the given paths. */
function filesNaming(dir: string, paths: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => !file.startsWith("node_modules") && statSync(join(dir, file)).isFile())
    .filter((file) => paths.some((path) => readFileSync(join(dir, file), "utf8").includes(path)));
}

/** What `tsc -p dir` (and so an editor) reports for the project: the messages of its errors. */
function typeErrors(dir: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(dir, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
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

  it("creates the pyboard flavour of blink, depending on this tsmp's version like on any npm package", () => {
    const created = createProject(join(scratch, "blink"));
    expect(created.board).toBe("pyboard");
    expect(created.files).toEqual(projectFiles);
    expect(readFileSync(join(created.dir, "src", "main.ts"), "utf8")).toContain('import { LED } from "tsmp/pyb"');
    const manifest = JSON.parse(readFileSync(join(created.dir, "package.json"), "utf8"));
    expect(manifest).toEqual({
      name: "blink",
      private: true,
      type: "module",
      scripts: {
        build: "tsmp build .",
        typecheck: "tsc -p . && tsc -p test",
        test: "vitest run",
        flash: "tsmp flash .",
        dev: "tsmp dev .",
      },
      devDependencies: {
        "@types/node": tsmpManifest.devDependencies["@types/node"],
        tsmp: `^${tsmpManifest.version}`,
        typescript: tsmpManifest.dependencies.typescript,
        vitest: tsmpManifest.devDependencies.vitest,
      },
      tsmp: { board: "pyboard", target: "micropython", port: "auto", baud: 115200, mpy: "auto", files: [] },
    });
    expect(readFileSync(join(created.dir, ".gitignore"), "utf8")).toBe("node_modules\nbuild\n");
    expect(JSON.parse(readFileSync(join(created.dir, "tsconfig.json"), "utf8")).compilerOptions.paths).toBeUndefined();
    const machinePaths = [scratch, packagePath(), homedir()].filter((path) => path.length > 1); // a home of "/" names nothing
    expect(filesNaming(created.dir, machinePaths)).toEqual([]);
  });

  for (const template of readdirSync(packagePath("templates"))) {
    it(`makes ${template} a project whose src/ and test/ type-check once npm has installed tsmp, TypeScript, vitest and Node's types`, () => {
      const created = createProject(join(scratch, `installed-${template}`), { template, tsmp: packagePath() });
      expect(created.files).toEqual(
        expect.arrayContaining([".gitignore", "README.md", "package.json", "test/tsconfig.json", "tsconfig.json"]),
      );
      expect(JSON.parse(readFileSync(join(created.dir, "tsconfig.json"), "utf8")).compilerOptions.paths).toBeUndefined();
      installLikeNpm(created.dir);
      expect(typeErrors(created.dir)).toEqual([]);
      expect(typeErrors(join(created.dir, "test"))).toEqual([]);
      // The board program sees no Node globals: a board has no process.
      writeFileSync(join(created.dir, "src", "node-only.ts"), "export const argv = process.argv;\n");
      expect(typeErrors(created.dir)).toEqual([expect.stringMatching(/^Cannot find name 'process'\./)]);
    });
  }

  it("puts the generic board's flavour in src/ and test/ with --board generic", () => {
    const created = createProject(join(scratch, "generic"), { board: "generic", tsmp: packagePath() });
    expect(created.files).toEqual(projectFiles);
    expect(readFileSync(join(created.dir, "src", "main.ts"), "utf8")).toContain('import { Pin } from "tsmp/machine"');
    expect(readFileSync(join(created.dir, "test", "blink.test.ts"), "utf8")).toContain('run.waveform("Pin(1)")');
    installLikeNpm(created.dir);
    expect(typeErrors(created.dir)).toEqual([]);
    expect(typeErrors(join(created.dir, "test"))).toEqual([]);
  });

  it("writes a local --tsmp folder or tarball relative to the project, and passes other specs to npm as given", () => {
    const tarball = join(scratch, "tsmp-9.9.9.tgz");
    writeFileSync(tarball, "");
    const devDependency = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).devDependencies.tsmp;
    expect(devDependency(createProject(join(scratch, "specs", "a"), { tsmp: tarball }).dir)).toBe("file:../../tsmp-9.9.9.tgz");
    expect(devDependency(createProject(join(scratch, "specs", "b"), { tsmp: `file:${scratch}` }).dir)).toBe("file:../..");
    const git = "git+https://example.com/tsmp.git#main";
    expect(devDependency(createProject(join(scratch, "specs", "c"), { tsmp: git }).dir)).toBe(git);
    expect(devDependency(createProject(join(scratch, "specs", "d"), { tsmp: "^0.1.0" }).dir)).toBe("^0.1.0");
    expect(() => createProject(join(scratch, "specs", "e"), { tsmp: join(scratch, "missing.tgz") })).toThrowError(
      `--tsmp ${join(scratch, "missing.tgz")}: no such folder or tarball`,
    );
    expect(existsSync(join(scratch, "specs", "e"))).toBe(false);
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
    expect(() => createProject(join(scratch, "x"), { template: "nope" })).toThrowError(
      'no template named "nope" (available: blink, sensor-node)',
    );
    expect(() => createProject(join(scratch, "y"), { board: "esp8266" })).toThrowError(
      'the blink template has no "esp8266" flavour (available: pyboard, generic)',
    );
  });

  it("prints next steps on stderr from the CLI, and one clear line on bad input", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [packagePath("bin", "tsmp.js"), "init", ...args], { encoding: "utf8" });
    const ok = cli(join(scratch, "from-cli"));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("");
    const steps = ok.stderr.slice(ok.stderr.indexOf("Next steps:")).split("\n").slice(1, 7);
    expect(steps.map((line) => line.trim().split(/\s{2,}/)[0])).toEqual([
      `cd ${join(scratch, "from-cli")}`,
      "npm install",
      "npm test",
      "npx tsmp run .",
      "npx tsmp flash .",
      "npx tsmp dev .",
    ]);
    const again = cli(join(scratch, "from-cli"));
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `tsmp: ${join(scratch, "from-cli")} is not empty; give a new folder name (tsmp init never overwrites files)\n`,
    );
  });
});
