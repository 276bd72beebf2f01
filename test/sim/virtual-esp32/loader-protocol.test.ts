import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { virtualChip } from "../../../src/sim/virtual-esp32/chips.js";
import { FlashMemory } from "../../../src/sim/virtual-esp32/flash-memory.js";
import { LoaderCommands, Op } from "../../../src/sim/virtual-esp32/loader-commands.js";
import { SlipDecoder, encodeSlipFrame } from "../../../src/sim/virtual-esp32/slip.js";

function request(op: number, data: Uint8Array = new Uint8Array(0), checksum = 0): Buffer {
  const header = Buffer.alloc(8);
  header[1] = op;
  header.writeUInt16LE(data.length, 2);
  header.writeUInt32LE(checksum, 4);
  return Buffer.concat([header, data]);
}

function words(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => out.writeUInt32LE(value >>> 0, i * 4));
  return out;
}

function dataPacket(op: number, seq: number, body: Uint8Array): Buffer {
  let checksum = 0xef;
  for (const byte of body) checksum ^= byte;
  return request(op, Buffer.concat([words(body.length, seq, 0, 0), body]), checksum);
}

function loader(chipId = "esp32"): { commands: LoaderCommands; flash: FlashMemory } {
  const flash = new FlashMemory(4 * 1024 * 1024);
  return { commands: new LoaderCommands(virtualChip(chipId)!, flash), flash };
}

async function enterStub(commands: LoaderCommands): Promise<void> {
  await commands.handle(request(Op.MEM_BEGIN, words(4, 1, 0x1800, 0x40080000)));
  await commands.handle(dataPacket(Op.MEM_DATA, 0, Buffer.from([1, 2, 3, 4])));
  const end = await commands.handle(request(Op.MEM_END, words(0, 0x40080400)));
  expect(end.after).toEqual({ kind: "run-stub" });
  commands.enterStub();
}

describe("SLIP framing", () => {
  it("escapes 0xC0 and 0xDB and decodes them back, across chunk boundaries", () => {
    const packet = Buffer.from([0x01, 0xc0, 0x02, 0xdb, 0x03]);
    const frame = encodeSlipFrame(packet);
    expect([...frame]).toEqual([0xc0, 0x01, 0xdb, 0xdc, 0x02, 0xdb, 0xdd, 0x03, 0xc0]);
    const seen: Buffer[] = [];
    const stray: number[] = [];
    const decoder = new SlipDecoder(
      (p) => seen.push(p),
      (b) => stray.push(b),
    );
    decoder.push(Buffer.from([0x41, ...frame.subarray(0, 4)]));
    decoder.push(frame.subarray(4));
    expect(seen).toEqual([packet]);
    expect(stray).toEqual([0x41]);
  });
});

describe("ROM and stub command handlers", () => {
  it("answers SYNC eight times, with the ROM's value and 4 status bytes, and the stub's 0 and 2", async () => {
    const { commands } = loader();
    const sync = request(Op.SYNC, Buffer.from([7, 7, 0x12, 0x20, ...new Array(32).fill(0x55)]));
    const rom = await commands.handle(sync);
    expect(rom.replies).toHaveLength(8);
    expect(rom.replies[0]!.toString("hex")).toBe("0108040007071220" + "00000000");
    await enterStub(commands);
    const stub = await commands.handle(sync);
    expect(stub.replies).toHaveLength(8);
    expect(stub.replies[0]!.toString("hex")).toBe("0108020000000000" + "0000");
  });

  it("reads the chip magic and eFuse MAC words", async () => {
    const { commands } = loader();
    const magic = await commands.handle(request(Op.READ_REG, words(0x40001000)));
    expect(magic.replies[0]!.readUInt32LE(4)).toBe(0x00f01d83);
    const mac0 = await commands.handle(request(Op.READ_REG, words(0x3ff5a004)));
    expect(mac0.replies[0]!.readUInt32LE(4)).toBe(0xc41e5701);
  });

  it("marks GET_SECURITY_INFO unsupported on the ESP32 ROM the way esptool detects it, and answers it on an ESP32-S3", async () => {
    const esp32 = loader("esp32").commands;
    const reply = (await esp32.handle(request(Op.GET_SECURITY_INFO))).replies[0]!;
    expect(reply[1]).not.toBe(Op.GET_SECURITY_INFO);
    expect([...reply.subarray(8)]).toEqual([1, 5, 0, 0]);
    const s3 = loader("esp32s3").commands;
    const info = (await s3.handle(request(Op.GET_SECURITY_INFO))).replies[0]!;
    expect(info.readUInt32LE(8 + 12)).toBe(9);
    expect(info.length).toBe(8 + 20 + 4);
  });

  it("the ROM rejects a bad checksum and an out-of-order sequence number", async () => {
    const { commands } = loader();
    await commands.handle(request(Op.FLASH_BEGIN, words(0x1000, 2, 0x800, 0x1000)));
    const bad = dataPacket(Op.FLASH_DATA, 0, Buffer.alloc(0x800, 0x11));
    bad[bad.length - 1]! ^= 1;
    expect([...(await commands.handle(bad)).replies[0]!.subarray(8)]).toEqual([1, 7, 0, 0]);
    const outOfOrder = dataPacket(Op.FLASH_DATA, 1, Buffer.alloc(0x800, 0x11));
    expect([...(await commands.handle(outOfOrder)).replies[0]!.subarray(8)]).toEqual([1, 1, 0, 0]);
  });

  it("the stub inflates FLASH_DEFL_DATA across blocks and reports MD5 as 16 raw bytes", async () => {
    const { commands, flash } = loader();
    await enterStub(commands);
    const plain = Buffer.alloc(100_000);
    for (let i = 0; i < plain.length; i++) plain[i] = (i * 31) % 251;
    const packed = deflateSync(plain);
    await commands.handle(request(Op.FLASH_DEFL_BEGIN, words(plain.length, 3, 0x4000, 0x8000)));
    for (let seq = 0, at = 0; at < packed.length; seq++, at += 0x4000) {
      const reply = (await commands.handle(dataPacket(Op.FLASH_DEFL_DATA, seq, packed.subarray(at, at + 0x4000)))).replies[0]!;
      expect([...reply.subarray(8)]).toEqual([0, 0]);
    }
    const end = await commands.handle(request(Op.FLASH_DEFL_END, words(1)));
    expect(end.after).toEqual({ kind: "none" });
    expect(Buffer.from(flash.read(0x8000, plain.length)).equals(plain)).toBe(true);
    const md5 = (await commands.handle(request(Op.SPI_FLASH_MD5, words(0x8000, plain.length, 0, 0)))).replies[0]!;
    expect(md5.subarray(8, 24).toString("hex")).toBe(createHash("md5").update(plain).digest("hex"));
    expect(md5.length).toBe(8 + 16 + 2);
  });

  it("knows the stub-only commands only once the stub runs, and reboots on FLASH_END(0)", async () => {
    const { commands } = loader();
    const romErase = (await commands.handle(request(Op.ERASE_FLASH))).replies[0]!;
    expect(romErase[1]).not.toBe(Op.ERASE_FLASH);
    await enterStub(commands);
    expect([...(await commands.handle(request(Op.ERASE_FLASH))).replies[0]!.subarray(8)]).toEqual([0, 0]);
    await commands.handle(request(Op.FLASH_BEGIN, words(0, 0, 0x4000, 0)));
    expect((await commands.handle(request(Op.FLASH_END, words(0)))).after).toEqual({ kind: "boot-app" });
  });

  it("the ROM inflates FLASH_DEFL_DATA too, erases up front, and reports MD5 as 32 hex characters", async () => {
    const { commands, flash } = loader();
    flash.write(0x20000, Buffer.alloc(0x3000, 0x00));
    const plain = Buffer.alloc(0x2800, 0x5a);
    const packed = deflateSync(plain);
    await commands.handle(request(Op.FLASH_DEFL_BEGIN, words(0x3000, 1, 0x4000, 0x20000)));
    expect(flash.read(0x20000, 0x3000).every((b) => b === 0xff)).toBe(true);
    const reply = (await commands.handle(dataPacket(Op.FLASH_DEFL_DATA, 0, packed))).replies[0]!;
    expect([...reply.subarray(8)]).toEqual([0, 0, 0, 0]);
    const md5 = (await commands.handle(request(Op.SPI_FLASH_MD5, words(0x20000, plain.length, 0, 0)))).replies[0]!;
    expect(md5.subarray(8, 40).toString("ascii")).toBe(createHash("md5").update(plain).digest("hex"));
    expect(md5.length).toBe(8 + 32 + 4);
  });

  it("the stub's READ_FLASH sends one block per acknowledgement, then the MD5 digest", async () => {
    const { commands, flash } = loader();
    await enterStub(commands);
    const data = Buffer.alloc(0x2000);
    for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
    flash.write(0x1000, data);
    const start = await commands.handle(request(Op.READ_FLASH, words(0x1000, data.length, 0x1000, 64)));
    expect(start.replies).toHaveLength(2);
    expect(start.replies[1]!.equals(data.subarray(0, 0x1000))).toBe(true);
    const second = await commands.handle(words(0x1000));
    expect(second.replies[0]!.equals(data.subarray(0x1000))).toBe(true);
    const digest = await commands.handle(words(0x2000));
    expect(digest.replies[0]!.toString("hex")).toBe(createHash("md5").update(data).digest("hex"));
  });

  it("the stub's ERASE_REGION needs sector alignment", async () => {
    const { commands, flash } = loader();
    await enterStub(commands);
    flash.write(0x3000, Buffer.alloc(0x1000, 0));
    expect([...(await commands.handle(request(Op.ERASE_REGION, words(0x3000, 0x800)))).replies[0]!.subarray(8)]).toEqual([0xc0, 0]);
    expect([...(await commands.handle(request(Op.ERASE_REGION, words(0x3000, 0x1000)))).replies[0]!.subarray(8)]).toEqual([0, 0]);
    expect(flash.read(0x3000, 0x1000).every((b) => b === 0xff)).toBe(true);
  });

  it("the ROM's slow flash read answers 64 bytes per command", async () => {
    const { commands, flash } = loader();
    flash.write(0x5000, Buffer.from("ESP32 ROM read"));
    const reply = (await commands.handle(request(Op.READ_FLASH_SLOW, words(0x5000, 14)))).replies[0]!;
    expect(reply.length).toBe(8 + 64 + 4);
    expect(reply.subarray(8, 22).toString("latin1")).toBe("ESP32 ROM read");
  });
});
