import { afterEach, describe, expect, it } from "vitest";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { cliBuilt, runCli } from "../harness/cli-process.js";

// exec, eval and reset as a user types them: the built CLI in its own process, against a
// virtual board on a real pty.
let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.stop();
  board = undefined;
});

/** main.py appends an x to count.txt each time it runs, so a test can tell how often it ran. */
const COUNTING_MAIN = "f = open('count.txt', 'a')\nf.write('x')\nf.close()\n";
/** A program that catches every KeyboardInterrupt: no Ctrl-C stops it. */
const STUCK_MAIN = "import time\nwhile True:\n    try:\n        time.sleep_ms(10)\n    except KeyboardInterrupt:\n        pass\n";

describe.skipIf(!cliBuilt)("tsmp exec and eval", () => {
  it("runs Python on the board, streams what it prints, and keeps state for eval", async () => {
    board = await VirtualBoard.start();
    const port = ["--port", board.portPath];
    const exec = await runCli(["exec", "x = 21\nfor i in range(3): print('line', i)", ...port]);
    expect(exec).toMatchObject({ code: 0, stdout: "line 0\nline 1\nline 2\n", stderr: "" });
    expect(await runCli(["eval", "x * 2", ...port])).toMatchObject({ code: 0, stdout: "42\n", stderr: "" });
  });

  it("exits 1 with the board's traceback on stderr when the code raises", async () => {
    board = await VirtualBoard.start();
    const port = ["--port", board.portPath];
    const raised = await runCli(["exec", "print('before')\n1/0", ...port]);
    expect(raised.code).toBe(1);
    expect(raised.stdout).toBe("before\n");
    expect(raised.stderr).toMatch(
      /Traceback \(most recent call last\):\n {2}File "<stdin>", line 2, in <module>\nZeroDivisionError: divide by zero\n$/,
    );
    const bad = await runCli(["eval", "1 +", ...port]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/SyntaxError: invalid syntax\n$/);
  });

  it("says so in one line when no board answers", async () => {
    const result = await runCli(["exec", "print(1)", "--port", "/dev/tsmp-no-such-port"]);
    expect(result).toMatchObject({
      code: 1,
      stderr: "tsmp: serial port /dev/tsmp-no-such-port does not exist (is the board plugged in? `tsmp ports` lists ports)\n",
    });
  });
});

describe.skipIf(!cliBuilt)("tsmp reset", () => {
  it("soft and hard reset run main.py again; safe boot restarts without it and keeps main.py", async () => {
    board = await VirtualBoard.start({ files: { "main.py": COUNTING_MAIN } });
    const port = ["--port", board.portPath];
    const count = async () => (await runCli(["eval", "open('count.txt').read()", ...port])).stdout;
    expect(await count()).toBe("x\n");

    const soft = await runCli(["reset", ...port]);
    expect(soft).toMatchObject({ code: 0, stderr: `Soft reset ${board.portPath}: it runs boot.py and main.py again\n` });
    expect(await count()).toBe("xx\n");

    const hard = await runCli(["reset", "--hard", ...port]);
    expect(hard.stderr).toBe(`Hard reset ${board.portPath} (machine.reset()): it starts boot.py and main.py as at power-up\n`);
    expect(await count()).toBe("xxx\n");

    const safe = await runCli(["reset", "--safe", ...port]);
    expect(safe.stderr).toBe(
      `Safe boot ${board.portPath}: restarted without main.py, waiting at its REPL (main.py is still there; the next reset runs it)\n`,
    );
    expect(await count()).toBe("xxx\n");
    expect(new TextDecoder().decode(await board.readFile("main.py"))).toBe(COUNTING_MAIN);
  });

  it("names --safe when a reset cannot stop the program, and what else to try when --safe cannot either", async () => {
    board = await VirtualBoard.start({ files: { "main.py": STUCK_MAIN } });
    const port = ["--port", board.portPath];
    const soft = await runCli(["reset", ...port]);
    expect(soft.code).toBe(1);
    expect(soft.stderr).toBe(
      `tsmp: no MicroPython board answered on ${board.portPath} (nothing came back; is MicroPython running on it, and is the baud rate right?); ` +
        "if a program on it ignores Ctrl-C, `tsmp reset --safe` interrupts harder and skips main.py\n",
    );
    // No boot.py of tsmp's, and nobody presses reset: --safe waits for it, then says what else to try.
    const safe = await runCli(["reset", "--safe", "--wait", "1", ...port]);
    expect(safe.code).toBe(1);
    const [asked, failed, end] = safe.stderr.split("\n");
    expect(asked).toBe(
      `[tsmp] the program on ${board.portPath} ignores Ctrl-C: press the board's reset button, and tsmp starts it without main.py (waiting 1 s)`,
    );
    expect(failed).toMatch(
      /^tsmp: the program on .* ignored 10 rounds of Ctrl-C \(it may catch KeyboardInterrupt\), and the board did not start without main\.py within 1 s .*on a pyboard hold USR/,
    );
    expect(end).toBe("");
  });

  it("rejects a --wait that is not a positive number of seconds", async () => {
    const result = await runCli(["reset", "--safe", "--wait", "0", "--port", "/dev/null"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tsmp: .*--wait.*expected a positive number of seconds\n$/);
  });

  it("takes one kind of reset", async () => {
    const result = await runCli(["reset", "--soft", "--safe", "--port", "/dev/null"]);
    expect(result).toMatchObject({ code: 1, stderr: "tsmp: choose one of --soft, --hard and --safe (got --soft and --safe)\n" });
  });
});
