import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SerialPort } from "serialport";
import { afterEach } from "vitest";
import { SerialTransport } from "../../src/flash/serial-transport.js";

/** Two connected ptys from socat: what one side writes, the other reads. */
export interface PtyPair {
  host: string;
  device: string;
  stop(): Promise<void>;
}

export async function startPtyPair(): Promise<PtyPair> {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-pty-"));
  const host = join(folder, "host");
  const device = join(folder, "device");
  const socat: ChildProcess = spawn("socat", [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (!(existsSync(host) && existsSync(device))) {
    if (Date.now() > deadline || socat.exitCode !== null) throw new Error("socat did not create the ptys");
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
  return {
    host,
    device,
    async stop() {
      if (socat.exitCode === null) {
        const exited = new Promise((resolveExit) => socat.once("exit", resolveExit));
        socat.kill();
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The two ends of a pty pair as a test uses them: a scripted device and the host's transport. */
export interface DeviceLink {
  device: SerialPort;
  transport: SerialTransport;
}

/**
 * Registers an afterEach that closes whatever the returned `connect` opened in the test (the
 * transport, the device port, socat). `script` runs on the device port before the host opens
 * its end, so a scripted device is answering from the first byte.
 */
export function deviceLinks(): (script?: (device: SerialPort) => void) => Promise<DeviceLink> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (script) => {
    const pair = await startPtyPair();
    cleanups.push(() => pair.stop());
    const device = new SerialPort({ path: pair.device, baudRate: 115200 });
    cleanups.push(async () => {
      if (device.isOpen) await new Promise((resolveClose) => device.close(resolveClose));
    });
    script?.(device);
    const transport = await SerialTransport.open(pair.host);
    cleanups.push(() => transport.close());
    return { device, transport };
  };
}
