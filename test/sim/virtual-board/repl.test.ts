import { describe, expect, it } from "vitest";
import { startBoard, text } from "../../harness/virtual-board-fixtures.js";

const BANNER = /^\r\nMicroPython v1\.27\.0 on \d{4}-\d\d-\d\d; JS with Emscripten\r\nType "help\(\)" for more information\.\r\n>>> $/;

describe("friendly REPL", () => {
  it("greets like a board on Ctrl-B, echoes input and prints results with \\r\\n", async () => {
    const { client } = await startBoard();
    client.write("\x02");
    expect(await client.readUntil(">>> ")).toMatch(BANNER);
    client.write("print('a\\nb')\r");
    expect(await client.readUntil(">>> ")).toBe("print('a\\nb')\r\na\r\nb\r\n>>> ");
    client.write("for i in range(2):\r");
    expect(await client.readUntil("...     ")).toBe("for i in range(2):\r\n...     ");
    // The REPL indents the next line; backspacing to an empty line ends the block, as typed on a board.
    client.write("print(i * 10)\r\b\b\b\b\r");
    expect(await client.readUntil(">>> ")).toMatch(/^print\(i \* 10\)\r\n\.\.\. {5}.*\r\n0\r\n10\r\n>>> $/s);
  });

  it("keeps Python state between lines and prints tracebacks the board's way", async () => {
    const { client } = await startBoard();
    client.write("x = 6 * 7\r");
    await client.readUntil(">>> ");
    client.write("x\r");
    expect(await client.readUntil(">>> ")).toBe("x\r\n42\r\n>>> ");
    client.write("y\r");
    expect(await client.readUntil(">>> ")).toBe(
      "y\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name 'y' isn't defined\r\n>>> ",
    );
  });

  it("Ctrl-D soft-resets: MPY: soft reboot, boot.py, main.py, banner; files stay, variables go", async () => {
    const { board, client } = await startBoard({ files: { "boot.py": "print('boot ran')\n", "main.py": "print('main ran')\n" } });
    client.write("x = 1\r");
    await client.readUntil(">>> ");
    client.write("open('data.txt', 'w').write('kept')\r");
    await client.readUntil(">>> ");
    client.write("\x04");
    const reboot = await client.readUntil(">>> ");
    expect(reboot).toMatch(/^\r\nMPY: soft reboot\r\nboot ran\r\nmain ran\r\nMicroPython v1\.27\.0 .*\r\n>>> $/s);
    client.write("print(open('data.txt').read())\r");
    expect(await client.readUntil(">>> ")).toContain("\r\nkept\r\n");
    client.write("x\r");
    expect(await client.readUntil(">>> ")).toContain("NameError: name 'x' isn't defined");
    expect(text(await board.readFile("data.txt"))).toBe("kept");
  });

  it("sys.exit() soft-resets as on a board", async () => {
    const { client } = await startBoard();
    client.write("import sys; sys.exit()\r");
    expect(await client.readUntil(">>> ")).toMatch(/MPY: soft reboot\r\nMicroPython v1\.27\.0/);
  });
});

describe("raw REPL", () => {
  it("enters with Ctrl-A, runs code with stdout and stderr apart, and leaves with Ctrl-B", async () => {
    const { client } = await startBoard();
    client.write("\r\x01");
    expect(await client.readUntil("exit\r\n>")).toBe("\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>");
    const ok = await client.execRaw("print('out')\nprint('more')\n");
    expect(ok).toEqual({ stdout: "out\r\nmore\r\n", stderr: "" });
    const failed = await client.execRaw("print('before')\n1/0\n");
    expect(failed).toEqual({
      stdout: "before\r\n",
      stderr: 'Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\nZeroDivisionError: divide by zero\r\n',
    });
    client.write("\x02");
    expect(await client.readUntil(">>> ")).toMatch(/^\r\nMicroPython v1\.27\.0 .*>>> $/s);
  });

  it("Ctrl-C clears a half-typed command; Ctrl-A again re-prints the banner", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("this is not python\x03");
    client.write("\x01");
    expect(await client.readUntil(">")).toBe("raw REPL; CTRL-B to exit\r\n>");
    expect(await client.execRaw("print(1)")).toEqual({ stdout: "1\r\n", stderr: "" });
  });

  it("Ctrl-D at the empty raw prompt soft-resets into the raw REPL: boot.py runs, main.py does not", async () => {
    const { board, client } = await startBoard({ files: { "boot.py": "print('boot ran')\n", "main.py": "print('main ran')\n" } });
    await client.enterRawRepl();
    await client.execRaw("f = open('new.py', 'w')\nf.write('n = 1')\nf.close()\nx = 5");
    client.write("\x04");
    expect(await client.readUntil("raw REPL; CTRL-B to exit\r\n>")).toBe(
      "OK\r\nMPY: soft reboot\r\nboot ran\r\nraw REPL; CTRL-B to exit\r\n>",
    );
    expect(await client.execRaw("import new\nprint(new.n)\nprint('x' in globals())")).toEqual({ stdout: "1\r\nFalse\r\n", stderr: "" });
    expect(await board.listFiles()).toEqual(["/boot.py", "/main.py", "/new.py"]);
  });

  it("machine.reset() restarts the board: no soft-reboot line, main.py runs, friendly REPL", async () => {
    const { client } = await startBoard({ files: { "main.py": "print('main ran')\n" } });
    await client.enterRawRepl();
    client.write("import machine\nmachine.reset()\x04");
    expect(await client.readUntil(">>> ")).toMatch(/^OK\x04\x04main ran\r\nMicroPython v1\.27\.0 .*\r\n>>> $/s);
  });

  it("shows the board's root, not the VM's, with board errno numbers", async () => {
    const { client } = await startBoard({ files: { "lib/util.py": "x = 1\n" } });
    await client.enterRawRepl();
    expect(await client.execRaw("import os\nprint(os.listdir('/'), os.getcwd(), list(os.ilistdir('/lib')))")).toEqual({
      stdout: "['lib'] / [('util.py', 32768, 0, 6)]\r\n",
      stderr: "",
    });
    const missing = await client.execRaw("open('/nope.py')");
    expect(missing.stderr).toContain("OSError: [Errno 2] ENOENT\r\n");
    expect(missing.stderr).not.toContain("/.board/");
    const notEmpty = await client.execRaw("import os\nos.rmdir('/lib')");
    expect(notEmpty.stderr).toContain("OSError: 39\r\n");
  });
});
