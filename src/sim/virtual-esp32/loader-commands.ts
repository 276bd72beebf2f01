import { createHash } from "node:crypto";
import { CHIP_DETECT_MAGIC_REG, ROM_SYNC_VALUE, type VirtualChip } from "./chips.js";
import { flashIdFor, type FlashMemory } from "./flash-memory.js";
import { BlockInflater } from "./inflater.js";

/** Command opcodes of the serial protocol (esptool docs, "Serial Protocol"). */
export const Op = {
  FLASH_BEGIN: 0x02,
  FLASH_DATA: 0x03,
  FLASH_END: 0x04,
  MEM_BEGIN: 0x05,
  MEM_END: 0x06,
  MEM_DATA: 0x07,
  SYNC: 0x08,
  WRITE_REG: 0x09,
  READ_REG: 0x0a,
  SPI_SET_PARAMS: 0x0b,
  SPI_ATTACH: 0x0d,
  READ_FLASH_SLOW: 0x0e,
  CHANGE_BAUDRATE: 0x0f,
  FLASH_DEFL_BEGIN: 0x10,
  FLASH_DEFL_DATA: 0x11,
  FLASH_DEFL_END: 0x12,
  SPI_FLASH_MD5: 0x13,
  GET_SECURITY_INFO: 0x14,
  ERASE_FLASH: 0xd0,
  ERASE_REGION: 0xd1,
  READ_FLASH: 0xd2,
  RUN_USER_CODE: 0xd3,
} as const;

// ROM error codes (second status byte after a 1) and stub error codes (first status byte).
const RomError = { INVALID_PARAM: 0x01, INVALID_MESSAGE: 0x05, CHECKSUM: 0x07, DEFLATE: 0x0b } as const;
const StubError = {
  BAD_DATA_LEN: 0xc0,
  BAD_DATA_CHECKSUM: 0xc1,
  NOT_IN_FLASH_MODE: 0xc6,
  INFLATE: 0xc7,
  NOT_ENOUGH_DATA: 0xc8,
  TOO_MUCH_DATA: 0xc9,
  NOT_IMPLEMENTED: 0xff,
} as const;

const SYNC_PAYLOAD = Buffer.from([0x07, 0x07, 0x12, 0x20, ...new Array<number>(32).fill(0x55)]);
const SPI_CMD_USR = 1 << 18;
const SPIFLASH_RDID = 0x9f;
const CHECKSUM_SEED = 0xef;

/** What the chip does once a command's reply has gone out. */
export type AfterReply = { kind: "none" } | { kind: "run-stub" } | { kind: "boot-app" } | { kind: "baud"; baud: number };

export interface CommandOutcome {
  /** Response packets (unframed), in order. */
  replies: Buffer[];
  after: AfterReply;
}

interface FlashWrite {
  compressed: boolean;
  /** Next flash address to program. */
  next: number;
  /** Bytes still expected (stub: exact; ROM: the erase size it was given). */
  remaining: number;
  /** ROM only: the sequence number the next data packet must carry. */
  nextSeq: number;
  inflater?: BlockInflater;
  /** Stub only: the first sector not erased yet (the stub erases as it writes). */
  erasedUpTo: number;
}

interface FlashRead {
  next: number;
  end: number;
  length: number;
  blockSize: number;
  maxInFlight: number;
  sent: number;
  md5: ReturnType<typeof createHash>;
}

/** Knobs for fault injection; counted over the chip's whole life. */
export interface LoaderFaults {
  /** Indexes (from 0) of FLASH_DATA/FLASH_DEFL_DATA packets whose payload gets one byte flipped. */
  corruptDataPackets?: number[];
  /** A flash address whose byte is flipped right after it is programmed (a bad cell: MD5 catches it). */
  corruptFlashAt?: number;
}

/**
 * The command handlers of the ESP32 ROM bootloader and, once uploaded, of the flasher stub.
 * The two speak the same protocol with documented differences this class keeps: status length
 * (ROM 4 bytes, stub 2), error codes, SYNC value, MD5 reply format, ROM sequence checks, and the
 * commands only the stub knows. Packets in, reply packets out; the wire is someone else's job.
 */
export class LoaderCommands {
  private mode: "rom" | "stub" = "rom";
  private readonly registers = new Map<number, number>();
  private write: FlashWrite | null = null;
  private read: FlashRead | null = null;
  private memoryLoad: { remaining: number; nextSeq: number } | null = null;
  private dataPackets = 0;
  readonly log: string[] = [];

  constructor(
    private readonly chip: VirtualChip,
    private readonly flash: FlashMemory,
    private readonly faults: LoaderFaults = {},
  ) {
    this.resetRegisters();
  }

  /** The jump into the uploaded flasher stub (see memEnd). */
  enterStub(): void {
    this.mode = "stub";
  }

  /** A chip reset: back to the ROM loader with power-on register values. */
  reset(): void {
    this.mode = "rom";
    this.write?.inflater?.close();
    this.write = null;
    this.read = null;
    this.memoryLoad = null;
    this.resetRegisters();
  }

  async handle(packet: Buffer): Promise<CommandOutcome> {
    if (this.read) return this.readFlashAck(packet);
    if (packet.length < 8 || packet[0] !== 0x00) return { replies: [], after: { kind: "none" } };
    const op = packet[1]!;
    const length = packet.readUInt16LE(2);
    const checksum = packet.readUInt32LE(4);
    const data = packet.subarray(8);
    if (data.length !== length) {
      // A frame whose length field disagrees with its size was damaged on the line.
      return this.done(this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
    }
    this.log.push(`${this.mode} op=0x${op.toString(16).padStart(2, "0")} len=${length}`);
    switch (op) {
      case Op.SYNC:
        return this.sync(data);
      case Op.READ_REG:
        if (data.length !== 4) return this.done(this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
        return this.done(this.ok(op, Buffer.alloc(0), this.readRegister(data.readUInt32LE(0))));
      case Op.WRITE_REG:
        return this.done(this.writeRegisters(op, data));
      case Op.SPI_SET_PARAMS:
        return this.done(data.length === 24 ? this.ok(op) : this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
      case Op.SPI_ATTACH:
        // The ROM takes a second "is legacy" word; the stub only the pin configuration.
        return this.done(
          data.length === 4 || (this.mode === "rom" && data.length === 8)
            ? this.ok(op)
            : this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN),
        );
      case Op.CHANGE_BAUDRATE:
        if (data.length !== 8) return this.done(this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
        if (data.readUInt32LE(0) === 0) return this.done(this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN));
        return { replies: [this.ok(op)], after: { kind: "baud", baud: this.lineRateFor(data.readUInt32LE(0)) } };
      case Op.MEM_BEGIN:
        return this.done(this.memBegin(op, data));
      case Op.MEM_DATA:
        return this.done(this.memData(op, data, checksum));
      case Op.MEM_END:
        return this.memEnd(op, data);
      case Op.FLASH_BEGIN:
      case Op.FLASH_DEFL_BEGIN:
        return this.done(this.flashBegin(op, data));
      case Op.FLASH_DATA:
      case Op.FLASH_DEFL_DATA:
        return this.done(await this.flashData(op, data, checksum));
      case Op.FLASH_END:
      case Op.FLASH_DEFL_END:
        return this.flashEnd(op, data);
      case Op.SPI_FLASH_MD5:
        return this.done(this.md5(op, data));
      case Op.GET_SECURITY_INFO:
        if (this.chip.securityInfo === "none") return this.done(this.unsupported(op));
        return this.done(this.ok(op, this.securityInfo()));
    }
    if (this.mode === "rom" && op === Op.READ_FLASH_SLOW) return this.done(this.readFlashSlow(op, data));
    if (this.mode === "stub") {
      switch (op) {
        case Op.ERASE_FLASH:
          this.flash.eraseAll();
          this.flash.save();
          return this.done(this.ok(op));
        case Op.ERASE_REGION:
          return this.done(this.eraseRegion(op, data));
        case Op.READ_FLASH:
          return this.startReadFlash(op, data);
        case Op.RUN_USER_CODE:
          // The stub sends no reply: it returns into the normal boot.
          return { replies: [], after: { kind: "boot-app" } };
      }
    }
    return this.done(this.unsupported(op));
  }

  /** The rate the UART runs at after a CHANGE_BAUDRATE to `requested` (see romCrystalEstimate). */
  private lineRateFor(requested: number): number {
    const rom = this.chip.romCrystalEstimate;
    if (this.mode === "stub" || !rom) return requested;
    return Math.round((requested * rom.crystal) / rom.estimate);
  }

  private done(reply: Buffer): CommandOutcome {
    return { replies: [reply], after: { kind: "none" } };
  }

  private reply(op: number, value: number, body: Uint8Array, status: number, error: number): Buffer {
    // ROM: status, error, 2 reserved bytes. Stub: error code then a status byte (0).
    const statusBytes = this.mode === "rom" ? Buffer.from([status, error, 0, 0]) : Buffer.from([status === 0 ? 0 : error, 0]);
    const payload = Buffer.concat([body, statusBytes]);
    const header = Buffer.alloc(8);
    header[0] = 0x01;
    header[1] = op;
    header.writeUInt16LE(payload.length, 2);
    header.writeUInt32LE(value >>> 0, 4);
    return Buffer.concat([header, payload]);
  }

  private ok(op: number, body: Uint8Array = Buffer.alloc(0), value = 0): Buffer {
    return this.reply(op, value, body, 0, 0);
  }

  private fail(op: number, romError: number, stubError: number): Buffer {
    return this.reply(op, 0, Buffer.alloc(0), 1, this.mode === "rom" ? romError : stubError);
  }

  /**
   * A command this loader does not know. The stub echoes the opcode with 0xFF; the ROM answers
   * "invalid message" in a reply whose opcode field does not match the request, which is how
   * esptool tells an unsupported command apart from a failed one (UnsupportedCommandError).
   */
  private unsupported(op: number): Buffer {
    if (this.mode === "stub") return this.reply(op, 0, Buffer.alloc(0), 1, StubError.NOT_IMPLEMENTED);
    return this.reply(0x00, 0, Buffer.alloc(0), 1, RomError.INVALID_MESSAGE);
  }

  private sync(data: Buffer): CommandOutcome {
    if (!data.equals(SYNC_PAYLOAD)) return { replies: [], after: { kind: "none" } };
    // Both loaders answer SYNC eight times; only the ROM puts a non-zero value in the reply,
    // which is how esptool notices it is talking to a stub left running.
    const value = this.mode === "rom" ? ROM_SYNC_VALUE : 0;
    const reply = this.ok(Op.SYNC, Buffer.alloc(0), value);
    return { replies: new Array<Buffer>(8).fill(reply), after: { kind: "none" } };
  }

  private resetRegisters(): void {
    this.registers.clear();
    this.registers.set(CHIP_DETECT_MAGIC_REG, this.chip.magic);
    for (const [address, value] of this.chip.registers) this.registers.set(address, value);
  }

  private readRegister(address: number): number {
    return this.registers.get(address >>> 0) ?? 0;
  }

  private writeRegisters(op: number, data: Buffer): Buffer {
    if (data.length === 0 || data.length % 16 !== 0) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    for (let i = 0; i < data.length; i += 16) {
      const address = data.readUInt32LE(i);
      const value = data.readUInt32LE(i + 4);
      const mask = data.readUInt32LE(i + 8);
      const merged = ((this.readRegister(address) & ~mask) | (value & mask)) >>> 0;
      this.registers.set(address, merged);
      this.runSpiUserCommand(address);
    }
    return this.ok(op);
  }

  /**
   * esptool reads the flash ID by driving the SPI controller's "user command" registers:
   * command byte in USR2, start bit in CMD, poll until the bit clears, result in W0.
   */
  private runSpiUserCommand(address: number): void {
    const { base, usr2, w0 } = this.chip.spi;
    if (address !== base) return;
    const command = this.readRegister(base);
    if ((command & SPI_CMD_USR) === 0) return;
    const flashCommand = this.readRegister(base + usr2) & 0xff;
    const answer = flashCommand === SPIFLASH_RDID ? flashIdFor(this.flash.size) : 0;
    this.registers.set(base + w0, answer);
    this.registers.set(base, (command & ~SPI_CMD_USR) >>> 0);
  }

  private securityInfo(): Buffer {
    // flags (none set), flash_crypt_cnt, 7 key purposes, then chip id and API version.
    if (this.chip.securityInfo === "without-chip-id") return Buffer.alloc(12);
    const info = Buffer.alloc(20);
    info.writeUInt32LE(this.chip.imageChipId, 12);
    return info;
  }

  private memBegin(op: number, data: Buffer): Buffer {
    if (data.length !== 16) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    this.memoryLoad = { remaining: data.readUInt32LE(0), nextSeq: 0 };
    return this.ok(op);
  }

  private memData(op: number, data: Buffer, checksum: number): Buffer {
    if (!this.memoryLoad || data.length < 16) return this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN);
    const size = data.readUInt32LE(0);
    const seq = data.readUInt32LE(4);
    const body = data.subarray(16);
    if (size !== body.length) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    if (xorChecksum(body) !== (checksum & 0xff)) return this.fail(op, RomError.CHECKSUM, StubError.BAD_DATA_CHECKSUM);
    if (seq !== this.memoryLoad.nextSeq) return this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN);
    this.memoryLoad.nextSeq += 1;
    this.memoryLoad.remaining -= body.length;
    return this.ok(op);
  }

  /**
   * MEM_END with an entry point jumps to the code just loaded. The only code anyone loads this
   * way is the flasher stub, and Xtensa/RISC-V code cannot run here, so the jump switches this
   * chip to the stub's behaviour and the stub greets with "OHAI" as the real one does.
   */
  private memEnd(op: number, data: Buffer): CommandOutcome {
    if (data.length !== 8) return this.done(this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
    const entry = data.readUInt32LE(4);
    this.memoryLoad = null;
    if (entry === 0) return this.done(this.ok(op));
    return { replies: [this.ok(op)], after: { kind: "run-stub" } };
  }

  private flashBegin(op: number, data: Buffer): Buffer {
    // The ROM of chips with flash encryption support takes a fifth "encrypted" word.
    if (data.length !== 16 && !(this.mode === "rom" && data.length === 20)) {
      return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    }
    const size = data.readUInt32LE(0);
    const offset = data.readUInt32LE(12);
    if (offset + size > this.flash.size) return this.fail(op, RomError.INVALID_PARAM, StubError.TOO_MUCH_DATA);
    const compressed = op === Op.FLASH_DEFL_BEGIN;
    this.write?.inflater?.close();
    this.write = {
      compressed,
      next: offset,
      remaining: size,
      nextSeq: 0,
      inflater: compressed ? new BlockInflater() : undefined,
      erasedUpTo: offset,
    };
    // The ROM erases the whole region up front; the stub erases sector by sector as data comes.
    if (this.mode === "rom") this.flash.erase(offset, size);
    return this.ok(op);
  }

  private async flashData(op: number, data: Buffer, checksum: number): Promise<Buffer> {
    const index = this.dataPackets++;
    if (this.faults.corruptDataPackets?.includes(index) && data.length > 16) {
      data = Buffer.from(data);
      data[16 + ((index * 7919) % (data.length - 16))]! ^= 0x20;
    }
    const write = this.write;
    const expectCompressed = op === Op.FLASH_DEFL_DATA;
    if (!write || write.compressed !== expectCompressed) return this.fail(op, RomError.INVALID_PARAM, StubError.NOT_IN_FLASH_MODE);
    if (data.length < 16) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    const size = data.readUInt32LE(0);
    const seq = data.readUInt32LE(4);
    const body = data.subarray(16);
    if (size !== body.length) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    if (xorChecksum(body) !== (checksum & 0xff)) return this.fail(op, RomError.CHECKSUM, StubError.BAD_DATA_CHECKSUM);
    // The ROM insists on consecutive sequence numbers; the stub writes in arrival order.
    if (this.mode === "rom") {
      if (seq !== write.nextSeq) return this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN);
      write.nextSeq += 1;
    }
    let plain: Uint8Array = body;
    if (write.inflater) {
      try {
        plain = await write.inflater.push(body);
      } catch {
        return this.fail(op, RomError.DEFLATE, StubError.INFLATE);
      }
    }
    // Uncompressed writes pad the last block with 0xFF; only the announced size is programmed.
    const length = Math.min(plain.length, write.remaining);
    if (write.compressed && plain.length > write.remaining) return this.fail(op, RomError.INVALID_PARAM, StubError.TOO_MUCH_DATA);
    if (this.mode === "stub") {
      const end = write.next + length;
      if (end > write.erasedUpTo) {
        this.flash.erase(write.erasedUpTo, end - write.erasedUpTo);
        write.erasedUpTo = Math.ceil(end / 0x1000) * 0x1000;
      }
    }
    if (!this.flash.write(write.next, plain.subarray(0, length))) return this.fail(op, RomError.INVALID_PARAM, StubError.TOO_MUCH_DATA);
    const bad = this.faults.corruptFlashAt;
    if (bad !== undefined && bad >= write.next && bad < write.next + length) this.flash.bytes[bad]! ^= 0x01;
    write.next += length;
    write.remaining -= length;
    return this.ok(op);
  }

  private flashEnd(op: number, data: Buffer): CommandOutcome {
    if (data.length !== 4) return this.done(this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
    const reboot = data.readUInt32LE(0) === 0;
    const write = this.write;
    if (this.mode === "stub") {
      if (!write) return this.done(this.fail(op, RomError.INVALID_PARAM, StubError.NOT_IN_FLASH_MODE));
      if (write.remaining > 0) return this.done(this.fail(op, RomError.INVALID_PARAM, StubError.NOT_ENOUGH_DATA));
    }
    write?.inflater?.close();
    this.write = null;
    this.flash.save();
    // ROM: 0 reboots, 1 runs the user code; either way the app starts. The stub stays unless told to reboot.
    const boots = this.mode === "rom" || reboot;
    return { replies: [this.ok(op)], after: { kind: boots ? "boot-app" : "none" } };
  }

  private md5(op: number, data: Buffer): Buffer {
    if (data.length !== 16) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    const address = data.readUInt32LE(0);
    const size = data.readUInt32LE(4);
    if (address + size > this.flash.size) return this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN);
    const digest = createHash("md5").update(this.flash.read(address, size)).digest();
    // The ROM answers 32 hex characters, the stub the 16 raw bytes.
    const body = this.mode === "rom" ? Buffer.from(digest.toString("hex"), "ascii") : digest;
    return this.ok(op, body);
  }

  private eraseRegion(op: number, data: Buffer): Buffer {
    if (data.length !== 8) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    const offset = data.readUInt32LE(0);
    const size = data.readUInt32LE(4);
    if (offset % 0x1000 !== 0 || size % 0x1000 !== 0 || offset + size > this.flash.size) {
      return this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN);
    }
    this.flash.erase(offset, size);
    this.flash.save();
    return this.ok(op);
  }

  /** The ROM's own flash read: at most 64 bytes per command, always answered with 64. */
  private readFlashSlow(op: number, data: Buffer): Buffer {
    if (data.length !== 8) return this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN);
    const address = data.readUInt32LE(0);
    const length = data.readUInt32LE(4);
    if (length > 64 || address + length > this.flash.size) return this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN);
    const block = Buffer.alloc(64, 0xff);
    block.set(this.flash.read(address, length));
    return this.ok(op, block);
  }

  /** READ_FLASH: the reply, then blocks as SLIP frames, each window acknowledged by the host. */
  private startReadFlash(op: number, data: Buffer): CommandOutcome {
    if (data.length !== 16) return this.done(this.fail(op, RomError.INVALID_MESSAGE, StubError.BAD_DATA_LEN));
    const address = data.readUInt32LE(0);
    const length = data.readUInt32LE(4);
    const blockSize = data.readUInt32LE(8);
    const maxInFlight = data.readUInt32LE(12);
    if (address + length > this.flash.size || blockSize === 0 || blockSize > 0x1000) {
      return this.done(this.fail(op, RomError.INVALID_PARAM, StubError.BAD_DATA_LEN));
    }
    this.read = {
      next: address,
      end: address + length,
      length,
      blockSize,
      maxInFlight: Math.max(1, maxInFlight),
      sent: 0,
      md5: createHash("md5"),
    };
    return { replies: [this.ok(op), ...this.sendReadWindow(0)], after: { kind: "none" } };
  }

  private sendReadWindow(acked: number): Buffer[] {
    const read = this.read!;
    const blocks: Buffer[] = [];
    // Like the stub, the window is counted in bytes: esptool's "64" means one block at a time.
    while (read.next < read.end && read.sent - acked < read.maxInFlight) {
      const n = Math.min(read.blockSize, read.end - read.next);
      const block = Buffer.from(this.flash.read(read.next, n));
      read.md5.update(block);
      blocks.push(block);
      read.next += n;
      read.sent += n;
    }
    return blocks;
  }

  private readFlashAck(packet: Buffer): CommandOutcome {
    const read = this.read!;
    if (packet.length !== 4) {
      // The stub's read loop gives up on anything but an acknowledgement.
      this.read = null;
      return { replies: [], after: { kind: "none" } };
    }
    const acked = packet.readUInt32LE(0);
    if (acked >= read.length) {
      this.read = null;
      return { replies: [read.md5.digest()], after: { kind: "none" } };
    }
    return { replies: this.sendReadWindow(acked), after: { kind: "none" } };
  }
}

function xorChecksum(data: Uint8Array): number {
  let state = CHECKSUM_SEED;
  for (const byte of data) state ^= byte;
  return state;
}
