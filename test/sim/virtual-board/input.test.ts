import { describe, expect, it } from "vitest";
import { startBoard } from "../../harness/virtual-board-fixtures.js";

describe("input() reads the UART", () => {
  it("prompts, echoes what is typed, and takes \\r\\n as one newline", async () => {
    const { client } = await startBoard({ files: { "main.py": "name = input('name? ')\nprint('hello', name)\n" } }, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.write("Zoë\r\n");
    const reply = Buffer.from(await client.readUntil(">>> "), "latin1").toString("utf8");
    expect(reply).toMatch(/^(name\? )?Zoë\r\nhello Zoë\r\nMicroPython v1\.27\.0 .*\r\n>>> $/s);
    // The "\n" was part of the newline: the REPL does not see an extra Enter.
    client.write("1\r");
    expect(await client.readUntil(">>> ")).toBe("1\r\n1\r\n>>> ");
  });

  it("takes input sent along with the code, and backspace edits it", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("x = input()\nprint(repr(x))\x04abc\x7fd\r");
    await client.readUntil("OK");
    expect(await client.readUntil("\x04\x04>")).toBe("abc\b \bd\r\n'abd'\r\n\x04\x04>");
  });

  it("Ctrl-C while waiting raises KeyboardInterrupt", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("x = input()\x04");
    await client.readUntil("OK");
    client.write("\x03");
    expect(await client.readUntil("\x04>")).toMatch(
      /^\x04Traceback \(most recent call last\):\r\n {2}File "<stdin>", line 1, in <module>\r\nKeyboardInterrupt: \r\n\x04>$/,
    );
  });
});
