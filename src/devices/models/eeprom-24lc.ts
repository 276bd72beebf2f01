import { deviceAddress, type DeviceContext, type I2cDevice } from "../device-model.js";

export interface Eeprom24lcOptions {
  bus: string;
  /** 0x50–0x57 (A2..A0); 0x50 by default. */
  address?: number | string;
  /** Bytes of memory: 4096 for a 24LC32, 32768 for a 24LC256 (the default). */
  size?: number;
  /** Page-write buffer: 32 bytes on a 24LC32, 64 on a 24LC256. */
  page_size?: number;
  /** Initial contents from address 0; the rest reads 0xFF, as an erased chip. */
  contents?: number[];
}

/** The self-timed write cycle, datasheet T_WC (max). */
const WRITE_CYCLE_MS = 5;

/**
 * A Microchip 24LCxx I2C EEPROM with 16-bit word addresses (24LC32 … 24LC512): a write sets the
 * address pointer and fills the page buffer, wrapping inside the page; STOP starts a 5 ms write
 * cycle during which the chip does not acknowledge (acknowledge polling); reads run on
 * sequentially, wrapping at the end of memory.
 */
export class Eeprom24lc implements I2cDevice {
  readonly kind = "i2c";
  readonly bus: string;
  readonly address: number;
  readonly memory: Uint8Array;
  private readonly pageSize: number;
  private pointer = 0;
  private received: number[] = [];
  private busyUntilMs = 0;

  constructor(options: Eeprom24lcOptions) {
    this.bus = options.bus;
    this.address = deviceAddress(options.address ?? 0x50);
    this.memory = new Uint8Array(options.size ?? 32768).fill(0xff);
    this.memory.set((options.contents ?? []).slice(0, this.memory.length));
    this.pageSize = options.page_size ?? 64;
  }

  start(_read: boolean, ctx: DeviceContext): boolean {
    if (ctx.nowMs() < this.busyUntilMs) return false;
    this.received = [];
    return true;
  }

  write(byte: number): boolean {
    this.received.push(byte);
    if (this.received.length === 2) this.pointer = ((this.received[0]! << 8) | byte) % this.memory.length;
    return true;
  }

  read(): number {
    const byte = this.memory[this.pointer]!;
    this.pointer = (this.pointer + 1) % this.memory.length;
    return byte;
  }

  stop(ctx: DeviceContext): void {
    const data = this.received.slice(2);
    this.received = [];
    if (data.length === 0) return;
    const pageStart = this.pointer - (this.pointer % this.pageSize);
    let offset = this.pointer % this.pageSize;
    // Only the last page_size bytes sent survive: the buffer wraps within the page.
    for (const byte of data) {
      this.memory[pageStart + offset] = byte;
      offset = (offset + 1) % this.pageSize;
    }
    this.pointer = pageStart + offset;
    this.busyUntilMs = ctx.nowMs() + WRITE_CYCLE_MS;
  }
}
