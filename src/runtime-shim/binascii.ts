/**
 * `tsmp/binascii` ⇔ MicroPython's `binascii`: hex and base64 encodings, CRC-32. Bytes are
 * `Uint8Array` in TypeScript.
 * https://docs.micropython.org/en/latest/library/binascii.html
 */
import type { KwArgs } from "./kwargs.js";
import { ValueError } from "./exceptions.js";

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: string | Uint8Array): string => (typeof data === "string" ? data : new TextDecoder("latin1").decode(data));

/** The bytes of `data` as lowercase hex digits, `sep` between bytes when given. */
export function hexlify(data: Uint8Array, sep?: string | Uint8Array): Uint8Array {
  const digits = Array.from(data, (byte) => byte.toString(16).padStart(2, "0"));
  return ascii(digits.join(sep === undefined ? "" : text(sep)));
}

/** The bytes hex digits stand for; ValueError on a non-hex digit or an odd length. */
export function unhexlify(data: string | Uint8Array): Uint8Array {
  const digits = text(data);
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) throw new ValueError("non-hex digit");
  return Uint8Array.from({ length: digits.length / 2 }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
}

/** Decodes base64 (characters outside the alphabet are skipped, as MicroPython does). */
export function a2b_base64(data: string | Uint8Array): Uint8Array {
  const cleaned = text(data).replace(/[^A-Za-z0-9+/=]/g, "");
  if (cleaned.replace(/=+$/, "").length % 4 === 1) throw new ValueError("incorrect padding");
  return new Uint8Array(Buffer.from(cleaned, "base64"));
}

/** Encodes `data` in base64, ending with a newline unless `newline` is false. */
export function b2a_base64(data: Uint8Array, options?: KwArgs<{ newline?: boolean }>): Uint8Array {
  return ascii(Buffer.from(data).toString("base64") + (options?.newline === false ? "" : "\n"));
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of `data`, continuing from `value` (the CRC of what came before). */
export function crc32(data: Uint8Array, value = 0): number {
  let crc = ~value >>> 0;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
