/**
 * SLIP framing (RFC 1055) as the ESP32 ROM bootloader and flasher stub use it: every packet
 * starts and ends with 0xC0; 0xC0 and 0xDB inside a packet become 0xDB 0xDC and 0xDB 0xDD.
 */
import { END, ESC, ESC_END, ESC_ESC, slipFrame } from "../../flash/esp32/data-frames.js";

/** A reply framed for the line: the same encoder tsmp's flasher uses (checked against esptool-js's). */
export function encodeSlipFrame(packet: Uint8Array): Buffer {
  const frame = slipFrame(packet);
  return Buffer.from(frame.buffer, frame.byteOffset, frame.length);
}

/**
 * Incremental decoder: feed it whatever the line delivers, it hands back whole packets. Bytes
 * outside a frame (boot noise, a terminal's keystrokes) are passed to `onStray` so the caller
 * can decide what they mean. A broken escape drops the frame, as the ROM does.
 */
export class SlipDecoder {
  private frame: number[] | null = null;
  private escaping = false;

  constructor(
    private readonly onPacket: (packet: Buffer, wireBytes: number) => void,
    private readonly onStray: (byte: number) => void = () => {},
  ) {}

  /** Bytes of the frame being received so far (0 when idle), for line-rate accounting. */
  private wireBytes = 0;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (this.frame === null) {
        if (byte === END) {
          this.frame = [];
          this.wireBytes = 1;
        } else {
          this.onStray(byte);
        }
        continue;
      }
      this.wireBytes += 1;
      if (this.escaping) {
        this.escaping = false;
        if (byte === ESC_END) this.frame.push(END);
        else if (byte === ESC_ESC) this.frame.push(ESC);
        else this.frame = null;
        continue;
      }
      if (byte === ESC) {
        this.escaping = true;
      } else if (byte === END) {
        // Two END bytes in a row are an empty frame: treat the second as the next frame's start.
        if (this.frame.length === 0) {
          this.wireBytes = 1;
          continue;
        }
        const packet = Buffer.from(this.frame);
        const wire = this.wireBytes;
        this.frame = null;
        this.wireBytes = 0;
        this.onPacket(packet, wire);
      } else {
        this.frame.push(byte);
      }
    }
  }

  /** True while a frame has started and not yet ended. */
  get inFrame(): boolean {
    return this.frame !== null;
  }

  /** Forget a partly received frame (after a reset). */
  reset(): void {
    this.frame = null;
    this.escaping = false;
    this.wireBytes = 0;
  }
}
