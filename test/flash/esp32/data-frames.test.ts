import { randomBytes } from "node:crypto";
import { ESPLoader, Transport } from "esptool-js";
import { describe, expect, it } from "vitest";
import { flashDataFrame, slipFrame } from "../../../src/flash/esp32/data-frames.js";

/** What esptool-js itself puts on the wire for one data block (flashDeflBlock/flashBlock, command, write). */
function esptoolJsFrame(op: number, block: Uint8Array, seq: number): Uint8Array {
  const port = { readable: null, writable: null, getInfo: () => ({}) };
  const transport = new Transport(port as never, false);
  const loader = new ESPLoader({ transport, baudrate: 115200, terminal: undefined, debugLogging: false });
  const header = new Uint8Array(16);
  const view = new DataView(header.buffer);
  view.setUint32(0, block.length, true);
  view.setUint32(4, seq, true);
  const data = new Uint8Array([...header, ...block]);
  const packet = new Uint8Array([0, op, data.length & 0xff, data.length >> 8, 0, 0, 0, 0, ...data]);
  new DataView(packet.buffer).setUint32(4, loader.checksum(block), true);
  return transport.slipWriter(packet);
}

describe("data packets built ahead of the wire", () => {
  it("are byte for byte what esptool-js sends, escapes included", () => {
    // Random bytes hold 0xC0 and 0xDB about once in 128; the sequence number 0xC0 is escaped too.
    for (const [op, size, seq] of [
      [0x11, 0x4000, 0],
      [0x11, 1234, 0xc0],
      [0x03, 0x4000, 0xdb],
    ] as const) {
      const block = new Uint8Array(randomBytes(size));
      expect(Buffer.from(flashDataFrame(op, block, seq)).equals(Buffer.from(esptoolJsFrame(op, block, seq)))).toBe(true);
    }
  });

  it("escape every 0xC0 and 0xDB inside the frame and nothing else", () => {
    expect(Array.from(slipFrame(Uint8Array.of(1, 0xc0, 2, 0xdb, 3)))).toEqual([0xc0, 1, 0xdb, 0xdc, 2, 0xdb, 0xdd, 3, 0xc0]);
  });
});
