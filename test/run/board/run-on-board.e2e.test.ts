import { afterEach, describe, expect, it } from "vitest";
import { runOnBoard } from "../../../src/run/board/run-on-board.js";
import { VirtualBoard } from "../../../src/sim/virtual-board/index.js";
import { makeProject, removeProjects } from "../../harness/board-fixtures.js";

// tsmp run --port: the program runs from RAM on a virtual board; nothing lands on its flash.
let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.stop();
  board = undefined;
  removeProjects();
});

function collect() {
  const out = { stdout: "", stderr: "" };
  return { out, options: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe("runOnBoard", () => {
  it("runs a multi-module program without writing files and streams its output", async () => {
    board = await VirtualBoard.start({ files: { "main.py": "print('flashed program')\n" } });
    const project = makeProject({
      "main.ts": 'import { describe } from "./lib/describe";\nfor (let i = 0; i < 3; i++) console.log(describe(i));\n',
      "lib/describe.ts": 'export function describe(n: number): string {\n  return "item " + n + (n % 2 === 0 ? " even" : " odd");\n}\n',
    });
    const filesBefore = await board.listFiles();
    const { out, options } = collect();
    expect(await runOnBoard(project, { port: board.portPath, ...options })).toBe(0);
    expect(out.stdout).toBe("item 0 even\nitem 1 odd\nitem 2 even\n");
    expect(await board.listFiles()).toEqual(filesBefore);
  });

  it("reads another module's let as it is now, as the host VM does", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts":
        'import { counter, bump } from "./lib/state";\nimport * as state from "./lib/state";\nconsole.log(counter, bump(), counter, state.counter, state.label());\n',
      "lib/state.ts":
        'export let counter = 0;\nexport function bump() {\n  counter += 5;\n  return counter;\n}\nexport const label = () => "n=" + counter;\n',
    });
    const { out, options } = collect();
    expect(await runOnBoard(project, { port: board.portPath, ...options })).toBe(0);
    expect(out.stdout).toBe("0 5 5 5 n=5\n");
  });

  it("loads the helper modules a helper imports on first use (float_str, to_num_obj)", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts": "const held: unknown = [5];\nconsole.log(Number(held), 1.5, +[], Number({ valueOf: () => 7 }));\n",
    });
    const { out, options } = collect();
    expect(await runOnBoard(project, { port: board.portPath, ...options })).toBe(0);
    expect(out.stdout).toBe("5 1.5 0 7\n");
  });

  it("runs an import cycle of namespace imports, in a folder too, in the order files would load", async () => {
    board = await VirtualBoard.start();
    const cycle = (folder: string) => ({
      [`${folder}a.ts`]:
        'import * as b from "./b";\nconsole.log("load a");\nexport function start(): string {\n  return "a>" + b.middle();\n}\nexport function end(): string {\n  return "end";\n}\n',
      [`${folder}b.ts`]:
        'import * as a from "./a";\nconsole.log("load b");\nexport function middle(): string {\n  return "b>" + a.end();\n}\n',
    });
    const project = makeProject({
      "main.ts": 'import * as flat from "./b";\nimport * as deep from "./util/a";\nconsole.log(flat.middle(), deep.start());\n',
      ...cycle(""),
      ...cycle("util/"),
    });
    const { out, options } = collect();
    const code = await runOnBoard(project, { port: board.portPath, ...options });
    expect(out.stderr).toBe("");
    expect(code).toBe(0);
    expect(out.stdout).toBe("load a\nload b\nload b\nload a\nb>end a>b>end\n");
  });

  it("reports an exception with the TypeScript line and exits 1", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts": 'console.log("before");\nfunction fail(): void {\n  throw new Error("broken");\n}\nfail();\n',
    });
    const { out, options } = collect();
    expect(await runOnBoard(project, { port: board.portPath, ...options })).toBe(1);
    expect(out.stdout).toBe("before\n");
    expect(out.stderr).toMatch(/main\.ts", line 3/);
    expect(out.stderr).toMatch(/broken/);
  });

  it("interrupts the program on the board at Ctrl-C and exits 130", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts": 'import * as time from "tsmp/time";\nconsole.log("looping");\nwhile (true) {\n  time.sleep_ms(10);\n}\n',
    });
    const { out, options } = collect();
    const running = runOnBoard(project, {
      port: board.portPath,
      stdout: (text) => {
        options.stdout(text);
        if (text.includes("looping")) process.emit("SIGINT");
      },
      stderr: options.stderr,
    });
    expect(await running).toBe(130);
    expect(out.stderr).toMatch(/KeyboardInterrupt/);
  });
});
