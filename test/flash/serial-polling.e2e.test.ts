import { setTimeout as sleep } from "node:timers/promises";
import { SerialPort } from "serialport";
import { afterEach, describe, expect, it } from "vitest";
import { openPort } from "../../src/flash/open-port.js";
import { startPtyPair, type PtyPair } from "../harness/socat-pair.js";

// serialport's poll handle kept only the last event asked for: a write waiting for room was
// forgotten when the read side started waiting for bytes (src/flash/serial-polling.ts). Before
// the repair this hung in about two rounds of three; three rounds in a row all finish now.

const opened: SerialPort[] = [];
const pairs: PtyPair[] = [];

afterEach(async () => {
  for (const port of opened.splice(0)) if (port.isOpen) await new Promise((closed) => port.close(closed));
  for (const pair of pairs.splice(0)) await pair.stop();
});

async function open(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  // Closing a port with a write still queued fails that write; the test reports it instead.
  port.on("error", () => undefined);
  await openPort(port, path);
  opened.push(port);
  return port;
}

describe("serial ports with a read and a write waiting at once", () => {
  it("finish a write that waited for room while the read side waited for bytes", async () => {
    for (let round = 1; round <= 3; round++) {
      const pair = await startPtyPair();
      pairs.push(pair);
      const host = await open(pair.host);
      const device = await open(pair.device);
      // The device reads nothing yet, so a megabyte fills the line and the host's write waits for room.
      device.pause();
      host.on("data", () => {});
      const written = new Promise<string>((done) => {
        host.write(Buffer.alloc(1 << 20, 0x55));
        host.drain(() => done("written"));
      });
      await sleep(300);
      // One byte for the host: it reads it, and its read side waits for more.
      device.write("x");
      await sleep(300);
      // Room again: the host's write carries on, if its wait for room was not forgotten.
      device.on("data", () => {});
      device.resume();
      const outcome = await Promise.race([written, sleep(10_000).then(() => "still waiting after 10 s")]);
      expect(`round ${round}: ${outcome}`).toBe(`round ${round}: written`);
    }
  });
});
