import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { cliBuilt, runCli } from "../harness/cli-process.js";

// `tsmp repl` as a user at a terminal meets it: the built CLI under a real pty (util-linux
// `script` gives it one), keys typed in, against a virtual board on another pty.
let board: VirtualBoard | undefined;
const children: Array<() => void> = [];
afterEach(async () => {
  for (const kill of children.splice(0)) kill();
  await board?.stop();
  board = undefined;
});

function replAtTerminal(port: string) {
  const command = [process.execPath, packagePath("bin/tsmp.js"), "repl", "--port", port].map((arg) => `'${arg}'`).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
  children.push(() => child.kill("SIGKILL"));
  let screen = "";
  child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("latin1")));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  /** Waits until the screen, from `from` on, shows `text`; returns where it ends. */
  const waitFor = async (text: string, from = 0): Promise<number> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const at = screen.indexOf(text, from);
      if (at >= 0) return at + text.length;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no ${JSON.stringify(text)} on the screen: ${JSON.stringify(screen)}`);
      await new Promise((resume) => setTimeout(resume, 20));
    }
  };
  return { type: (keys: string) => child.stdin.write(keys), waitFor, exited, screen: () => screen };
}

describe.skipIf(!cliBuilt)("tsmp repl at a terminal", () => {
  it("forwards Tab, Ctrl-C and Ctrl-D to MicroPython's REPL, and Ctrl-] leaves with exit 0", async () => {
    board = await VirtualBoard.start();
    const repl = replAtTerminal(board.portPath);
    let at = await repl.waitFor(`Connected to ${board.portPath} MicroPython's REPL: Ctrl-] leaves`);
    repl.type("\r");
    at = await repl.waitFor(">>> ", at);

    // Tab completes on the board; Ctrl-C at the prompt drops the line.
    repl.type("impo\t");
    at = await repl.waitFor("import ", at);
    repl.type("\x03");
    at = await repl.waitFor(">>> ", at);
    repl.type("x = 6 * 7\r");
    at = await repl.waitFor(">>> ", at);
    repl.type("x\r");
    at = await repl.waitFor("42", at);

    // Ctrl-C stops a running loop.
    repl.type("import time\r");
    at = await repl.waitFor(">>> ", at);
    repl.type("while True: time.sleep_ms(5)\r\r");
    await new Promise((resume) => setTimeout(resume, 300));
    repl.type("\x03");
    at = await repl.waitFor("KeyboardInterrupt", at);

    // Ctrl-D at the prompt soft-resets the board: x is gone.
    repl.type("\x04");
    at = await repl.waitFor("soft reboot", at);
    at = await repl.waitFor(">>> ", at);
    repl.type("x\r");
    await repl.waitFor("NameError", at);

    repl.type("\x1d");
    expect(await repl.exited).toBe(0);
  });

  it("takes piped input and ends once it is answered; a missing port is one line", async () => {
    board = await VirtualBoard.start();
    const child = spawn(process.execPath, [packagePath("bin/tsmp.js"), "repl", "--port", board.portPath], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    children.push(() => child.kill("SIGKILL"));
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end("print(6 * 7)\r");
    expect(await new Promise((resolve) => child.once("close", resolve))).toBe(0);
    expect(output).toContain("42");
    expect(await runCli(["repl", "--port", "/dev/tsmp-no-such-port"])).toMatchObject({
      code: 1,
      stderr: "tsmp: serial port /dev/tsmp-no-such-port does not exist (is the board plugged in? `tsmp ports` lists ports)\n",
    });
  });
});
