import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NotBuildable, runProgram } from "../../../src/run/testing.js";
import { cliBuilt, runCli } from "../../harness/cli-process.js";

/**
 * A green off-device run promises a program that can be flashed: `runProgram` and `tsmp run
 * --target node` refuse what `tsmp build` refuses, with the same diagnostics, before the program
 * prints anything.
 */
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tsmp-buildable-"));
  folders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const rejected: [string, string, string][] = [
  ["an async generator", `async function* ticks() { yield 1; }\nfor (const t of [1]) console.log(t, ticks);`, "TSMP1021"],
  ["a Date object", `const now = new Date();\nconsole.log(now.getTime());`, "TSMP1123"],
  ["a private name", `class Safe { #code = 1; open() { return this.#code; } }\nconsole.log(new Safe().open());`, "TSMP1008"],
  ["a console.log format directive", `console.log("%d items", 3);`, "TSMP1114"],
  ["a regular expression with the u flag", `console.log("a1b".split(/\\d/u));`, "TSMP1105"],
  [
    "a callback's async call stored to be awaited later",
    `async function run(job: () => Promise<number>) { const p = job(); console.log("job started"); console.log(await p); }\nvoid run(async () => 1);`,
    "TSMP1006",
  ],
];

describe("off-device runs refuse what tsmp build refuses", () => {
  for (const [name, source, code] of rejected) {
    it(`runProgram: ${name} (${code})`, async () => {
      const dir = project({ "main.ts": `console.log("started");\n${source}\n` });
      const error: unknown = await runProgram(join(dir, "main.ts")).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotBuildable);
      expect((error as NotBuildable).diagnostics.join("\n")).toContain(`error ${code}:`);
    });
  }

  it("runProgram: a diagnostic in an imported module names that module", async () => {
    const dir = project({
      "src/main.ts": `import { open } from "./vault";\nconsole.log("started", open());\n`,
      "src/vault.ts": `class Vault { #code = 42; read() { return this.#code; } }\nexport function open() { return new Vault().read(); }\n`,
    });
    const error: unknown = await runProgram(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotBuildable);
    expect((error as NotBuildable).diagnostics.join("\n")).toMatch(/vault\.ts:1:\d+ - error TSMP1008: /);
  });

  it.skipIf(!cliBuilt)("tsmp run --target node prints the diagnostics tsmp build prints, and runs nothing", async () => {
    const dir = project({
      "src/main.ts": `import { pick } from "./lookup";\nconsole.log("started", pick(1));\n`,
      "src/lookup.ts": `enum Mode { Off, On }\nexport function pick(n: number) { return Mode[n]; }\nconsole.log("%s mode", Mode[0]);\n`,
    });
    const build = await runCli(["build", dir, "--out", join(dir, "out")]);
    const run = await runCli(["run", dir, "--target", "node"]);
    expect(build.code).toBe(1);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const errorLines = (text: string) => text.split("\n").filter((line) => / - error TSMP\d+: /.test(line));
    expect(errorLines(build.stderr).map((line) => line.replace(/ - error (TSMP\d+):.*/, " $1"))).toEqual([
      expect.stringMatching(/lookup\.ts:2:42 TSMP1009$/),
      expect.stringMatching(/lookup\.ts:3:13 TSMP1114$/),
    ]);
    expect(errorLines(run.stderr)).toEqual(errorLines(build.stderr));
  });
});
