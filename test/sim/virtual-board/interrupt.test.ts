import { describe, expect, it } from "vitest";
import { startBoard, text } from "../../harness/virtual-board-fixtures.js";

const LOOP_WITH_SLEEP = "import time\ncount = 0\nwhile True:\n    count += 1\n    time.sleep(0.05)\n";

describe("Ctrl-C", () => {
  it("interrupts a main.py that loops forever with sleeps: board traceback, then the REPL", async () => {
    const { client } = await startBoard({ files: { "main.py": LOOP_WITH_SLEEP } }, false);
    client.write("\x03");
    const reply = await client.readUntil(">>> ");
    expect(reply).toMatch(
      /^Traceback \(most recent call last\):\r\n {2}File "main\.py", line 5, in <module>\r\nKeyboardInterrupt: \r\nMicroPython v1\.27\.0 .*>>> $/s,
    );
    // main.py's globals stay for the REPL, as on a board.
    client.write("count > 0\r");
    expect(await client.readUntil(">>> ")).toBe("count > 0\r\nTrue\r\n>>> ");
  });

  it("gets a board out of a running main.py into the raw REPL, as mpremote does", async () => {
    const { client } = await startBoard({ files: { "main.py": LOOP_WITH_SLEEP } }, false);
    await client.enterRawRepl();
    expect(await client.execRaw("print(count > 0)")).toEqual({ stdout: "True\r\n", stderr: "" });
  });

  it("stops asyncio.run, which blocks until its main coroutine is done", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    const code =
      "import asyncio\nasync def tick():\n    while True:\n        print('tick')\n        await asyncio.sleep_ms(20)\nasyncio.run(tick())\nprint('not reached')\n";
    client.write(code + "\x04");
    await client.readUntil("OKtick\r\n");
    client.write("\x03");
    const stdout = await client.readUntil("\x04");
    expect(stdout).not.toContain("not reached");
    expect(await client.readUntil("\x04")).toMatch(
      /^Traceback \(most recent call last\):\r\n {2}File "<stdin>", line 6, in <module>\r\n(.*\r\n)*KeyboardInterrupt: \r\n\x04$/,
    );
    expect(await client.readUntil(">")).toBe(">");
  });

  it("stops a loop that only prints", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("n = 0\nwhile True:\n    n += 1\n    print(n)\n\x04");
    // After the second line n is 2 whichever print the interrupt lands in (under load it could land in print(1)).
    await client.readUntil("OK1\r\n2\r\n");
    client.write("\x03");
    await client.readUntil("\x04");
    expect(await client.readUntil("\x04")).toMatch(/KeyboardInterrupt: \r\n\x04$/);
    await client.readUntil(">");
    expect((await client.execRaw("print(n > 1)")).stdout).toBe("True\r\n");
  });

  it("stops a pure compute loop by restarting the board with its flash, reporting KeyboardInterrupt", async () => {
    const { board, client } = await startBoard({ files: { "keep.txt": "kept" } });
    await client.enterRawRepl();
    await client.execRaw("open('written.txt', 'w').write('before the loop')");
    client.write("while True:\n    pass\n\x04");
    await client.readUntil("OK");
    client.write("\x03");
    expect(await client.readUntil(">")).toBe("\x04KeyboardInterrupt: \r\n\x04>");
    expect(await client.execRaw("print(open('keep.txt').read(), open('written.txt').read())")).toEqual({
      stdout: "kept before the loop\r\n",
      stderr: "",
    });
    expect(text(await board.readFile("written.txt"))).toBe("before the loop");
  });

  it("stops pure compute loops one after another: each restart leaves a new spare standing by", async () => {
    const { board, client } = await startBoard();
    await client.enterRawRepl();
    for (const round of [1, 2, 3]) {
      await client.execRaw(`open('round.txt', 'w').write('${round}')`);
      client.write("while True:\n    pass\n\x04");
      await client.readUntil("OK");
      client.write("\x03");
      expect(await client.readUntil(">")).toBe("\x04KeyboardInterrupt: \r\n\x04>");
      expect(await client.execRaw("print(open('round.txt').read())")).toEqual({ stdout: `${round}\r\n`, stderr: "" });
    }
    // The reset button switches to a spare too, and the board boots from its flash.
    await board.pressReset();
    expect(text(await board.readFile("round.txt"))).toBe("3");
  });

  it("restarts a board whose main.py computes for ever into the friendly REPL", async () => {
    const { client } = await startBoard({ files: { "main.py": "while True:\n    pass\n" } }, false);
    client.write("\x03");
    expect(await client.readUntil(">>> ")).toMatch(/KeyboardInterrupt: \r\nMicroPython v1\.27\.0 .*\r\n>>> $/s);
    client.write("1+1\r");
    expect(await client.readUntil(">>> ")).toBe("1+1\r\n2\r\n>>> ");
  });

  it("restarts a friendly-REPL line that computes for ever back to the prompt", async () => {
    const { client } = await startBoard();
    // A compound statement: the second Enter ends it and runs it.
    client.write("while True: pass\r\r");
    await client.readUntil("while True: pass\r\n... \r\n");
    client.write("\x03");
    expect(await client.readUntil(">>> ")).toBe("KeyboardInterrupt: \r\n>>> ");
    client.write("2+2\r");
    expect(await client.readUntil(">>> ")).toBe("2+2\r\n4\r\n>>> ");
  });

  it("is an ordinary character at a prompt", async () => {
    const { client } = await startBoard();
    client.write("abc\x03");
    expect(await client.readUntil(">>> ")).toBe("abc\r\n>>> ");
  });
});
