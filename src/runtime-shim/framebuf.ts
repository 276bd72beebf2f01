/**
 * `tsmp/framebuf` ⇔ MicroPython's `framebuf`: drawing into a buffer of pixels (`Uint8Array`,
 * a bytearray on the board) that a display driver then sends (`ssd1306`, `st7789` …). On Node
 * every method writes the same bytes into the buffer as MicroPython's does, pixel for pixel, so
 * a test can compare a rendered screen with the board's; `text()` draws MicroPython's built-in
 * 8×8 font (see framebuf-font.ts for where its glyphs come from).
 *
 * Colours are plain integers in the buffer's format: 0/1 for the MONO_* formats, 0–3 for GS2,
 * 0–15 for GS4, 0–255 for GS8, a 16-bit value for RGB565 (stored little-endian, as on the ESP32
 * and rp2). Every coordinate is clipped to the buffer, as on the board.
 * https://docs.micropython.org/en/latest/library/framebuf.html
 */
import { ValueError } from "./exceptions.js";
import { framebufFont } from "./framebuf-font.js";

/** Monochrome, 8 vertical pixels per byte, least significant bit at the top (SSD1306's layout). */
export const MONO_VLSB = 0;
/** MONO_VLSB's older name. */
export const MVLSB = 0;
/** 16 bits per pixel, red in the top 5 bits, green in the middle 6, blue in the low 5. */
export const RGB565 = 1;
/** 4 bits per pixel, the left pixel in the high nibble. */
export const GS4_HMSB = 2;
/** Monochrome, 8 horizontal pixels per byte, the leftmost pixel in the most significant bit. */
export const MONO_HLSB = 3;
/** Monochrome, 8 horizontal pixels per byte, the leftmost pixel in the least significant bit. */
export const MONO_HMSB = 4;
/** 2 bits per pixel, the leftmost pixel in the lowest two bits. */
export const GS2_HMSB = 5;
/** 8 bits per pixel. */
export const GS8 = 6;

/** A read-only source for `blit()`: a FrameBuffer, or `[buffer, width, height, format]` (`stride` may follow). */
export type BlitSource = FrameBuffer | [Uint8Array, number, number, number] | [Uint8Array, number, number, number, number];

/** Where each pixel of a format lives in the buffer. */
interface PixelLayout {
  get(buf: Uint8Array, stride: number, x: number, y: number): number;
  set(buf: Uint8Array, stride: number, x: number, y: number, colour: number): void;
}

function setBit(buf: Uint8Array, index: number, bit: number, on: boolean): void {
  buf[index] = on ? buf[index]! | (1 << bit) : buf[index]! & ~(1 << bit);
}

/** MONO_HLSB (`leftIsLow` false) and MONO_HMSB (true): rows of bits, the stride a multiple of 8. */
function monoHorizontal(leftIsLow: boolean): PixelLayout {
  const where = (stride: number, x: number, y: number) => ({
    index: (x + y * stride) >> 3,
    bit: leftIsLow ? x & 7 : 7 - (x & 7),
  });
  return {
    get: (buf, stride, x, y) => {
      const { index, bit } = where(stride, x, y);
      return (buf[index]! >> bit) & 1;
    },
    set: (buf, stride, x, y, colour) => {
      const { index, bit } = where(stride, x, y);
      setBit(buf, index, bit, colour !== 0);
    },
  };
}

const layouts: Readonly<Record<number, PixelLayout>> = {
  [MONO_VLSB]: {
    get: (buf, stride, x, y) => (buf[(y >> 3) * stride + x]! >> (y & 7)) & 1,
    set: (buf, stride, x, y, colour) => setBit(buf, (y >> 3) * stride + x, y & 7, colour !== 0),
  },
  [MONO_HLSB]: monoHorizontal(false),
  [MONO_HMSB]: monoHorizontal(true),
  [RGB565]: {
    get: (buf, stride, x, y) => {
      const index = 2 * (x + y * stride);
      return buf[index]! | (buf[index + 1]! << 8);
    },
    set: (buf, stride, x, y, colour) => {
      const index = 2 * (x + y * stride);
      buf[index] = colour & 0xff;
      buf[index + 1] = (colour >> 8) & 0xff;
    },
  },
  [GS2_HMSB]: {
    get: (buf, stride, x, y) => (buf[(x + y * stride) >> 2]! >> ((x & 3) * 2)) & 3,
    set: (buf, stride, x, y, colour) => {
      const index = (x + y * stride) >> 2;
      const shift = (x & 3) * 2;
      buf[index] = (buf[index]! & ~(3 << shift)) | ((colour & 3) << shift);
    },
  },
  [GS4_HMSB]: {
    get: (buf, stride, x, y) => {
      const byte = buf[(x + y * stride) >> 1]!;
      return x & 1 ? byte & 0x0f : byte >> 4;
    },
    set: (buf, stride, x, y, colour) => {
      const index = (x + y * stride) >> 1;
      buf[index] = x & 1 ? (buf[index]! & 0xf0) | (colour & 0x0f) : (buf[index]! & 0x0f) | ((colour & 0x0f) << 4);
    },
  },
  [GS8]: {
    get: (buf, stride, x, y) => buf[x + y * stride]!,
    set: (buf, stride, x, y, colour) => (buf[x + y * stride] = colour & 0xff),
  },
};

/** A Python int argument: MicroPython raises TypeError for a float where it takes an int. */
function int(value: number): number {
  if (!Number.isInteger(value)) throw new TypeError("can't convert float to int");
  return value;
}

/**
 * The stride a format really uses (rounded up to whole bytes per row) and whether `length`
 * bytes hold `height` rows of it; ValueError as the board raises it otherwise.
 */
function checkedStride(length: number, width: number, height: number, format: number, stride: number): number {
  if (width < 1 || height < 1 || width > 0xffff || height > 0xffff || stride > 0xffff || stride < width) throw new ValueError();
  let bitsPerPixel = 1;
  let rowsRequired = height;
  let lastRowWidth = width;
  let fullStrides = height - 1;
  let realStride = stride;
  const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;
  switch (format) {
    case MONO_VLSB:
      // Whole bands of 8 rows: every band but the last takes a full stride.
      rowsRequired = roundUp(height, 8);
      fullStrides = rowsRequired - 8;
      break;
    case MONO_HLSB:
    case MONO_HMSB:
      realStride = roundUp(stride, 8);
      lastRowWidth = roundUp(width, 8);
      break;
    case GS2_HMSB:
      realStride = roundUp(stride, 4);
      lastRowWidth = roundUp(width, 4);
      bitsPerPixel = 2;
      break;
    case GS4_HMSB:
      realStride = roundUp(stride, 2);
      lastRowWidth = roundUp(width, 2);
      bitsPerPixel = 4;
      break;
    case GS8:
      bitsPerPixel = 8;
      break;
    case RGB565:
      bitsPerPixel = 16;
      break;
    default:
      throw new ValueError("invalid format");
  }
  const bitsRequired = (fullStrides * realStride + (rowsRequired - fullStrides) * lastRowWidth) * bitsPerPixel;
  if (Math.floor(bitsRequired / 8) > length) throw new ValueError();
  return realStride;
}

/** A framebuffer over `buffer`, `width` × `height` pixels in `format`; `stride` is the pixels per row in memory (default `width`). */
export class FrameBuffer {
  private readonly layout: PixelLayout;
  private readonly stride: number;

  constructor(
    private readonly buffer: Uint8Array,
    private readonly width: number,
    private readonly height: number,
    format: number,
    stride?: number,
  ) {
    this.stride = checkedStride(buffer.length, int(width), int(height), int(format), int(stride ?? width));
    this.layout = layouts[format]!;
  }

  /** blit()'s source or palette as a FrameBuffer. */
  private static readable(source: BlitSource): FrameBuffer {
    if (source instanceof FrameBuffer) return source;
    if (source.length < 4 || source.length > 5) throw new ValueError();
    const [buffer, width, height, format, stride] = source;
    return new FrameBuffer(buffer, width, height, format, stride);
  }

  /** Fills the whole buffer with `c`. */
  fill(c: number): void {
    this.fillClipped(0, 0, this.width, this.height, int(c));
  }

  /** The colour of pixel (x, y), or `undefined` (None) outside the buffer. */
  pixel(x: number, y: number): number | undefined;
  /** Sets pixel (x, y) to `c` (nothing outside the buffer). */
  pixel(x: number, y: number, c: number): void;
  pixel(x: number, y: number, c?: number): number | undefined | void {
    [x, y] = [int(x), int(y)];
    if (!this.inside(x, y)) return undefined;
    if (c === undefined) return this.get(x, y);
    this.set(x, y, int(c));
  }

  /** A horizontal line of `w` pixels from (x, y). */
  hline(x: number, y: number, w: number, c: number): void {
    this.fillRect(int(x), int(y), int(w), 1, int(c));
  }

  /** A vertical line of `h` pixels from (x, y). */
  vline(x: number, y: number, h: number, c: number): void {
    this.fillRect(int(x), int(y), 1, int(h), int(c));
  }

  /** A line from (x1, y1) to (x2, y2), both ends included. */
  line(x1: number, y1: number, x2: number, y2: number, c: number): void {
    this.drawLine(int(x1), int(y1), int(x2), int(y2), int(c));
  }

  /** The outline of a `w` × `h` rectangle at (x, y), or the filled rectangle with `f`. */
  rect(x: number, y: number, w: number, h: number, c: number, f?: boolean): void {
    [x, y, w, h, c] = [int(x), int(y), int(w), int(h), int(c)];
    if (f) {
      this.fillRect(x, y, w, h, c);
      return;
    }
    this.fillRect(x, y, w, 1, c);
    this.fillRect(x, y + h - 1, w, 1, c);
    this.fillRect(x, y, 1, h, c);
    this.fillRect(x + w - 1, y, 1, h, c);
  }

  /** A filled `w` × `h` rectangle at (x, y). */
  fill_rect(x: number, y: number, w: number, h: number, c: number): void {
    this.fillRect(int(x), int(y), int(w), int(h), int(c));
  }

  /**
   * An ellipse centred on (x, y) with radii `xr` and `yr` (a circle when equal), filled with `f`;
   * `m` picks quadrants: bit 0 top right, 1 top left, 2 bottom left, 3 bottom right.
   */
  ellipse(x: number, y: number, xr: number, yr: number, c: number, f?: boolean, m?: number): void {
    [x, y, xr, yr, c] = [int(x), int(y), int(xr), int(yr), int(c)];
    const quadrants = m === undefined ? 0b1111 : int(m) & 0b1111;
    const plot = (dx: number, dy: number) => this.ellipsePoints(x, y, dx, dy, c, quadrants, f === true);
    if (xr === 0 && yr === 0) {
      if (quadrants !== 0) this.setClipped(x, y, c);
      return;
    }
    // Midpoint ellipse in integers, in two runs: where the curve is flatter than 45°, then steeper.
    const twoASquare = 2 * xr * xr;
    const twoBSquare = 2 * yr * yr;
    let px = xr;
    let py = 0;
    let xChange = yr * yr * (1 - 2 * xr);
    let yChange = xr * xr;
    let error = 0;
    let stopX = twoBSquare * xr;
    let stopY = 0;
    while (stopX >= stopY) {
      plot(px, py);
      py++;
      stopY += twoASquare;
      error += yChange;
      yChange += twoASquare;
      if (2 * error + xChange > 0) {
        px--;
        stopX -= twoBSquare;
        error += xChange;
        xChange += twoBSquare;
      }
    }
    px = 0;
    py = yr;
    xChange = yr * yr;
    yChange = xr * xr * (1 - 2 * yr);
    error = 0;
    stopX = 0;
    stopY = twoASquare * yr;
    while (stopX <= stopY) {
      plot(px, py);
      px++;
      stopX += twoBSquare;
      error += xChange;
      xChange += twoBSquare;
      if (2 * error + yChange > 0) {
        py--;
        stopY -= twoASquare;
        error += yChange;
        yChange += twoASquare;
      }
    }
  }

  /**
   * A polygon of the points in `coords` (x0, y0, x1, y1 …; an `Int16Array`, an `array('h')` on
   * the board) offset by (x, y), closed, filled with `f`.
   */
  poly(
    x: number,
    y: number,
    coords: Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array,
    c: number,
    f?: boolean,
  ): void {
    [x, y, c] = [int(x), int(y), int(c)];
    const points = Math.floor(coords.length / 2);
    if (points === 0) return;
    const at = (index: number) => coords[index]!;
    if (f) this.fillPolygon(x, y, points, at, c);
    else this.outlinePolygon(x, y, points, at, c);
  }

  /**
   * Draws `fbuf` with its top left corner at (x, y). Pixels of colour `key` are left out; with a
   * `palette` (a one-row framebuffer), each source colour is the index of the colour drawn.
   */
  blit(fbuf: BlitSource, x: number, y: number, key?: number, palette?: BlitSource | null): void {
    const source = FrameBuffer.readable(fbuf);
    [x, y] = [int(x), int(y)];
    const transparent = key === undefined ? -1 : int(key);
    const colours = palette === undefined || palette === null ? undefined : FrameBuffer.readable(palette);
    if (x >= this.width || y >= this.height || -x >= source.width || -y >= source.height) return;
    const startX = Math.max(0, x);
    const endX = Math.min(this.width, x + source.width);
    const endY = Math.min(this.height, y + source.height);
    for (let row = Math.max(0, y); row < endY; row++) {
      for (let column = startX; column < endX; column++) {
        let colour = source.get(column - x, row - y);
        if (colours !== undefined) colour = colours.get(colour, 0);
        // The board compares as unsigned 32-bit numbers: key -1 matches no colour a buffer holds.
        if (colour !== transparent >>> 0) this.set(column, row, colour);
      }
    }
  }

  /** Shifts the contents by (xstep, ystep); the uncovered strip keeps what it had. */
  scroll(xstep: number, ystep: number): void {
    [xstep, ystep] = [int(xstep), int(ystep)];
    if (Math.abs(xstep) >= this.width || Math.abs(ystep) >= this.height) return;
    // Walk away from the direction of travel so each pixel is read before it is overwritten.
    const columns = xstep < 0 ? range(0, this.width + xstep) : range(this.width - 1, xstep - 1);
    const rows = ystep < 0 ? range(0, this.height + ystep) : range(this.height - 1, ystep - 1);
    for (const row of rows) for (const column of columns) this.set(column, row, this.get(column - xstep, row - ystep));
  }

  /**
   * Writes `s` in the built-in 8×8 font with its top left corner at (x, y), in colour `c`
   * (default 1). Characters outside ASCII 32–127 (each byte of their UTF-8) draw as glyph 127.
   */
  text(s: string, x: number, y: number, c?: number): void {
    [x, y] = [int(x), int(y)];
    const colour = c === undefined ? 1 : int(c);
    for (const byte of new TextEncoder().encode(s)) {
      const glyph = (byte < 32 || byte > 127 ? 127 : byte) - 32;
      for (let column = 0; column < 8; column++, x++) {
        if (x < 0 || x >= this.width) continue;
        for (let bits = framebufFont[glyph * 8 + column]!, row = y; bits !== 0; bits >>= 1, row++) {
          if (bits & 1 && row >= 0 && row < this.height) this.set(x, row, colour);
        }
      }
    }
  }

  private get(x: number, y: number): number {
    return this.layout.get(this.buffer, this.stride, x, y);
  }

  private set(x: number, y: number, colour: number): void {
    this.layout.set(this.buffer, this.stride, x, y, colour);
  }

  private inside(x: number, y: number): boolean {
    return x >= 0 && x < this.width && y >= 0 && y < this.height;
  }

  private setClipped(x: number, y: number, colour: number): void {
    if (this.inside(x, y)) this.set(x, y, colour);
  }

  private fillRect(x: number, y: number, w: number, h: number, colour: number): void {
    if (w < 1 || h < 1 || x + w <= 0 || y + h <= 0 || x >= this.width || y >= this.height) return;
    const startX = Math.max(x, 0);
    const startY = Math.max(y, 0);
    this.fillClipped(startX, startY, Math.min(this.width, x + w) - startX, Math.min(this.height, y + h) - startY, colour);
  }

  private fillClipped(x: number, y: number, w: number, h: number, colour: number): void {
    for (let row = y; row < y + h; row++) for (let column = x; column < x + w; column++) this.set(column, row, colour);
  }

  /** Bresenham's line; the last point is drawn on its own, so a line of one point is that point. */
  private drawLine(x1: number, y1: number, x2: number, y2: number, colour: number): void {
    let dx = Math.abs(x2 - x1);
    let dy = Math.abs(y2 - y1);
    let stepX = x2 - x1 > 0 ? 1 : -1;
    let stepY = y2 - y1 > 0 ? 1 : -1;
    const steep = dy > dx;
    // A steep line walks along y: swap the roles of the axes and swap back when plotting.
    let along = steep ? y1 : x1;
    let across = steep ? x1 : y1;
    if (steep) [dx, dy, stepX, stepY] = [dy, dx, stepY, stepX];
    let error = 2 * dy - dx;
    for (let i = 0; i < dx; i++) {
      if (steep) this.setClipped(across, along, colour);
      else this.setClipped(along, across, colour);
      while (error >= 0) {
        across += stepY;
        error -= 2 * dx;
      }
      along += stepX;
      error += 2 * dy;
    }
    this.setClipped(x2, y2, colour);
  }

  private ellipsePoints(cx: number, cy: number, x: number, y: number, colour: number, quadrants: number, filled: boolean): void {
    if (filled) {
      if (quadrants & 1) this.fillRect(cx, cy - y, x + 1, 1, colour);
      if (quadrants & 2) this.fillRect(cx - x, cy - y, x + 1, 1, colour);
      if (quadrants & 4) this.fillRect(cx - x, cy + y, x + 1, 1, colour);
      if (quadrants & 8) this.fillRect(cx, cy + y, x + 1, 1, colour);
      return;
    }
    if (quadrants & 1) this.setClipped(cx + x, cy - y, colour);
    if (quadrants & 2) this.setClipped(cx - x, cy - y, colour);
    if (quadrants & 4) this.setClipped(cx - x, cy + y, colour);
    if (quadrants & 8) this.setClipped(cx + x, cy + y, colour);
  }

  /** The board walks the edges from the first point back through the last: edge i joins point i to point i-1. */
  private edges(points: number, at: (index: number) => number): Array<[number, number, number, number]> {
    const edges: Array<[number, number, number, number]> = [];
    let [x1, y1] = [at(0), at(1)];
    for (let point = points - 1; point >= 0; point--) {
      const [x2, y2] = [at(point * 2), at(point * 2 + 1)];
      edges.push([x1, y1, x2, y2]);
      [x1, y1] = [x2, y2];
    }
    return edges;
  }

  private outlinePolygon(x: number, y: number, points: number, at: (index: number) => number, colour: number): void {
    for (const [x1, y1, x2, y2] of this.edges(points, at)) this.drawLine(x + x1, y + y1, x + x2, y + y2, colour);
  }

  /**
   * Scan-line fill: on each row, the x where each edge crosses it (rounded to the nearest pixel,
   * an edge's lower end left out so a shared vertex counts once), filled between pairs. The
   * pixels that rule misses at a local minimum, or along a flat edge, are drawn on their own.
   */
  private fillPolygon(x: number, y: number, points: number, at: (index: number) => number, colour: number): void {
    const edges = this.edges(points, at);
    const ys = edges.map((edge) => edge[1]);
    for (let row = Math.min(...ys); row <= Math.max(...ys); row++) {
      const crossings: number[] = [];
      for (const [x1, y1, x2, y2] of edges) {
        if (y1 !== y2 && ((y1 > row && y2 <= row) || (y1 <= row && y2 > row))) {
          crossings.push(cDivide(32 * x1 + cDivide(32 * (x2 - x1) * (row - y1), y2 - y1) + 16, 32));
        } else if (row === Math.max(y1, y2)) {
          if (y1 < y2) this.setClipped(x + x2, y + y2, colour);
          else if (y2 < y1) this.setClipped(x + x1, y + y1, colour);
          else this.drawLine(x + x1, y + y1, x + x2, y + y2, colour);
        }
      }
      crossings.sort((a, b) => a - b);
      for (let i = 0; i + 1 < crossings.length; i += 2) {
        this.fillRect(x + crossings[i]!, y + row, crossings[i + 1]! - crossings[i]! + 1, 1, colour);
      }
    }
  }
}

/** C's integer division, which truncates toward zero. */
function cDivide(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** The numbers from `from` toward `end`, `end` left out, counting up or down. */
function range(from: number, end: number): number[] {
  const step = end >= from ? 1 : -1;
  const values: number[] = [];
  for (let value = from; value !== end; value += step) values.push(value);
  return values;
}
