import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lineNoise, receivedCorruption } from "../../../src/sim/virtual-board/faults.js";
import { connect, startBoard, text } from "../../harness/virtual-board-fixtures.js";

describe("test faults", () => {
  it("dropAfterBytes unplugs the cable after that many bytes: the port closes and its path goes away", async () => {
    const command = "open('cut.txt', 'w').write('x' * 5)\x04";
    // What the fixture and enterRawRepl send ("#sync\r", "\r\x03\r\x01"), then the command: nothing more.
    const { board, client } = await startBoard({ faults: { dropAfterBytes: 6 + 4 + command.length } });
    await client.enterRawRepl();
    client.write(`${command}print('lost')\x04`);
    await board.linkDropped;
    await expect(client.readUntil("lost")).rejects.toThrow(/port closed/);
    expect(existsSync(board.portPath)).toBe(false);

    // The board kept running; after a replug it answers again and the fault is spent.
    await board.replug();
    const again = await connect(board);
    await again.enterRawRepl();
    expect(await again.execRaw("import os\nprint(os.listdir())")).toEqual({ stdout: "['cut.txt']\r\n", stderr: "" });
    expect(text(await board.readFile("cut.txt"))).toBe("xxxxx");
  });

  it("noise corrupts what the board sends", async () => {
    const { client } = await startBoard({ faults: { noise: { rate: 0.1, seed: 7 } } }, false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.discard();
    client.write(`print("${"A".repeat(16)}" * 20)\r`);
    // The echo and the 320 printed characters: enough bytes to see the noise in.
    const reply = (await client.readBytes(300)).toString("latin1");
    expect(reply.match(/A/g)?.length ?? 0).toBeGreaterThan(150);
    expect(reply).not.toContain("A".repeat(320));
  });

  it("noise is the same for the same seed", () => {
    const bytes = new TextEncoder().encode("MicroPython v1.27.0\r\n>>> ".repeat(10));
    const first = lineNoise({ rate: 0.2, seed: 42 })(bytes);
    expect(lineNoise({ rate: 0.2, seed: 42 })(bytes)).toEqual(first);
    expect(lineNoise({ rate: 0.2, seed: 43 })(bytes)).not.toEqual(first);
    expect(first).not.toEqual(bytes);
  });

  it("corruptReceived flips the last bit of a marker the board receives, once by default", async () => {
    const { board, client } = await startBoard({ faults: { corruptReceived: { match: "abc" } } });
    await client.enterRawRepl();
    expect(await client.execRaw("open('a.txt', 'w').write('abc abc')")).toEqual({ stdout: "", stderr: "" });
    expect(text(await board.readFile("a.txt"))).toBe("abb abc");
  });

  it("corruptReceived finds a marker split across chunks, up to count times", () => {
    const corrupt = receivedCorruption({ match: "abc", count: 2 });
    const bytes = (s: string) => new TextEncoder().encode(s);
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(decode(corrupt(bytes("xa")))).toBe("xa");
    expect(decode(corrupt(bytes("bc abc")))).toBe("bb abb");
    expect(decode(corrupt(bytes("abc")))).toBe("abc");
  });

  it("slowMs holds every reply back by at least that long", async () => {
    const { client } = await startBoard({ faults: { slowMs: 400 } });
    const sent = performance.now();
    client.write("1\r");
    expect(await client.readUntil(">>> ")).toBe("1\r\n1\r\n>>> ");
    expect(performance.now() - sent).toBeGreaterThanOrEqual(400);
  });

  it("--baud paces both directions at baud/10 bytes per second", async () => {
    const { client } = await startBoard({ baud: 2400 });
    const line = `print('${"x".repeat(50)}')\r`;
    const sent = performance.now();
    client.write(line);
    const reply = await client.readUntil(">>> ");
    expect(reply).toBe(`${line}\n${"x".repeat(50)}\r\n>>> `);
    // A lower bound only: the echo and the result cannot come back faster than the line rate.
    expect(performance.now() - sent).toBeGreaterThanOrEqual(((reply.length * 10) / 2400) * 1000);
  });
});
