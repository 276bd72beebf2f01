import { deviceAddress, type DeviceContext, type I2cDevice, type SpiDevice } from "../device-model.js";

export interface Ssd1306Options {
  width?: number;
  height?: number;
}

/** Argument bytes that follow each multi-byte command (datasheet section 9, command table). */
const ARGUMENTS = new Map<number, number>([
  [0x20, 1],
  [0x21, 2],
  [0x22, 2],
  [0x81, 1],
  [0x8d, 1],
  [0xa3, 2],
  [0xa8, 1],
  [0xd3, 1],
  [0xd5, 1],
  [0xd9, 1],
  [0xda, 1],
  [0xdb, 1],
  [0x26, 6],
  [0x27, 6],
  [0x29, 5],
  [0x2a, 5],
]);

/** One picture the display showed, from `time_ms` on. */
export interface DisplayFrame {
  time_ms: number;
  /** One string per pixel row, `#` lit and `.` dark (after inversion and display on/off). */
  rows: string[];
}

/**
 * The SSD1306 OLED controller's command set and display RAM (datasheet rev 1.1): horizontal,
 * vertical and page addressing, column/page windows, display on/off, inversion, contrast. It
 * records a frame each time a bus transaction changed what the panel shows.
 */
export class Ssd1306Display {
  readonly width: number;
  readonly height: number;
  /** GDDRAM: one byte per column per 8-row page, bit 0 the top row. */
  readonly ram: Uint8Array;
  readonly frames: DisplayFrame[] = [];
  on = false;
  inverted = false;
  contrast = 0x7f;
  private mode = 2; // page addressing after reset
  private column = 0;
  private page = 0;
  private columns: [number, number];
  private pages: [number, number];
  private command: number[] = [];

  constructor(options: Ssd1306Options = {}) {
    this.width = options.width ?? 128;
    this.height = options.height ?? 64;
    this.ram = new Uint8Array((this.width * this.height) / 8);
    this.columns = [0, this.width - 1];
    this.pages = [0, this.height / 8 - 1];
  }

  /** Whether pixel (x, y) is lit in display RAM (before inversion). */
  pixel(x: number, y: number): boolean {
    return ((this.ram[(y >> 3) * this.width + x]! >> (y & 7)) & 1) === 1;
  }

  /** What the panel shows now. */
  rows(): string[] {
    return Array.from({ length: this.height }, (_, y) =>
      Array.from({ length: this.width }, (_, x) => (this.on && this.pixel(x, y) !== this.inverted ? "#" : ".")).join(""),
    );
  }

  /** Called at the end of each bus transaction: a changed picture becomes a frame. */
  endTransaction(ctx: DeviceContext): void {
    const rows = this.rows();
    const last = this.frames.at(-1);
    if (last !== undefined && last.rows.join("\n") === rows.join("\n")) return;
    this.frames.push({ time_ms: ctx.nowMs(), rows });
  }

  writeCommand(byte: number): void {
    this.command.push(byte);
    const first = this.command[0]!;
    if (this.command.length - 1 < (ARGUMENTS.get(first) ?? 0)) return;
    const [, a = 0, b = 0] = this.command;
    this.command = [];
    if (first === 0xae || first === 0xaf) this.on = first === 0xaf;
    else if (first === 0xa6 || first === 0xa7) this.inverted = first === 0xa7;
    else if (first === 0x81) this.contrast = a;
    else if (first === 0x20) this.mode = a & 3;
    else if (first === 0x21) [this.columns, this.column] = [[a % this.width, b % this.width], a % this.width];
    else if (first === 0x22) [this.pages, this.page] = [[a & 7, b & 7], a & 7];
    else if (first >= 0xb0 && first <= 0xb7) this.page = first & 7;
    else if (first <= 0x0f) this.column = (this.column & 0xf0) | first;
    else if (first >= 0x10 && first <= 0x1f) this.column = (this.column & 0x0f) | ((first & 0x0f) << 4);
  }

  writeData(byte: number): void {
    this.ram[(this.page % (this.height / 8)) * this.width + (this.column % this.width)] = byte;
    const [firstColumn, lastColumn] = this.columns;
    const [firstPage, lastPage] = this.pages;
    if (this.mode === 0) {
      if (this.column < lastColumn) this.column++;
      else [this.column, this.page] = [firstColumn, this.page < lastPage ? this.page + 1 : firstPage];
    } else if (this.mode === 1) {
      if (this.page < lastPage) this.page++;
      else [this.page, this.column] = [firstPage, this.column < lastColumn ? this.column + 1 : firstColumn];
    } else if (this.column < this.width - 1) {
      this.column++;
    }
  }
}

/**
 * An SSD1306 display on I2C (address 0x3C or 0x3D): each transaction starts with a control
 * byte, Co (bit 7) = one more control byte follows after the next byte, D/C# (bit 6) = data.
 */
export class Ssd1306I2c implements I2cDevice {
  readonly kind = "i2c";
  readonly bus: string;
  readonly address: number;
  readonly display: Ssd1306Display;
  private control: number | undefined;

  constructor(options: Ssd1306Options & { bus: string; address?: number | string }) {
    this.bus = options.bus;
    this.address = deviceAddress(options.address ?? 0x3c);
    this.display = new Ssd1306Display(options);
  }

  start(): boolean {
    this.control = undefined;
    return true;
  }

  write(byte: number): boolean {
    if (this.control === undefined) {
      this.control = byte;
      return true;
    }
    if (this.control & 0x40) this.display.writeData(byte);
    else this.display.writeCommand(byte);
    // With Co set, every data byte is followed by a fresh control byte.
    if (this.control & 0x80) this.control = undefined;
    return true;
  }

  read(): number {
    return 0xff;
  }

  stop(ctx: DeviceContext): void {
    this.display.endTransaction(ctx);
  }
}

/** An SSD1306 display on 4-wire SPI: the D/C pin says whether a byte is data (high) or a command. */
export class Ssd1306Spi implements SpiDevice {
  readonly kind = "spi";
  readonly bus: string;
  readonly cs: number | string;
  readonly dc: number | string;
  readonly display: Ssd1306Display;

  constructor(options: Ssd1306Options & { bus: string; cs: number | string; dc: number | string }) {
    this.bus = options.bus;
    this.cs = options.cs;
    this.dc = options.dc;
    this.display = new Ssd1306Display(options);
  }

  transfer(mosi: number, ctx: DeviceContext): number {
    if (ctx.pinLevel(this.dc)) this.display.writeData(mosi);
    else this.display.writeCommand(mosi);
    this.display.endTransaction(ctx);
    return 0xff;
  }
}
