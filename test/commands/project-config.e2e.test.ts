import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { makeProject, removeProjects } from "../harness/board-fixtures.js";
import { cliBuilt, runCli } from "../harness/cli-process.js";

// The project's `tsmp` settings as commands take them: the built CLI, run in the project's
// folder without options, against a virtual board on a pty.
let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.stop();
  board = undefined;
  removeProjects();
});

function configure(project: string, tsmp: Record<string, unknown>): void {
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "configured", tsmp }, null, 2));
}

describe.skipIf(!cliBuilt)("a project's tsmp settings", () => {
  it("give flash its port and the files beside the code; .mpy goes by default where the board loads it", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts": 'import { twice } from "./util";\nconsole.log(twice(21));\n',
      "util.ts": "export const twice = (n: number) => n * 2;\n",
    });
    writeFileSync(join(project, "boot.py"), "# boot\n");
    writeFileSync(join(project, "settings.json"), '{"led": 2}');
    configure(project, { port: board.portPath, files: ["boot.py", "settings.json"] });

    const flash = await runCli(["flash", "--follow"], { cwd: project, timeoutMs: 40_000 });
    expect(flash.code).toBe(0);
    expect(flash.stdout).toBe("42\n");
    expect(await board.listFiles()).toEqual([
      "/.tsmp-manifest.json",
      "/.tsmp-seen.json",
      "/_tsmp.mpy",
      "/_tsmp_float_str.mpy",
      "/boot.py",
      "/main.py",
      "/settings.json",
      "/util.mpy",
    ]);
    expect(new TextDecoder().decode(await board.readFile("settings.json"))).toBe('{"led": 2}');

    // --no-mpy on the command line overrides the default; the board ends with .py modules.
    const plain = await runCli(["flash", "--no-mpy"], { cwd: project });
    expect(plain.code).toBe(0);
    expect(await board.listFiles()).toContain("/util.py");
    expect(await board.listFiles()).not.toContain("/util.mpy");
  });

  it("give exec, eval, fs and reset their port; --port overrides it; tsmp config says where each came from", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({ "main.ts": "console.log(1);\n" });
    configure(project, { port: board.portPath, baud: 9600 });
    expect(await runCli(["eval", "6 * 7"], { cwd: project })).toMatchObject({ code: 0, stdout: "42\n" });
    const elsewhere = await runCli(["eval", "1", "--port", "/dev/tsmp-no-such-port"], { cwd: project });
    expect(elsewhere.stderr).toContain("tsmp: serial port /dev/tsmp-no-such-port does not exist");

    const config = await runCli(["config", "--baud", "460800"], { cwd: project });
    expect(config.code).toBe(0);
    const lines = config.stdout.split("\n");
    expect(lines[1]).toBe(`Config:  ${join(project, "package.json")} ("tsmp" section)`);
    expect(lines.find((line) => line.startsWith("port"))).toMatch(new RegExp(`^port +${board.portPath} +package.json "tsmp".port$`));
    expect(lines.find((line) => line.startsWith("baud"))).toMatch(/^baud +460800 +--baud$/);
  });

  it("are checked before anything runs: one tsmp: line naming the file and the key", async () => {
    const project = makeProject({ "main.ts": "console.log(1);\n" });
    configure(project, { baud: "fast" });
    for (const args of [["flash"], ["run", "."], ["config"], ["fs", "ls"], ["dev"]]) {
      const result = await runCli(args, { cwd: project });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `tsmp: ${join(project, "package.json")}: package.json "tsmp".baud must be a positive whole number of bits per second, not "fast"\n`,
      );
    }
    configure(project, { files: ["nothing-here"] });
    const flash = await runCli(["flash"], { cwd: project });
    expect(flash.stderr).toBe(
      `tsmp: ${join(project, "package.json")}: package.json "tsmp".files: nothing-here does not exist in ${project}\n`,
    );
    expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).tsmp.files).toEqual(["nothing-here"]);
  });
});
