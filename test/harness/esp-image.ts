import { randomBytes } from "node:crypto";

export interface GeneratedImageOptions {
  /** Image chip id (byte 12 of the header): 0 ESP32, 9 ESP32-S3, 5 ESP32-C3. */
  chipId?: number;
  /** Embed a MicroPython version banner so the virtual ESP32 boots it into a REPL. */
  micropython?: boolean;
  /**
   * Fill the segment with code-like repeats between random runs, so deflate shrinks it to about
   * 0.6 of its size (MicroPython ESP32 builds shrink to about 0.65), instead of random bytes,
   * which do not compress at all.
   */
  compressible?: boolean;
}

/**
 * An ESP app image of `size` bytes: a valid 24-byte header (magic 0xE9, one segment, DIO,
 * 4 MB, chip id) and one segment of filler. Not runnable code, which nothing here needs.
 */
export function makeEspImage(size: number, options: GeneratedImageOptions = {}): Uint8Array {
  const image = new Uint8Array(size);
  if (options.compressible) fillCompressible(image);
  else image.set(randomBytes(size));
  const header = Buffer.alloc(24);
  header[0] = 0xe9;
  header[1] = 1;
  header[2] = 2;
  header[3] = 0x20;
  header.writeUInt32LE(0x40080000, 4);
  header[8] = 0xee;
  header.writeUInt16LE(options.chipId ?? 0, 12);
  image.set(header, 0);
  const segment = Buffer.alloc(8);
  segment.writeUInt32LE(0x3f400020, 0);
  segment.writeUInt32LE(size - 32, 4);
  image.set(segment, 24);
  if (options.micropython) {
    image.set(Buffer.from("MicroPython v1.24.1 on 2024-11-29\0", "latin1"), 4096);
  }
  return image;
}

function fillCompressible(image: Uint8Array): void {
  const words = ["mp_obj_new_int", "machine.Pin", "asyncio", "0123456789abcdef", "esp_err_t", "\0\0\0\0\0\0\0\0"];
  const noise = randomBytes(image.length);
  let n = 0;
  let i = 0;
  while (n < image.length) {
    // Literal runs of random bytes between repeated tokens, like instructions between symbols.
    const literal = noise[i++]! % 24;
    for (let k = 0; k < literal && n < image.length; k++) image[n++] = noise[i++ % noise.length]!;
    const word = words[noise[i++ % noise.length]! % words.length]!;
    for (let k = 0; k < word.length && n < image.length; k++) image[n++] = word.charCodeAt(k);
  }
}
