import { existsSync, readFileSync, writeFileSync } from "node:fs";

const SECTOR = 0x1000;

/**
 * NOR flash as the bootloader sees it: erased bytes read 0xFF, a write can only clear bits
 * (so writing without erasing first corrupts data, as on the real part), erase works on 4 KiB
 * sectors. Optionally mirrored in a file so a test or a user can inspect what was written.
 */
export class FlashMemory {
  readonly bytes: Uint8Array;

  constructor(
    readonly size: number,
    private readonly file?: string,
  ) {
    this.bytes = new Uint8Array(size).fill(0xff);
    if (file && existsSync(file)) {
      const saved = readFileSync(file);
      this.bytes.set(saved.subarray(0, size));
    }
  }

  /** Erases every sector that overlaps [offset, offset + length). */
  erase(offset: number, length: number): void {
    if (length <= 0) return;
    const start = Math.floor(offset / SECTOR) * SECTOR;
    const end = Math.min(this.size, Math.ceil((offset + length) / SECTOR) * SECTOR);
    this.bytes.fill(0xff, start, end);
  }

  eraseAll(): void {
    this.bytes.fill(0xff);
  }

  /** Programs bytes (bitwise AND with what is there); returns false past the end of the chip. */
  write(offset: number, data: Uint8Array): boolean {
    if (offset + data.length > this.size) return false;
    for (let i = 0; i < data.length; i++) this.bytes[offset + i]! &= data[i]!;
    return true;
  }

  read(offset: number, length: number): Uint8Array {
    return this.bytes.subarray(offset, Math.min(this.size, offset + length));
  }

  save(): void {
    if (this.file) writeFileSync(this.file, this.bytes);
  }
}

export function parseFlashSize(text: string): number | undefined {
  const match = /^(\d+)\s*(KB|MB)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2]!.toUpperCase() === "KB" ? 1024 : 1024 * 1024;
  return Number(match[1]) * unit;
}

/** The JEDEC RDID answer for a Winbond-style part of this size (size code in the top byte). */
export function flashIdFor(size: number): number {
  const sizeCode = Math.round(Math.log2(size));
  return ((sizeCode << 16) | (0x40 << 8) | 0xef) >>> 0;
}
