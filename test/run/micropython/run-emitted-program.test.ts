import { describe, expect, it } from "vitest";
import { runEmittedProgram, type EmittedProgram } from "../../../src/run/micropython/run-emitted-program.js";

/** Runs hand-written "emitted" Python on a board with a virtual clock, collecting both streams. */
async function run(program: EmittedProgram, isTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await runEmittedProgram(program, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY,
    clock: "virtual",
  });
  return { code, stdout, stderr };
}

// main.py lines 1–4 come from src/main.ts lines 3, 4, 9 and 10; util.py lines 1–2 from src/util.ts lines 2–3.
const mainMap = JSON.stringify({ version: 3, file: "main.py", sources: ["main.ts"], names: [], mappings: "AAEA;AACA;AAKA;AACA" });
const utilMap = JSON.stringify({ version: 3, file: "util.py", sources: ["util.ts"], names: [], mappings: "AACA;AACA" });

describe("runEmittedProgram", () => {
  it("streams the program's stdout, logs output changes on stderr, and exits 0", async () => {
    const result = await run({
      entry: "main.py",
      files: [
        {
          path: "main.py",
          text: "import time\nfrom pyb import LED\nprint('start')\nLED(1).on()\ntime.sleep_ms(250)\nLED(2).on()\nLED(1).off()\nprint('end')\n",
        },
      ],
    });
    expect(result).toMatchObject({ code: 0, stdout: "start\nend\n" });
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(["t=0.000s  LED1 ●", "t=0.250s  LED1 ○ LED2 ●"]);
  });

  it("draws a live line on a terminal, cleared around the program's output", async () => {
    const result = await run(
      { entry: "main.py", files: [{ path: "main.py", text: "from machine import Pin\np = Pin(2, Pin.OUT)\np.on()\nprint('lit')\n" }] },
      true,
    );
    expect(result.stdout).toBe("lit\n");
    // The line is redrawn at most every 25 ms, so the second change may wait for the program's line.
    const clear = "\\r\\x1b\\[2K";
    expect(result.stderr).toMatch(
      new RegExp(`^${clear}Pin2 ○  t=0\\.000s(${clear}Pin2 ●  t=0\\.000s)?${clear}${clear}Pin2 ●  t=0\\.000s\\n$`),
    );
  });

  it("prints an uncaught exception's traceback mapped to the TypeScript lines and exits 1", async () => {
    const result = await run({
      entry: "main.py",
      files: [
        {
          path: "main.py",
          text: "import util\nprint('before')\nutil.fail()\nprint('after')\n",
          sourceMap: mainMap,
          sourcePath: "/project/src/main.ts",
        },
        { path: "util.py", text: "def fail():\n    raise ValueError('bad input')\n", sourceMap: utilMap },
      ],
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("before\n");
    expect(result.stderr).toBe(
      [
        "Traceback (most recent call last):",
        '  File "/project/src/main.ts", line 9, in <module>',
        '  File "util.ts", line 3, in fail',
        "ValueError: bad input",
        "",
      ].join("\n"),
    );
  });

  it("stops on an interrupt with a KeyboardInterrupt traceback in the program's own frames, exit code 130", async () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    let changes = 0;
    let stderr = "";
    const code = await runEmittedProgram(
      {
        entry: "main.py",
        files: [
          {
            path: "main.py",
            text: "import time\nfrom pyb import LED\nled = LED(1)\nwhile True:\n    led.toggle()\n    time.sleep_ms(100)\n",
          },
        ],
      },
      {
        stdout: () => {},
        stderr: (text) => (stderr += text),
        clock: "virtual",
        interrupt,
        onOutput: () => {
          if (++changes === 3) Atomics.store(interrupt, 0, 1);
        },
      },
    );
    expect(code).toBe(130);
    expect(stderr.slice(stderr.indexOf("Traceback"))).toBe(
      'Traceback (most recent call last):\n  File "main.py", line 5, in <module>\nKeyboardInterrupt: \n',
    );
  });

  it("interrupts a program that prints but never waits", async () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    let lines = 0;
    const code = await runEmittedProgram(
      { entry: "main.py", files: [{ path: "main.py", text: "n = 0\nwhile True:\n    n += 1\n    print(n)\n" }] },
      {
        stdout: (text) => {
          if ((lines += text.split("\n").length - 1) === 3) Atomics.store(interrupt, 0, 1);
        },
        stderr: () => {},
        interrupt,
      },
    );
    expect(code).toBe(130);
  });

  it("exits with the code given to sys.exit(), and prints a message given instead", async () => {
    const exit = (argument: string) => run({ entry: "main.py", files: [{ path: "main.py", text: `import sys\nsys.exit(${argument})\n` }] });
    expect(await exit("3")).toMatchObject({ code: 3, stderr: "" });
    expect(await exit("")).toMatchObject({ code: 0, stderr: "" });
    expect(await exit("'no sensor found'")).toMatchObject({ code: 1, stderr: "no sensor found\n" });
  });
});
