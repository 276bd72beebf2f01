/**
 * `tsmp/neopixel` ⇔ MicroPython's `neopixel`: a strip of WS2812 LEDs on one pin. On the
 * simulated board each pixel's colour (`0xRRGGBB`) lands on the timeline as `NeoPixel(Pin(5))[0]`
 * when `write()` sends it, so it shows in the pin view and the `--trace` picture.
 *
 * Pixels are set and read as on MicroPython: `np[i] = [r, g, b]` (a tuple on the board) and
 * `np[i]`; `np.__setitem__(i, …)` and `np.__getitem__(i)` are the same calls.
 * https://docs.micropython.org/en/latest/library/neopixel.html
 */
import type { KwArgs } from "./kwargs.js";
import type { Pin } from "./machine.js";
import { runtime } from "./runtime.js";
import { withPythonItems } from "./python-items.js";
import { IndexError } from "./exceptions.js";

/** One pixel's channels: (r, g, b), or (r, g, b, w) on a 4-channel strip. */
export type Pixel = number[];

export class NeoPixel {
  /** Pixel `index` (negative counts from the end), read or set; a set one shows after `write()`. */
  [index: number]: Pixel;
  /** Byte order of the channels on the wire (GRB, then W), as MicroPython's driver has it. */
  static readonly ORDER = [1, 0, 2, 3];
  readonly n: number;
  readonly bpp: number;
  readonly timing: number;
  /** The bytes `write()` sends, in the strip's channel order. */
  readonly buf: Uint8Array;

  constructor(
    readonly pin: Pin,
    n: number,
    options?: KwArgs<{ bpp?: number; timing?: number }>,
  ) {
    this.n = n;
    this.bpp = options?.bpp ?? 3;
    this.timing = options?.timing ?? 1;
    this.buf = new Uint8Array(n * this.bpp);
    return withPythonItems(this);
  }

  /** The number of pixels (`len(np)` on the board). */
  __len__(): number {
    return this.n;
  }

  /** Sets pixel `index` (negative counts from the end); seen on the strip after `write()`. */
  __setitem__(index: number, value: Pixel): void {
    const offset = this.pixelOffset(index);
    for (let channel = 0; channel < this.bpp; channel++) this.buf[offset + NeoPixel.ORDER[channel]!] = value[channel]! & 0xff;
  }

  /** Pixel `index` as the strip holds it: `[r, g, b]` (a tuple on the board). */
  __getitem__(index: number): Pixel {
    const offset = this.pixelOffset(index);
    return Array.from({ length: this.bpp }, (_, channel) => this.buf[offset + NeoPixel.ORDER[channel]!]!);
  }

  /** Sets every pixel to `value`. */
  fill(value: Pixel): void {
    for (let index = 0; index < this.n; index++) this.__setitem__(index, value);
  }

  /** Sends the pixels to the strip. */
  write(): void {
    const rt = runtime();
    for (let index = 0; index < this.n; index++) {
      const [r = 0, g = 0, b = 0] = this.__getitem__(index);
      rt.recordOutput(`NeoPixel(${this.pin.device})[${index}]`, (r << 16) | (g << 8) | b);
    }
  }

  private pixelOffset(index: number): number {
    const position = index < 0 ? index + this.n : index;
    if (position < 0 || position >= this.n) throw new IndexError("bytearray index out of range");
    return position * this.bpp;
  }
}
