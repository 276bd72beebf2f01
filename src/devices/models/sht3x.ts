import { deviceAddress, type DeviceContext, type I2cDevice } from "../device-model.js";
import { valueAt, type Scheduled } from "../schedule.js";

/** What the sensor measures from `at_ms` on; `absent` unplugs it (every address phase NACKs). */
export interface Sht3xReading {
  temperature?: number;
  humidity?: number;
  absent?: boolean;
}

export interface Sht3xOptions {
  bus: string;
  /** 0x44 (ADDR low, the default) or 0x45. */
  address?: number | string;
  /** What it measures over time: `[{ at_ms: 0, temperature: 21.5, humidity: 40 }, …]`. */
  readings?: Array<Scheduled<Sht3xReading>>;
}

/** Measurement durations by command, datasheet table 4 (maximum, high/medium/low repeatability). */
const SINGLE_SHOT_MS = new Map<number, number>([
  [0x2400, 15],
  [0x240b, 6],
  [0x2416, 4],
  // With clock stretching the sensor holds SCL until it is done: the data is there when read.
  [0x2c06, 0],
  [0x2c0d, 0],
  [0x2c10, 0],
]);
const SOFT_RESET = 0x30a2;
const READ_STATUS = 0xf32d;
const CLEAR_STATUS = 0x3041;

/** Sensirion's CRC-8 (polynomial 0x31, initial 0xFF), over each 16-bit word the sensor sends. */
export function sensirionCrc8(bytes: Iterable<number>): number {
  let crc = 0xff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x31) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function withCrc(word: number): number[] {
  const bytes = [word >> 8, word & 0xff];
  return [...bytes, sensirionCrc8(bytes)];
}

/**
 * A Sensirion SHT3x temperature/humidity sensor (SHT30/31/35), single-shot mode, from its
 * datasheet: a 16-bit command, then a read of 6 bytes (temperature, CRC, humidity, CRC). Read
 * before the measurement is done and it NACKs, which a program sees as ENODEV.
 */
export class Sht3x implements I2cDevice {
  readonly kind = "i2c";
  readonly bus: string;
  readonly address: number;
  private readonly readings: Array<Scheduled<Sht3xReading>>;
  private command: number[] = [];
  private pending: number[] = [];
  private readyAtMs = 0;
  private status = 0x0010; // the reset-detected flag, set at power-up

  constructor(options: Sht3xOptions) {
    this.bus = options.bus;
    this.address = deviceAddress(options.address ?? 0x44);
    this.readings = options.readings ?? [{ at_ms: 0, temperature: 22, humidity: 45 }];
  }

  private reading(ctx: DeviceContext): Sht3xReading {
    return valueAt(this.readings, ctx.nowMs()) ?? {};
  }

  start(read: boolean, ctx: DeviceContext): boolean {
    if (this.reading(ctx).absent) return false;
    // A repeated START ends a command as a STOP does (a clock-stretching read follows it directly).
    this.execute(ctx);
    // No data, or a measurement still running: the sensor does not acknowledge a read header.
    return !read || (this.pending.length > 0 && ctx.nowMs() >= this.readyAtMs);
  }

  write(byte: number): boolean {
    this.command.push(byte);
    return true;
  }

  read(): number {
    return this.pending.shift() ?? 0xff;
  }

  stop(ctx: DeviceContext): void {
    this.execute(ctx);
  }

  private execute(ctx: DeviceContext): void {
    if (this.command.length !== 2) {
      this.command = [];
      return;
    }
    const command = (this.command[0]! << 8) | this.command[1]!;
    this.command = [];
    const duration = SINGLE_SHOT_MS.get(command);
    if (duration !== undefined) {
      this.measure(ctx);
      this.readyAtMs = ctx.nowMs() + duration;
    } else if (command === READ_STATUS) {
      this.pending = withCrc(this.status);
      this.readyAtMs = ctx.nowMs();
    } else if (command === CLEAR_STATUS) {
      this.status = 0;
    } else if (command === SOFT_RESET) {
      this.pending = [];
      this.status = 0x0010;
    }
  }

  private measure(ctx: DeviceContext): void {
    const { temperature = 22, humidity = 45 } = this.reading(ctx);
    // Datasheet section 4.13: T = -45 + 175 * S / (2^16 - 1), RH = 100 * S / (2^16 - 1).
    const rawT = Math.round(((Math.min(130, Math.max(-45, temperature)) + 45) * 65535) / 175);
    const rawRh = Math.round((Math.min(100, Math.max(0, humidity)) * 65535) / 100);
    this.pending = [...withCrc(rawT), ...withCrc(rawRh)];
  }
}
