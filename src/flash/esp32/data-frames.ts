/**
 * The data packets of a flash write (FLASH_DATA, FLASH_DEFL_DATA), built whole and SLIP-framed
 * ready for the wire. The writer builds block n+1's frame while block n is still crossing the
 * line, so when the chip's answer comes the next frame goes out at once: esptool-js builds each
 * packet after the answer, byte by byte in JavaScript (about 1 ms per 16 KB block on a quiet
 * machine, several on a busy one), while the line stands idle.
 */

/** SLIP's bytes (RFC 1055): the frame delimiter, the escape, and what follows an escape for each. */
export const END = 0xc0;
export const ESC = 0xdb;
export const ESC_END = 0xdc;
export const ESC_ESC = 0xdd;
/** The checksum's seed; it covers the block only, not the 16 bytes before it (esptool's serial protocol). */
const CHECKSUM_SEED = 0xef;

/** One data packet, SLIP-framed: `00 op len16 checksum32`, then `size32 seq32 0 0` and the block. */
export function flashDataFrame(op: number, block: Uint8Array, seq: number): Uint8Array {
  const packet = new Uint8Array(8 + 16 + block.length);
  const view = new DataView(packet.buffer);
  let checksum = CHECKSUM_SEED;
  for (const byte of block) checksum ^= byte;
  packet[1] = op;
  view.setUint16(2, 16 + block.length, true);
  view.setUint32(4, checksum, true);
  view.setUint32(8, block.length, true);
  view.setUint32(12, seq, true);
  packet.set(block, 24);
  return slipFrame(packet);
}

/** RFC 1055 framing as the ROM and stub read it: 0xC0 around the packet, 0xC0 and 0xDB escaped inside. */
export function slipFrame(packet: Uint8Array): Uint8Array {
  let escapes = 0;
  for (const byte of packet) if (byte === END || byte === ESC) escapes++;
  const frame = new Uint8Array(packet.length + escapes + 2);
  let at = 0;
  frame[at++] = END;
  for (const byte of packet) {
    if (byte === END) {
      frame[at++] = ESC;
      frame[at++] = ESC_END;
    } else if (byte === ESC) {
      frame[at++] = ESC;
      frame[at++] = ESC_ESC;
    } else {
      frame[at++] = byte;
    }
  }
  frame[at] = END;
  return frame;
}
