import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { guessBoard, resolvePort, scanLinuxPorts, type SerialPortInfo } from "../../src/flash/ports.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Builds a sysfs/dev tree shaped like Linux's for one ACM and one usb-serial device. */
function fakeLinuxTree(): { dev: string; sysClassTty: string } {
  root = mkdtempSync(join(tmpdir(), "tsmp-ports-"));
  const dev = join(root, "dev");
  const sysClassTty = join(root, "sys/class/tty");
  const usb = join(root, "sys/devices/usb1");
  const add = (tty: string, usbDevice: string, ids: [string, string], usbSerial: boolean) => {
    const usbDir = join(usb, usbDevice);
    const iface = join(usbDir, `${usbDevice}:1.0`);
    const deviceDir = usbSerial ? join(iface, tty) : iface;
    mkdirSync(deviceDir, { recursive: true });
    writeFileSync(join(usbDir, "idVendor"), `${ids[0]}\n`);
    writeFileSync(join(usbDir, "idProduct"), `${ids[1]}\n`);
    writeFileSync(join(usbDir, "product"), "Board\n");
    symlinkSync(join(root, "bus", usbSerial ? "usb-serial" : "usb"), join(deviceDir, "subsystem"));
    mkdirSync(join(sysClassTty, tty), { recursive: true });
    symlinkSync(deviceDir, join(sysClassTty, tty, "device"));
  };
  mkdirSync(dev, { recursive: true });
  add("ttyACM0", "1-1", ["2e8a", "0005"], false);
  add("ttyUSB0", "1-2", ["10c4", "ea60"], true);
  mkdirSync(join(sysClassTty, "ttyS0", "device"), { recursive: true });
  symlinkSync(join(root, "bus", "platform"), join(sysClassTty, "ttyS0", "device", "subsystem"));
  mkdirSync(join(sysClassTty, "tty1"), { recursive: true });
  return { dev, sysClassTty };
}

describe("port discovery", () => {
  it("reads USB IDs from sysfs when udev is missing, skipping legacy UARTs", () => {
    const roots = fakeLinuxTree();
    const ports = scanLinuxPorts(roots);
    expect(ports.map((p) => [p.path.slice(roots.dev.length), p.vendorId, p.productId])).toEqual([
      ["/ttyACM0", "2e8a", "0005"],
      ["/ttyUSB0", "10c4", "ea60"],
    ]);
  });

  it("guesses boards from known VID:PIDs", () => {
    expect(guessBoard("F055", "9802")).toMatch(/pyboard/);
    expect(guessBoard("303a", "1001")).toMatch(/USB-JTAG/);
    expect(guessBoard("303a", "4001")).toMatch(/Espressif/);
    expect(guessBoard("1234", "5678")).toBeUndefined();
    expect(guessBoard(undefined, undefined)).toBeUndefined();
  });

  const port = (path: string, vendorId?: string, productId?: string): SerialPortInfo => ({
    path,
    vendorId,
    productId,
    boardGuess: guessBoard(vendorId, productId),
  });

  it("passes an explicit path through and picks the single board for auto", async () => {
    expect(await resolvePort("/dev/ttyX")).toBe("/dev/ttyX");
    const messages: string[] = [];
    const ports = async () => [port("/dev/ttyS0"), port("/dev/ttyACM0", "2e8a", "0005")];
    expect(await resolvePort("auto", { ports, log: (m) => messages.push(m) })).toBe("/dev/ttyACM0");
    expect(messages).toEqual(["Using /dev/ttyACM0 2e8a:0005 (Raspberry Pi Pico (MicroPython rp2))"]);
  });

  it("explains when no board or several boards are connected", async () => {
    await expect(resolvePort(undefined, { ports: async () => [port("/dev/ttyS0")] })).rejects.toThrow(
      /no MicroPython board found; connect one or pass --port <path>\.\nSerial ports found \(none looks like a board\):\n {2}\/dev\/ttyS0/,
    );
    await expect(resolvePort(undefined, { ports: async () => [] })).rejects.toThrow(/^no MicroPython board found/);
    const two = async () => [port("/dev/ttyACM0", "2e8a", "0005"), port("/dev/ttyUSB0", "10c4", "ea60")];
    await expect(resolvePort("auto", { ports: two })).rejects.toThrow(/several boards are connected[^]*ttyACM0[^]*ttyUSB0/);
  });
});
