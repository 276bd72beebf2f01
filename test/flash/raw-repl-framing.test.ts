import type { SerialPort } from "serialport";
import { describe, expect, it } from "vitest";
import { RawRepl } from "../../src/flash/raw-repl.js";
import { createUploadProgress } from "../../src/flash/progress.js";
import { deviceLinks } from "../harness/socat-pair.js";

// Framing against a scripted device on a pty: firmware from before raw-paste (MicroPython < 1.13)
// takes "\x05A" into its line and answers the \x01 with a fresh raw banner.
const connect = deviceLinks();

/** A raw REPL that predates raw-paste; it "runs" code by echoing it back upper-cased. */
function oldFirmware(port: SerialPort, received: string[]): void {
  let line = "";
  port.on("data", (chunk: Buffer) => {
    for (const char of chunk.toString("latin1")) {
      if (char === "\x01") {
        line = "";
        port.write("raw REPL; CTRL-B to exit\r\n>");
      } else if (char === "\x03") {
        line = "";
      } else if (char === "\x04") {
        received.push(line);
        port.write(`OK${line.toUpperCase()}\x04\x04>`);
        line = "";
      } else {
        line += char;
      }
    }
  });
}

describe("raw REPL framing", () => {
  it("falls back to paced raw writes on firmware without raw-paste", async () => {
    const received: string[] = [];
    const { transport } = await connect((device) => oldFirmware(device, received));
    const repl = new RawRepl(transport);
    await repl.enter();
    const code = "print('x')\n".repeat(60);
    expect((await repl.exec(code)).stdout.toString()).toBe(code.toUpperCase());
    expect(repl.usesRawPaste).toBe(false);
    expect((await repl.exec("again")).stdout.toString()).toBe("AGAIN");
    expect(received).toEqual([code, "again"]);
  });
});

describe("upload progress", () => {
  it("draws a bar on a terminal and prints one summary line", () => {
    let clock = 0;
    let text = "";
    const progress = createUploadProgress({ write: (t: string) => (text += t), isTTY: true }, () => clock);
    progress.start(2048);
    clock = 500;
    progress.advance("main.py", 1024);
    clock = 1000;
    progress.advance("main.py", 1024);
    progress.finish();
    expect(text).toContain("[############            ] 50% 1.0 KB/2.0 KB 2.0 KB/s main.py");
    expect(text.endsWith("\r\x1b[KSent 2.0 KB in 1.0 s (2.0 KB/s)\n")).toBe(true);
  });

  it("prints only the summary when stderr is not a terminal", () => {
    let clock = 0;
    let text = "";
    const progress = createUploadProgress({ write: (t: string) => (text += t) }, () => clock);
    progress.start(10);
    clock = 1000;
    progress.advance("a.py", 10);
    progress.finish();
    expect(text).toBe("Sent 10 B in 1.0 s (10 B/s)\n");
  });
});
