import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildProject } from "../../src/commands/build.js";
import { devProject } from "../../src/commands/dev.js";
import { flashProject } from "../../src/commands/flash.js";
import { checkBoardLoadsMpy } from "../../src/flash/board-mpy.js";
import type { RawRepl } from "../../src/flash/raw-repl.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { captureStream, makeProject, removeProjects } from "../harness/board-fixtures.js";

// .mpy builds with the real mpy-cross (@pybricks/mpy-cross-v6, MicroPython 1.19.1 in WebAssembly),
// loaded by the real MicroPython 1.27 VM of the virtual board.

let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.stop();
  board = undefined;
  removeProjects();
});

const sources = {
  "main.ts": 'import { scale, check } from "./util";\nconsole.log(`scaled ${scale(21)}`);\ncheck(5);\n',
  "util.ts":
    'export function scale(value: number): number {\n  return value * 2;\n}\n\nexport function check(value: number): void {\n  if (value > 1) throw new Error("too big");\n}\n',
};

describe(".mpy builds", () => {
  it("tsmp build --mpy writes .mpy bytecode beside each module but main.py", async () => {
    const project = makeProject(sources);
    const out = await buildProject(project, undefined, () => undefined, { mpy: true });
    const mpy = readFileSync(join(out, "util.mpy"));
    // "M", version 6, then the flags byte: bytecode only, no native architecture.
    expect([...mpy.subarray(0, 2)]).toEqual([0x4d, 6]);
    expect(existsSync(join(out, "util.py.map"))).toBe(true);
    expect(existsSync(join(out, "main.mpy"))).toBe(false);
  });

  it("tsmp flash --mpy installs .mpy modules the board imports and runs, tracebacks still at the .ts lines", async () => {
    board = await VirtualBoard.start();
    const project = makeProject(sources);
    let output = "";
    const report = await flashProject(project, {
      port: board.portPath,
      mpy: true,
      follow: true,
      stdout: (text) => (output += text),
      stderr: captureStream(),
    });
    // boot.py (tsmp's safe boot) stays source: MicroPython runs only boot.py, never boot.mpy.
    // A number printed may be a float, so float formatting comes along as its own helper module.
    expect(report.updated.sort()).toEqual(["_tsmp.mpy", "_tsmp_float_str.mpy", "boot.py", "main.py", "util.mpy"]);
    expect((await board.listFiles()).filter((path) => !path.startsWith("/.tsmp-"))).toEqual([
      "/_tsmp.mpy",
      "/_tsmp_float_str.mpy",
      "/boot.py",
      "/main.py",
      "/util.mpy",
    ]);
    expect(output).toContain("scaled 42\n");
    expect(output).toContain('src/util.ts", line 6, in check\nException: too big\n');
  });

  it("tsmp dev --mpy runs each build from .mpy modules", async () => {
    board = await VirtualBoard.start();
    const project = makeProject(sources);
    let output = "";
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const session = devProject(project, {
      port: board.portPath,
      mpy: true,
      relativeTo: project,
      stdout: (text) => (output += text),
      stderr: () => undefined,
      stopped,
    });
    const deadline = Date.now() + 40_000;
    while (!output.includes("Exception: too big") && Date.now() < deadline) await new Promise((resume) => setTimeout(resume, 20));
    stop();
    await session;
    expect(output).toContain(
      'scaled 42\nTraceback (most recent call last):\n  File "src/main.ts", line 3, in <module>\n  File "src/util.ts", line 6, in check\n',
    );
    expect(await board.listFiles()).toContain("/util.mpy");
  });

  it("refuses a board whose MicroPython reads another .mpy version, before anything is sent", async () => {
    const oldBoard = { execOrThrow: async () => "5\r\n" } as unknown as RawRepl;
    await expect(checkBoardLoadsMpy(oldBoard, 6)).rejects.toThrow(
      "the board's MicroPython reads .mpy version 5, but tsmp's mpy-cross writes version 6 (MicroPython 1.19 and later); leave out --mpy to send .py files, or update the board's firmware",
    );
  });
});
