import { unlinkSync } from "node:fs";
import { SerialPort } from "serialport";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { connectToBoard } from "../../src/flash/connection.js";
import { SerialTransport } from "../../src/flash/serial-transport.js";
import { startPtyPair, type PtyPair } from "../harness/socat-pair.js";

// Every way a user can point tsmp at the wrong thing ends in one clear line and exit code 1.
let pair: PtyPair | undefined;
let device: SerialPort | undefined;
afterEach(async () => {
  if (device?.isOpen) await new Promise((resolveClose) => device!.close(resolveClose));
  device = undefined;
  await pair?.stop();
  pair = undefined;
  vi.restoreAllMocks();
});

async function openDeviceSide(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolveOpen, rejectOpen) => port.open((error) => (error ? rejectOpen(error) : resolveOpen())));
  return port;
}

async function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((text: string | Uint8Array) => {
    stderr += text.toString();
    return true;
  });
  const code = await main(["node", "tsmp", ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

describe("ports that are not a usable board", () => {
  it("a missing port: says so and exits 1", async () => {
    const { code, stderr } = await runCli(["fs", "ls", "--port", "/dev/tsmp-no-such-port"]);
    expect(code).toBe(1);
    expect(stderr).toBe("tsmp: serial port /dev/tsmp-no-such-port does not exist (is the board plugged in? `tsmp ports` lists ports)\n");
  });

  it("a busy port: names the likely culprit", async () => {
    pair = await startPtyPair();
    device = await openDeviceSide(pair.host); // another program holds the host side
    const { code, stderr } = await runCli(["fs", "ls", "--port", pair.host]);
    expect(code).toBe(1);
    expect(stderr).toBe(`tsmp: serial port ${pair.host} is busy: another program (a serial monitor, mpremote, an IDE) has it open\n`);
  });

  it("a port freed within a second (as our own port is, just after we close it) opens instead", async () => {
    pair = await startPtyPair();
    device = await openDeviceSide(pair.host);
    const holder = device;
    setTimeout(() => holder.close(), 300);
    const transport = await SerialTransport.open(pair.host);
    expect(transport.isOpen).toBe(true);
    await transport.close();
  });

  it("a file that is not a serial port", async () => {
    await expect(connectToBoard({ port: "/etc/hostname" })).rejects.toThrow("/etc/hostname is not a serial port");
  });

  it("a port where nobody answers", async () => {
    pair = await startPtyPair();
    const { code, stderr } = await runCli(["fs", "ls", "--port", pair.host]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^tsmp: no MicroPython board answered on \S+ \(nothing came back; is MicroPython running on it, and is the baud rate right\?\)\n$/,
    );
  }, 30_000);

  it("a device that answers garbage", async () => {
    pair = await startPtyPair();
    device = await openDeviceSide(pair.device);
    device.on("data", () => device!.write(Buffer.from("\xff\xfeATZ garbage\r\n", "latin1")));
    const { code, stderr } = await runCli(["fs", "ls", "--port", pair.host]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^tsmp: the device on \S+ does not answer like a MicroPython REPL \(it sent .*garbage.*\); is MicroPython flashed on it\?\n$/,
    );
  }, 30_000);
});

describe("a board that vanishes while tsmp waits for it", () => {
  it("is reported as a lost connection, not as a board that does not answer", async () => {
    pair = await startPtyPair();
    const transport = await SerialTransport.open(pair.host);
    try {
      // The device node goes away (a pulled USB cable) without serialport seeing a close.
      unlinkSync(pair.host);
      await expect(transport.readUntil(">", { idleTimeoutMs: 300 })).rejects.toThrow(`lost the connection to the board on ${pair.host}`);
      await expect(transport.write("x")).rejects.toThrow(/lost the connection to the board/);
    } finally {
      await transport.close();
    }
  });

  it("still says the board does not answer when the port is there but silent", async () => {
    pair = await startPtyPair();
    const transport = await SerialTransport.open(pair.host);
    try {
      await expect(transport.readUntil(">", { idleTimeoutMs: 300 })).rejects.toThrow(`no answer from ${pair.host}`);
    } finally {
      await transport.close();
    }
  });
});
