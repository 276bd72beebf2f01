import { TsmpError } from "../../errors.js";
import { chipByImageId, type Esp32Chip } from "./chips.js";

export class NotAnEspImage extends TsmpError {}

/** What an ESP app/bootloader image header says about itself (esptool's image format). */
export interface EspImageHeader {
  segments: number;
  /** The chip id in the extended header (byte 12), when the image carries one. */
  chipId: number;
  /** The chip that id names, if tsmp knows it. */
  chip?: Esp32Chip;
}

const ESP_IMAGE_MAGIC = 0xe9;

/**
 * Checks that `bytes` is an ESP image (first byte 0xE9) and reads its header. Anything else gets
 * a message naming what the file looks like instead, since the usual mistake is downloading
 * the wrong file from micropython.org (a .uf2 for rp2, a .dfu for a pyboard, an .elf, a zip).
 */
export function readEspImageHeader(bytes: Uint8Array, name: string): EspImageHeader {
  if (bytes.length === 0) throw new NotAnEspImage(`${name} is empty`);
  if (bytes[0] !== ESP_IMAGE_MAGIC) {
    throw new NotAnEspImage(`${name} is not an ESP32 firmware image (it should start with byte 0xE9): ${describeOtherFile(bytes)}`);
  }
  if (bytes.length < 24) throw new NotAnEspImage(`${name} is too short to be an ESP32 firmware image (${bytes.length} bytes)`);
  const segments = bytes[1]!;
  const chipId = bytes[12]! | (bytes[13]! << 8);
  checkSegmentsFit(bytes, segments, name);
  return { segments, chipId, chip: chipByImageId(chipId) };
}

/** Header and extended header; the segments follow, each an 8-byte header then its data. */
const IMAGE_HEADER_BYTES = 24;
const SEGMENT_HEADER_BYTES = 8;

/**
 * A download cut short still starts with a valid header: the segment lengths it declares must
 * fit in the file, or the chip would be left with half a bootloader, reported as flashed.
 */
function checkSegmentsFit(bytes: Uint8Array, segments: number, name: string): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = IMAGE_HEADER_BYTES;
  for (let segment = 1; segment <= segments; segment++) {
    if (at + SEGMENT_HEADER_BYTES > bytes.length) {
      throw new NotAnEspImage(
        `${name} is truncated: it ends before segment ${segment} of ${segments} (${bytes.length} bytes; was the download cut short?)`,
      );
    }
    const length = view.readUInt32LE(at + 4);
    at += SEGMENT_HEADER_BYTES + length;
    if (at > bytes.length) {
      throw new NotAnEspImage(
        `${name} is truncated: its header declares segment ${segment} of ${length} bytes, but the file ends ${at - bytes.length} bytes short (was the download cut short?)`,
      );
    }
  }
}

function describeOtherFile(bytes: Uint8Array): string {
  const ascii = Buffer.from(bytes.subarray(0, 512)).toString("latin1");
  const u32 = (offset: number): number =>
    bytes.length >= offset + 4 ? Buffer.from(bytes.subarray(offset, offset + 4)).readUInt32LE(0) : -1;
  if (u32(0) === 0x0a324655 && u32(4) === 0x9e5d5157) {
    return "it is a UF2 file (drag-and-drop firmware for boards such as the Raspberry Pi Pico), not for esptool-style flashing";
  }
  if (ascii.startsWith("DfuSe")) {
    return "it is a DfuSe .dfu file (pyboard/STM32 firmware); flashing pyboards over DFU is out of scope for tsmp — use dfu-util or pydfu";
  }
  if (ascii.startsWith("\x7fELF")) {
    return "it is an ELF file (a linker output); flash the .bin that the build produced alongside it";
  }
  if (ascii.startsWith("PK\x03\x04")) return "it is a zip archive; unpack it and flash the .bin inside";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "it is gzip-compressed; decompress it first";
  if (ascii.startsWith(":") && /^:[0-9A-Fa-f]{10,}\r?\n/.test(ascii)) return "it is an Intel HEX file; tsmp flashes raw .bin images";
  if (/^[\x09\x0a\x0d\x20-\x7e]*$/.test(ascii)) {
    const firstLine = ascii.split(/\r?\n/, 1)[0]!.slice(0, 60);
    if (/^<(!doctype|html)/i.test(firstLine)) return "it is an HTML page (a download link saved as a page?)";
    return `it is a text file (starts with "${firstLine}")`;
  }
  return `its first bytes are ${Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ")}`;
}
