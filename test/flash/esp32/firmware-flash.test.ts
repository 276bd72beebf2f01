import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeFlashReport, eraseChip, flashFirmware, readChipInfo, type FlashFirmwareOptions } from "../../../src/commands/firmware.js";
import { VirtualEsp32, type VirtualEsp32Options } from "../../../src/sim/virtual-esp32/index.js";
import { CHIP_DETECT_MAGIC_REG } from "../../../src/sim/virtual-esp32/chips.js";
import { makeEspImage } from "../../harness/esp-image.js";

const IMAGE_SIZE = 1536 * 1024;

let dir: string;
let chip: VirtualEsp32 | undefined;
const logs: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tsmp-esp32-test-"));
  logs.length = 0;
});

afterEach(async () => {
  await chip?.stop();
  chip = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function startChip(options: VirtualEsp32Options = {}): Promise<VirtualEsp32> {
  chip = await VirtualEsp32.start(options);
  return chip;
}

function writeImage(name: string, image: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, image);
  return file;
}

function options(file: string, overrides: Partial<FlashFirmwareOptions> = {}): FlashFirmwareOptions {
  return {
    port: chip!.portPath,
    chip: "auto",
    baud: 921600,
    file,
    eraseAll: false,
    compress: true,
    verifyRepl: false,
    log: (line) => logs.push(line),
    progress: () => {},
    ...overrides,
  };
}

function md5(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

describe("tsmp firmware flash against the virtual ESP32", () => {
  it.each([
    ["compressed", true],
    ["uncompressed", false],
  ])("writes a 1.5 MB image %s, byte for byte, with the MD5 verified", async (_label, compress) => {
    const virtual = await startChip();
    const image = makeEspImage(IMAGE_SIZE);
    const report = await flashFirmware(options(writeImage("firmware.bin", image), { compress }));

    expect(report).toMatchObject({ chip: "ESP32", offset: 0x1000, bytes: IMAGE_SIZE });
    const written = virtual.flash.subarray(0x1000, 0x1000 + IMAGE_SIZE);
    expect(md5(written)).toBe(md5(image));
    expect(Buffer.from(written).equals(Buffer.from(image))).toBe(true);
    // The write went through the stub, with the compressed or plain data command, and was checked.
    const dataOp = compress ? "op=0x11" : "op=0x03";
    expect(virtual.commandLog.some((entry) => entry.startsWith("stub") && entry.includes(dataOp))).toBe(true);
    expect(virtual.commandLog.some((entry) => entry.includes("op=0x13"))).toBe(true);
    expect(logs.join("\n")).toMatch(/MD5 verified/);
  });

  it.each([
    ["esp32s3", 9, 0x0],
    ["esp32s2", 2, 0x1000],
    ["esp32c3", 5, 0x0],
  ])("uses the detected chip's MicroPython offset (%s, image chip id %i)", async (id, chipId, offset) => {
    const virtual = await startChip({ chip: id });
    const image = makeEspImage(64 * 1024, { chipId });
    const report = await flashFirmware(options(writeImage(`${id}.bin`, image)));
    expect(report.offset).toBe(offset);
    expect(Buffer.from(virtual.flash.subarray(offset, offset + image.length)).equals(Buffer.from(image))).toBe(true);
  });

  it("changes baud in the ROM, so the stub goes up at the transfer rate", async () => {
    const virtual = await startChip();
    await flashFirmware(options(writeImage("firmware.bin", makeEspImage(16 * 1024))));
    const log = virtual.commandLog;
    const romBaudChange = log.indexOf("rom op=0x0f len=8");
    expect(romBaudChange).toBeGreaterThanOrEqual(0);
    expect(romBaudChange).toBeLessThan(log.findIndex((entry) => entry.startsWith("rom op=0x07")));
    expect(log.some((entry) => entry === "stub op=0x0f len=8")).toBe(false);
  });

  it("scales the ESP32 ROM's baud request by its crystal estimate, so the line runs at --baud", async () => {
    // The virtual ESP32's ROM measured its crystal 1 % high; asked for 921600 it would run at 912475.
    const virtual = await startChip();
    await readChipInfo({ port: virtual.portPath, chip: "auto", baud: 921600, log: () => {} });
    expect(virtual.commandLog).toContain("rom op=0x0f len=8");
    expect(virtual.baudRate).toBe(921600);
  });

  it("sends register reads back to back where it can: ROM calibration, chip description, flash ID", async () => {
    // Each READ_REG answer held back 250 ms: a read sent back to back with the one before it
    // arrives while that one's answer is still pending. (With 50 ms, a loaded CI machine once
    // delayed the second read of a pair past the first's answer.) The magic register, which the
    // host reads with a 100 ms timeout to see that the chip follows a baud change, answers at once.
    const virtual = await startChip({
      tracePackets: true,
      faults: { slowReply: { op: 0x0a, ms: 250, exceptAddress: CHIP_DETECT_MAGIC_REG } },
    });
    const image = makeEspImage(16 * 1024);
    await flashFirmware(options(writeImage("firmware.bin", image)));
    let pending = 0;
    let backToBack = 0;
    for (const packet of virtual.packetTrace.filter((entry) => entry.op === 0x0a)) {
      if (packet.direction === "out") pending--;
      else if (pending++ > 0) backToBack++;
    }
    // One behind the RTC calibration read, two behind the first eFuse word, one in each of the flash ID's pairs.
    expect(backToBack).toBe(5);
    expect(logs).toContain("Chip: ESP32-D0WD-V3 (revision 3)");
    expect(Buffer.from(virtual.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
  });

  it("says so when the chip stops answering after the baud change", async () => {
    // Where the CHANGE_BAUDRATE request ends on the wire, from a clean run on another chip.
    const reference = await startChip();
    await flashFirmware(options(writeImage("firmware.bin", makeEspImage(16 * 1024))));
    const baudChange = reference.commandLog.indexOf("rom op=0x0f len=8");
    const endOfBaudChange = reference.packetEnds[baudChange]!;
    await reference.stop();
    await startChip({ faults: { dropAfterBytes: endOfBaudChange } });
    await expect(flashFirmware(options(writeImage("firmware.bin", makeEspImage(16 * 1024))))).rejects.toThrow(
      /the ESP32 on .* stopped answering after the change to 921600 baud; try a lower --baud/,
    );
  });

  it("writes nothing when the flash holds the image already, and everything when one byte differs", async () => {
    const virtual = await startChip();
    const image = makeEspImage(64 * 1024);
    const file = writeImage("firmware.bin", image);
    expect((await flashFirmware(options(file))).written).toBe(true);
    // The same first sector, one byte different further on: only the whole region's MD5 tells.
    const changed = Uint8Array.from(image);
    changed[40_000]! ^= 0xff;
    const changedFile = writeImage("changed.bin", changed);
    expect((await flashFirmware(options(changedFile))).written).toBe(true);
    expect(Buffer.from(virtual.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(changed))).toBe(true);

    const dataPacketsBefore = virtual.commandLog.filter((entry) => entry.includes("op=0x11")).length;
    logs.length = 0;
    const again = await flashFirmware(options(changedFile));
    expect(again.written).toBe(false);
    expect(virtual.commandLog.filter((entry) => entry.includes("op=0x11")).length).toBe(dataPacketsBefore);
    expect(logs.join("\n")).toMatch(/The flash already holds changed\.bin at 0x1000 \(MD5 verified\): nothing to write/);
    expect(describeFlashReport("changed.bin", again)).toBe("changed.bin was already on the ESP32 at 0x1000\n");
  });

  it("honours --offset and --erase", async () => {
    const virtual = await startChip();
    virtual.flash.fill(0x00, 0x300000, 0x301000);
    const image = makeEspImage(32 * 1024);
    await flashFirmware(options(writeImage("app.bin", image), { offset: 0x10000, eraseAll: true }));
    expect(Buffer.from(virtual.flash.subarray(0x10000, 0x10000 + image.length)).equals(Buffer.from(image))).toBe(true);
    expect(virtual.flash[0x300000]).toBe(0xff);
  });

  it("retries a data packet the chip rejects for a bad checksum, and still writes the image exactly", async () => {
    const virtual = await startChip({ faults: { corruptDataPackets: [2] } });
    const image = makeEspImage(256 * 1024);
    await flashFirmware(options(writeImage("firmware.bin", image)));
    expect(Buffer.from(virtual.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
    const dataPackets = virtual.commandLog.filter((entry) => entry.includes("op=0x11"));
    // One packet more than the compressed image needs: the corrupted one was sent again.
    const blocks = Math.ceil(deflateSync(image, { level: 9 }).length / 0x4000);
    expect(dataPackets.length).toBe(blocks + 1);
  });

  it("reports a flash that does not hold what was written (MD5 mismatch)", async () => {
    await startChip({ faults: { corruptFlashAt: 0x1000 + 5000 } });
    const image = makeEspImage(64 * 1024);
    await expect(flashFirmware(options(writeImage("firmware.bin", image)))).rejects.toThrow(
      /does not hold what was written \(MD5 mismatch after writing: [0-9a-f]{32}, expected [0-9a-f]{32}\)/,
    );
  });

  it("recovers when the jump into the stub is acknowledged too late for esptool-js (200 ms)", async () => {
    const virtual = await startChip({ faults: { slowReply: { op: 0x06, ms: 1000 } } });
    const image = makeEspImage(32 * 1024);
    await flashFirmware(options(writeImage("firmware.bin", image)));
    expect(Buffer.from(virtual.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
    // The second round found the stub already running: SYNC answered by the stub, no second upload.
    expect(virtual.commandLog.filter((entry) => entry.includes("op=0x06"))).toHaveLength(1);
    expect(virtual.commandLog.some((entry) => entry === "stub op=0x08 len=36")).toBe(true);
  });

  it("reports a link that drops while the stub is being uploaded", async () => {
    // A few SYNCs and register reads fit in 3000 bytes; the stub upload does not.
    await startChip({ faults: { dropAfterBytes: 3000 } });
    const image = makeEspImage(64 * 1024);
    await expect(flashFirmware(options(writeImage("firmware.bin", image)))).rejects.toThrow(/talking to the ESP32 bootloader on .* failed/);
  });

  it("reports a link that drops while the image is being written, never a success", async () => {
    // Past the stub (about 10 KB on the wire) and into the compressed image's data packets.
    await startChip({ faults: { dropAfterBytes: 40_000 } });
    const image = makeEspImage(256 * 1024);
    await expect(flashFirmware(options(writeImage("firmware.bin", image)))).rejects.toThrow(/failed|lost|closed/);
  });
});

describe("the REPL check after flashing", () => {
  it("boots a MicroPython image on the virtual ESP32 and gets an answer from its REPL", async () => {
    const virtual = await startChip();
    const image = makeEspImage(96 * 1024, { micropython: true });
    const report = await flashFirmware(options(writeImage("micropython.bin", image), { verifyRepl: true }));
    expect(report.repl).toMatch(/^micropython \d+\.\d+\.\d+$/);
    expect(virtual.uartLog).toContain("MicroPython v1.24.1 on 2024-11-29; Generic ESP32 module with ESP32");
    // Leaving the raw REPL reprints the banner: the board's, not the host VM's.
    expect(virtual.uartLog).toContain("raw REPL; CTRL-B to exit");
    expect(virtual.uartLog).not.toContain("Emscripten");
    expect(logs.join("\n")).toMatch(/MicroPython REPL answers on/);
    expect(virtual.runningMicroPython).toBe(true);
    // A SYNC while the app runs stands for esptool's reset-into-bootloader pulse.
    const info = await readChipInfo({ port: virtual.portPath, chip: "auto", baud: 460800, log: () => {} });
    expect(info.chipName).toBe("ESP32");
    expect(virtual.runningMicroPython).toBe(false);
  });

  it("says so when the image written is not MicroPython", async () => {
    await startChip();
    const image = makeEspImage(64 * 1024);
    await expect(flashFirmware(options(writeImage("other.bin", image), { verifyRepl: true, replAttempts: 2 }))).rejects.toThrow(
      /the firmware was written and verified, but no MicroPython REPL answered on .* after the reset/,
    );
  });
});

describe("tsmp firmware info and erase", () => {
  it("reads chip, revision, MAC and flash size", async () => {
    await startChip({ flashSize: "8MB" });
    const info = await readChipInfo({ port: chip!.portPath, chip: "auto", baud: 460800, log: () => {} });
    expect(info).toMatchObject({
      chipName: "ESP32",
      description: "ESP32-D0WD-V3 (revision 3)",
      revision: 3,
      mac: "24:0a:c4:1e:57:01",
      flashSize: "8MB",
    });
    // The flash ID command's five register writes go to the stub as one WRITE_REG.
    expect(chip!.commandLog).toContain("stub op=0x09 len=80");
  });

  it("names an ESP32 by its magic register, without the GET_SECURITY_INFO its ROM refuses; an ESP32-S3 is asked", async () => {
    const esp32 = await startChip();
    await readChipInfo({ port: esp32.portPath, chip: "auto", baud: 115200, log: () => {} });
    expect(esp32.commandLog.slice(0, 2)).toEqual(["rom op=0x08 len=36", "rom op=0x0a len=4"]);
    expect(esp32.commandLog.some((entry) => entry.includes("op=0x14"))).toBe(false);
    await esp32.stop();
    const s3 = await startChip({ chip: "esp32s3" });
    await readChipInfo({ port: s3.portPath, chip: "auto", baud: 115200, log: () => {} });
    expect(s3.commandLog).toContain("rom op=0x14 len=0");
  });

  it.each([
    ["esp32s2", "ESP32-S2", "7c:df:a1:02:4e:01"],
    ["esp32s3", "ESP32-S3", "34:85:18:4a:2b:01"],
    ["esp32c3", "ESP32-C3", "58:cf:79:0b:3c:01"],
  ])("identifies a virtual %s", async (id, name, mac) => {
    await startChip({ chip: id });
    const info = await readChipInfo({ port: chip!.portPath, chip: id, baud: 115200, log: () => {} });
    expect(info).toMatchObject({ chipName: name, mac, flashSize: "4MB" });
  });

  it("erases the whole flash", async () => {
    const virtual = await startChip();
    virtual.flash.fill(0x12, 0, 0x2000);
    virtual.flash.fill(0x34, virtual.flash.length - 16);
    await eraseChip({ port: chip!.portPath, chip: "auto", baud: 460800, log: () => {} });
    expect(virtual.flash.every((byte) => byte === 0xff)).toBe(true);
  });
});
