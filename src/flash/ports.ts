import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { SerialPort } from "serialport";
import { TsmpError } from "../errors.js";

export interface SerialPortInfo {
  path: string;
  /** Four lowercase hex digits, when the port is a USB device. */
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  /** What the USB IDs suggest is attached ("Raspberry Pi Pico (rp2)"); undefined when unknown. */
  boardGuess?: string;
}

export class NoBoardFound extends TsmpError {}

/** Virtual boards are ptys, which no USB scan finds: said wherever a user looks for one. */
export const VIRTUAL_BOARD_HINT =
  "(Virtual boards from `tsmp virtual-board` or `tsmp virtual-esp32` are ptys, not USB devices, so they are not listed: pass their --link path as --port.)";

/** USB IDs of boards that run MicroPython or of the USB-serial chips those boards carry. */
const knownBoards: { vendorId: string; productIds?: (id: number) => boolean; name: string }[] = [
  { vendorId: "f055", productIds: (id) => id >= 0x9800 && id <= 0x9807, name: "pyboard (MicroPython USB)" },
  { vendorId: "2e8a", productIds: (id) => id === 0x0005, name: "Raspberry Pi Pico (MicroPython rp2)" },
  { vendorId: "303a", productIds: (id) => id === 0x1001, name: "Espressif chip, USB-JTAG serial (ESP32-S3/C3/C6…)" },
  { vendorId: "303a", name: "Espressif board (native USB)" },
  { vendorId: "10c4", productIds: (id) => id === 0xea60, name: "CP210x USB-serial (typical ESP32/ESP8266 board)" },
  { vendorId: "1a86", productIds: (id) => id === 0x7523 || id === 0x55d4, name: "CH340/CH9102 USB-serial (typical ESP32/ESP8266 board)" },
  { vendorId: "0403", productIds: (id) => (id & 0xff00) === 0x6000, name: "FTDI USB-serial" },
];

export function guessBoard(vendorId: string | undefined, productId: string | undefined): string | undefined {
  if (!vendorId) return undefined;
  const vid = vendorId.toLowerCase();
  const pid = productId ? Number.parseInt(productId, 16) : Number.NaN;
  return knownBoards.find((b) => b.vendorId === vid && (!b.productIds || b.productIds(pid)))?.name;
}

/**
 * Lists the serial ports with their USB IDs. `SerialPort.list()` shells out to udevadm on
 * Linux, which containers and minimal systems lack, so a sysfs scan stands in for it there.
 */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  let ports: SerialPortInfo[];
  try {
    ports = (await SerialPort.list()).map((p) => ({
      path: p.path,
      vendorId: p.vendorId?.toLowerCase(),
      productId: p.productId?.toLowerCase(),
      manufacturer: p.manufacturer,
      serialNumber: p.serialNumber,
    }));
  } catch {
    ports = process.platform === "linux" ? scanLinuxPorts() : [];
  }
  return ports.map((p) => ({ ...p, boardGuess: guessBoard(p.vendorId, p.productId) }));
}

/** Where a Linux system publishes its serial devices; tests point these at a fake tree. */
export interface LinuxDeviceRoots {
  dev: string;
  sysClassTty: string;
}

const deviceNamePattern = /^(ttyUSB|ttyACM|ttyAMA|ttyS|ttyGS|rfcomm|ttyAP)\d+$/;

export function scanLinuxPorts(roots: LinuxDeviceRoots = { dev: "/dev", sysClassTty: "/sys/class/tty" }): SerialPortInfo[] {
  const byPath = new Map<string, SerialPortInfo>();
  for (const name of safeReaddir(roots.sysClassTty)) {
    if (!deviceNamePattern.test(name)) continue;
    const device = join(roots.sysClassTty, name, "device");
    if (!existsSync(device)) continue;
    const subsystem = linkName(join(device, "subsystem"));
    // Legacy 8250 UARTs appear as ttyS0..31 whether or not hardware is behind them.
    if (subsystem === "platform" || subsystem === "serial-base") continue;
    byPath.set(join(roots.dev, name), { path: join(roots.dev, name), ...usbDetails(device, subsystem) });
  }
  for (const port of byIdLinks(roots.dev)) {
    if (!byPath.has(port)) byPath.set(port, { path: port });
  }
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The USB device directory is the interface's parent (ACM) or the grandparent (usb-serial). */
function usbDetails(device: string, subsystem: string | undefined): Omit<SerialPortInfo, "path"> {
  let usbDevice: string;
  try {
    const real = realpathSync(device);
    usbDevice = subsystem === "usb-serial" ? resolve(real, "..", "..") : resolve(real, "..");
  } catch {
    return {};
  }
  const read = (file: string): string | undefined => {
    try {
      return readFileSync(join(usbDevice, file), "utf8").trim() || undefined;
    } catch {
      return undefined;
    }
  };
  return {
    vendorId: read("idVendor")?.toLowerCase(),
    productId: read("idProduct")?.toLowerCase(),
    manufacturer: read("manufacturer"),
    product: read("product"),
    serialNumber: read("serial"),
  };
}

function byIdLinks(dev: string): string[] {
  const folder = join(dev, "serial", "by-id");
  return safeReaddir(folder).flatMap((name) => {
    try {
      return [resolve(folder, readlinkSync(join(folder, name)))];
    } catch {
      return [];
    }
  });
}

function linkName(path: string): string | undefined {
  try {
    return basename(readlinkSync(path));
  } catch {
    return undefined;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export function describePort(port: SerialPortInfo): string {
  const ids = port.vendorId ? ` ${port.vendorId}:${port.productId ?? "????"}` : "";
  const guess = port.boardGuess ? ` (${port.boardGuess})` : "";
  return `${port.path}${ids}${guess}`;
}

/**
 * Turns `--port` into a device path. A path is used as given; "auto" (or nothing) picks the
 * single port whose USB IDs look like a MicroPython board and says which on stderr.
 */
export async function resolvePort(
  port: string | undefined,
  options: {
    log?: (message: string) => void;
    ports?: () => Promise<SerialPortInfo[]>;
    /** The board's USB serial number (a project's config names it so): finds its port by that instead. */
    serialNumber?: string;
  } = {},
): Promise<string> {
  if (port && port !== "auto") return port;
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const ports = await (options.ports ?? listSerialPorts)();
  if (options.serialNumber !== undefined) return portWithSerialNumber(ports, options.serialNumber, log);
  const boards = ports.filter((p) => p.boardGuess);
  if (boards.length === 1) {
    const [board] = boards;
    log(`Using ${describePort(board!)}`);
    return board!.path;
  }
  const listing = (list: SerialPortInfo[]) => list.map((p) => `  ${describePort(p)}`).join("\n");
  if (boards.length > 1) {
    throw new NoBoardFound(`several boards are connected; pick one with --port <path>:\n${listing(boards)}`);
  }
  const others = ports.length > 0 ? `\nSerial ports found (none looks like a board):\n${listing(ports)}` : "";
  throw new NoBoardFound(`no MicroPython board found; connect one or pass --port <path>.${others}\n${VIRTUAL_BOARD_HINT}`);
}

function portWithSerialNumber(ports: SerialPortInfo[], serialNumber: string, log: (message: string) => void): string {
  const port = ports.find((p) => p.serialNumber === serialNumber);
  if (port) {
    log(`Using ${describePort(port)} (serial number ${serialNumber})`);
    return port.path;
  }
  const numbered = ports.filter((p) => p.serialNumber).map((p) => `  ${describePort(p)} serial number ${p.serialNumber}`);
  const listing = numbered.length > 0 ? `; connected:\n${numbered.join("\n")}` : "";
  throw new NoBoardFound(`no board with USB serial number ${serialNumber} is connected${listing}`);
}
