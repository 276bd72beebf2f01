import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SerialPort } from "serialport";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flashFirmware, readChipInfo, type FlashFirmwareOptions } from "../../src/commands/firmware.js";
import { VirtualEsp32 } from "../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../harness/esp-image.js";

let dir: string;
let chip: VirtualEsp32 | undefined;
let socat: ChildProcess | undefined;
let holder: SerialPort | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tsmp-esp32-errors-"));
});

afterEach(async () => {
  if (holder?.isOpen) await new Promise<void>((resolve) => holder!.close(() => resolve()));
  holder = undefined;
  await chip?.stop();
  chip = undefined;
  if (socat && socat.exitCode === null) {
    const exited = new Promise((resolve) => socat!.once("exit", resolve));
    socat.kill();
    await exited;
  }
  socat = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function options(path: string, overrides: Partial<FlashFirmwareOptions> = {}): FlashFirmwareOptions {
  return {
    port: "/dev/null-not-used",
    chip: "auto",
    baud: 460800,
    file: path,
    eraseAll: false,
    compress: true,
    verifyRepl: false,
    log: () => {},
    progress: () => {},
    ...overrides,
  };
}

const uf2 = (() => {
  const block = Buffer.alloc(512);
  block.writeUInt32LE(0x0a324655, 0);
  block.writeUInt32LE(0x9e5d5157, 4);
  return block;
})();

describe("firmware files that are not an ESP image", () => {
  it.each([
    ["firmware.uf2", uf2, /not an ESP32 firmware image \(it should start with byte 0xE9\): it is a UF2 file/],
    [
      "pyboard.dfu",
      Buffer.concat([Buffer.from("DfuSe\x01", "latin1"), Buffer.alloc(64)]),
      /it is a DfuSe \.dfu file \(pyboard\/STM32 firmware\); flashing pyboards over DFU is out of scope for tsmp/,
    ],
    ["firmware.elf", Buffer.concat([Buffer.from("\x7fELF\x01\x01\x01", "latin1"), Buffer.alloc(64)]), /it is an ELF file/],
    ["firmware.zip", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(64)]), /it is a zip archive/],
    ["notes.txt", "MicroPython firmware goes here\n", /it is a text file \(starts with "MicroPython firmware goes here"\)/],
  ])("%s is refused with what it is instead", async (name, content, message) => {
    await expect(flashFirmware(options(file(name, content)))).rejects.toThrow(message);
  });

  it("an image cut short after its header is refused before anything is written", async () => {
    const cut = file("cut.bin", makeEspImage(262 * 1024).subarray(0, 8192));
    await expect(flashFirmware(options(cut))).rejects.toThrow(
      `cut.bin is truncated: its header declares segment 1 of ${262 * 1024 - 32} bytes, but the file ends ${262 * 1024 - 8192} bytes short (was the download cut short?)`,
    );
  });

  it("a missing file is named", async () => {
    await expect(flashFirmware(options(join(dir, "nope.bin")))).rejects.toThrow(/firmware file .*nope\.bin does not exist/);
  });

  it("an --offset that is not sector-aligned is refused before connecting", async () => {
    const image = file("app.bin", makeEspImage(4096));
    await expect(flashFirmware(options(image, { offset: 0x1234 }))).rejects.toThrow(/--offset 0x1234 is not a multiple of 0x1000/);
  });

  it("an image for another chip than --chip says is refused before connecting", async () => {
    const image = file("s3.bin", makeEspImage(4096, { chipId: 9 }));
    await expect(flashFirmware(options(image, { chip: "esp32" }))).rejects.toThrow(
      /s3\.bin is a firmware image for ESP32-S3, but --chip esp32 was given/,
    );
  });
});

describe("boards that are not the right ESP32", () => {
  it("an image built for a different chip than the one detected is refused, and nothing is written", async () => {
    chip = await VirtualEsp32.start({ chip: "esp32" });
    const image = file("s3.bin", makeEspImage(64 * 1024, { chipId: 9 }));
    await expect(flashFirmware(options(image, { port: chip.portPath }))).rejects.toThrow(
      /s3\.bin is built for ESP32-S3, but the board on .* is an ESP32; download the ESP32 build of MicroPython/,
    );
    expect(chip.flash.subarray(0, 0x20000).every((byte) => byte === 0xff)).toBe(true);
  });

  it("--chip that does not match the board is refused", async () => {
    chip = await VirtualEsp32.start({ chip: "esp32c3" });
    await expect(readChipInfo({ port: chip.portPath, chip: "esp32", baud: 115200, log: () => {} })).rejects.toThrow(
      /--chip esp32 was given, but the board on .* is an ESP32-C3/,
    );
  });

  it("a port where nothing answers SYNC (a bare pty) is reported as not an ESP32", async () => {
    const link = join(dir, "silent");
    socat = spawn("socat", ["-d", "-d", `pty,raw,echo=0,link=${link}`, `pty,raw,echo=0,link=${link}.other`], { stdio: "ignore" });
    while (!existsSync(link)) await sleep(10);
    await expect(readChipInfo({ port: link, chip: "auto", baud: 460800, log: () => {}, connectAttempts: 2 })).rejects.toThrow(
      /no ESP32 bootloader answered on .*silent \(no reply to SYNC after the reset attempts\)/,
    );
  });

  it("a busy port is reported as busy", async () => {
    chip = await VirtualEsp32.start();
    holder = new SerialPort({ path: chip.portPath, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => holder!.open((error) => (error ? reject(error) : resolve())));
    await expect(readChipInfo({ port: chip.portPath, chip: "auto", baud: 460800, log: () => {} })).rejects.toThrow(
      /serial port .* is busy: another program/,
    );
  });
});

describe("the CLI edge", () => {
  const bin = join(import.meta.dirname, "..", "..", "bin", "tsmp.js");

  it.each([
    ["a missing file", (): string => join(dir, "missing.bin"), /^tsmp: firmware file .*missing\.bin does not exist\n$/],
    ["a .uf2", (): string => file("rp2.uf2", uf2), /^tsmp: rp2\.uf2 is not an ESP32 firmware image .*UF2 file.*\n$/],
  ])("prints one line for %s and exits 1", (_label, path, message) => {
    mkdirSync(dir, { recursive: true });
    const result = spawnSync(process.execPath, [bin, "firmware", "flash", path(), "--port", "/dev/tsmp-no-such-port"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
