import { afterEach, describe, expect, it } from "vitest";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";
import { cliBuilt, runCli } from "../harness/cli-process.js";

// `tsmp flash --port a --port b`: the built CLI flashing two virtual boards on ptys at once,
// one of them on a cable that corrupts every copy of one file.
const boards: VirtualBoard[] = [];
afterEach(async () => {
  for (const board of boards.splice(0)) await board.stop();
  removeProjects();
});

const text = async (board: VirtualBoard, path: string) => new TextDecoder().decode(await board.readFile(path));

describe.skipIf(!cliBuilt)("tsmp flash on several boards", () => {
  it("flashes every board with its own lines, and exits 1 naming the board that failed", async () => {
    const good = await VirtualBoard.start();
    const bad = await VirtualBoard.start({ faults: { corruptReceived: { match: "fleet-zqx", count: Infinity } } });
    boards.push(good, bad);
    const project = makeProject({ "main.ts": 'console.log("version 1");\n' });

    const first = await runCli(["flash", project, "--no-mpy", "--port", good.portPath, "--port", bad.portPath]);
    expect(first.code).toBe(0);
    for (const board of [good, bad]) {
      expect(first.stderr).toContain(`${board.portPath}: Updated: main.py\n`);
      // main.py and tsmp's safe-boot boot.py.
      expect(first.stderr).toMatch(new RegExp(`${board.portPath}: ok: 2 updated, 0 up to date, \\d+ B sent in [\\d.]+ s; restarted\\n`));
      expect(await text(board, "main.py")).toBe('print("version 1")\n');
    }

    writeSources(project, { "main.ts": 'console.log("version 2 fleet-zqx");\n' });
    const second = await runCli(["flash", project, "--no-mpy", "--port", good.portPath, "--port", bad.portPath]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`${good.portPath}: ok: 1 updated`));
    const reason = "main.py arrived corrupted 3 times (sha256 mismatch); check the cable and try again";
    expect(second.stderr).toContain(`${bad.portPath}: FAILED: ${reason}\n`);
    expect(second.stderr.trimEnd().split("\n").at(-1)).toBe(`tsmp: 1 of 2 boards failed: ${bad.portPath} (${reason})`);
    expect(await text(good, "main.py")).toBe('print("version 2 fleet-zqx")\n');
    // The failed board keeps the program it had, complete.
    expect(await text(bad, "main.py")).toBe('print("version 1")\n');
  });

  it.each([
    [["--all", "--port", "/dev/a"], "tsmp: --all flashes every board found; leave out --port\n"],
    [
      ["--port", "/dev/a", "--port", "/dev/b", "--follow"],
      "tsmp: --follow streams one board's output; flash a single board to follow it\n",
    ],
    [["--port", "/dev/a", "--port", "/dev/a"], "tsmp: --port /dev/a is given twice\n"],
  ])("refuses flash %j in one line", async (args, message) => {
    const project = makeProject({ "main.ts": "console.log(1);\n" });
    expect(await runCli(["flash", project, ...args])).toMatchObject({ code: 1, stderr: message });
  });
});
