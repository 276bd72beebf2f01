import { describe, expect, it } from "vitest";
import { startBoard } from "../../harness/virtual-board-fixtures.js";
import type { SerialClient } from "../../harness/serial-client.js";

/** Sends `code` in raw-paste mode as mpremote does, honouring the window; returns the acks seen. */
async function rawPaste(client: SerialClient, code: string): Promise<number> {
  client.write("\x05A\x01");
  expect((await client.readBytes(2)).toString("latin1")).toBe("R\x01");
  const window = (await client.readBytes(2)).readUInt16LE(0);
  expect(window).toBe(128);
  let credit = 0;
  let acks = 0;
  const bytes = Buffer.from(code, "utf8");
  for (let offset = 0; offset < bytes.length;) {
    while (credit === 0) {
      expect((await client.readBytes(1)).toString("latin1")).toBe("\x01");
      credit += window;
      acks++;
    }
    const part = bytes.subarray(offset, offset + credit);
    client.write(part);
    offset += part.length;
    credit -= part.length;
  }
  client.write("\x04");
  const ending = await client.readUntil("\x04");
  acks += [...ending.slice(0, -1)].filter((char) => char === "\x01").length;
  return acks;
}

async function follow(client: SerialClient): Promise<{ stdout: string; stderr: string }> {
  const stdout = (await client.readUntil("\x04")).slice(0, -1);
  const stderr = (await client.readUntil("\x04")).slice(0, -1);
  expect(await client.readUntil(">")).toBe(">");
  return { stdout, stderr };
}

const program = (lines: number): string =>
  Array.from({ length: lines }, (_, i) => `total = ${i === 0 ? "0" : "total"} + ${i}  # line ${i} of a long program`).join("\n") +
  "\nprint('total', total)\n";

describe("raw-paste mode", () => {
  it("answers R\\x01 with a 128-byte window, grants one more window per \\x01, and runs the code", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    const code = program(60);
    const acks = await rawPaste(client, code);
    // The header's own \x01 (the second free window), then one per full window consumed.
    expect(acks).toBe(1 + Math.floor(code.length / 128));
    const total = (60 * 59) / 2;
    expect(await follow(client)).toEqual({ stdout: `total ${total}\r\n`, stderr: "" });
  });

  it("accepts the end-of-data \\x04 sent right behind two full windows, as mpremote sends it", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("\x05A\x01");
    expect((await client.readBytes(5)).toString("latin1")).toBe("R\x01\x80\x00\x01");
    // mpremote starts with one window and adds one for the header's \x01: 256 bytes, then \x04.
    const code = `print('exactly two windows')\n#${"-".repeat(256 - 29 - 2)}\n`;
    expect(Buffer.byteLength(code)).toBe(256);
    client.write(code + "\x04");
    expect(await client.readUntil("\x04")).toMatch(/^\x01*\x04$/);
    expect(await follow(client)).toEqual({ stdout: "exactly two windows\r\n", stderr: "" });
  });

  it("reports a compile error after the end-of-data \\x04, in the stderr part", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    await rawPaste(client, "print('fine')\ndef (:\n");
    expect(await follow(client)).toEqual({
      stdout: "",
      stderr: 'Traceback (most recent call last):\r\n  File "<stdin>", line 2\r\nSyntaxError: invalid syntax\r\n',
    });
  });

  it("loses what a client sends beyond its window, as a board's full receive buffer does", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("\x05A\x01");
    expect((await client.readBytes(5)).toString("latin1")).toBe("R\x01\x80\x00\x01");
    // 2 KB at once, ignoring the two windows (256 bytes) granted so far.
    client.write(`x = 1\n#${"-".repeat(2000)}\nprint('end of program')\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.write("\x04");
    const acked = await client.readUntil("\x04");
    expect(acked).toMatch(/^\x01*\x04$/);
    const { stdout } = await follow(client);
    expect(stdout).not.toContain("end of program");
  });

  it("Ctrl-C during raw-paste aborts with \\x04 and a KeyboardInterrupt, back at the raw prompt", async () => {
    const { client } = await startBoard();
    await client.enterRawRepl();
    client.write("\x05A\x01");
    expect((await client.readBytes(5)).toString("latin1")).toBe("R\x01\x80\x00\x01");
    client.write("print('never')\x03");
    expect(await client.readUntil("\x04")).toBe("\x04");
    expect(await follow(client)).toEqual({ stdout: "", stderr: "KeyboardInterrupt: \r\n" });
    expect(await client.execRaw("print('still fine')")).toEqual({ stdout: "still fine\r\n", stderr: "" });
  });

  it("refuses raw-paste with R\\x00 under the refuseRawPaste fault; plain raw mode still works", async () => {
    const { client } = await startBoard({ faults: { refuseRawPaste: true } });
    await client.enterRawRepl();
    client.write("\x05A\x01");
    expect((await client.readBytes(2)).toString("latin1")).toBe("R\x00");
    expect(await client.execRaw("print('fallback')")).toEqual({ stdout: "fallback\r\n", stderr: "" });
  });
});
