/**
 * What the virtual ROM needs to know about each chip it can pretend to be: the values esptool
 * (Python and JS) reads to identify it and describe it. Register addresses and bit layouts are
 * facts from esptool's target descriptions (targets/esp32*.py, esptool-js targets/*.ts).
 */
export interface VirtualChip {
  /** The name esptool prints, e.g. "ESP32-S3". */
  name: string;
  /** The `--chip` spelling: "esp32", "esp32s3" … */
  id: string;
  /** Value at 0x40001000 (CHIP_DETECT_MAGIC_REG_ADDR). */
  magic: number;
  /** The chip id in an app image header (byte 12) and in GET_SECURITY_INFO. */
  imageChipId: number;
  /**
   * GET_SECURITY_INFO (0x14): unknown to the ESP32 ROM, 12 bytes without the chip id on the
   * ESP32-S2, 20 bytes with it on later chips.
   */
  securityInfo: "none" | "without-chip-id" | "with-chip-id";
  /** SPI0/1 controller registers, for the flash-ID (RDID) read esptool does through them. */
  spi: { base: number; usr2: number; w0: number };
  /** Where the second-stage bootloader (and so a MicroPython .bin) starts in flash. */
  bootOffset: number;
  /** Register values that identify this particular chip (eFuse words, date registers). */
  registers: ReadonlyMap<number, number>;
  /** Printed by the ROM on boot, before the second-stage bootloader. */
  bootBanner: string;
  /**
   * ESP32 only: the crystal frequency (Hz) the ROM measured against its drifting internal 8 MHz
   * clock and sets its UART divider from, so a ROM CHANGE_BAUDRATE to r runs the line at
   * r × crystal / estimate; esptool scales its request to compensate (ESP32ROM.change_baud).
   */
  romCrystalEstimate?: { estimate: number; crystal: number };
}

export const CHIP_DETECT_MAGIC_REG = 0x40001000;
/** The ROM's reply value to SYNC ("07 07 12 20"); the stub replies 0 instead. */
export const ROM_SYNC_VALUE = 0x20120707;

// MAC words: the low 4 bytes in the first word, the top 2 bytes in bits 0..15 of the second.
function macWords(mac: number[]): [number, number] {
  const low = ((mac[2]! << 24) | (mac[3]! << 16) | (mac[4]! << 8) | mac[5]!) >>> 0;
  const high = (mac[0]! << 8) | mac[1]!;
  return [low, high];
}

function esp32(): VirtualChip {
  const efuse = 0x3ff5a000;
  const [mac0, mac1] = macWords([0x24, 0x0a, 0xc4, 0x1e, 0x57, 0x01]);
  return {
    name: "ESP32",
    id: "esp32",
    magic: 0x00f01d83,
    imageChipId: 0,
    securityInfo: "none",
    spi: { base: 0x3ff42000, usr2: 0x24, w0: 0x80 },
    bootOffset: 0x1000,
    bootBanner: "ets Jul 29 2019 12:21:46\r\n\r\n",
    registers: new Map([
      [efuse + 4 * 1, mac0],
      [efuse + 4 * 2, mac1],
      // word 3: package ESP32-D0WD (bits 9..11 = 1), revision bit 0 (bit 15), 240 MHz rated.
      [efuse + 4 * 3, (1 << 15) | (1 << 9) | (1 << 13)],
      // word 5: revision bit 1 (bit 20); APB_CTL_DATE bit 31: revision bit 2 → v3.0 silicon.
      [efuse + 4 * 5, 1 << 20],
      [0x3ff66000 + 0x7c, 0x80000000],
      // UART_CLKDIV for a 40 MHz crystal at 115200 baud (esptool derives the crystal from it).
      [0x3ff40014, 347],
      // The ROM's crystal estimate, 1 % high: calibration 808 (RTCCALICFG1 bits 7..31) and CK8M
      // 128 (eFuse word 4, bits 0..7) give 808 × 15625 × 128 / 40 = 40.4 MHz.
      [0x3ff5f06c, 808 << 7],
      [efuse + 4 * 4, 128],
    ]),
    romCrystalEstimate: { estimate: 40_400_000, crystal: 40_000_000 },
  };
}

function esp32s3(): VirtualChip {
  const block1 = 0x60007000 + 0x44;
  const [mac0, mac1] = macWords([0x34, 0x85, 0x18, 0x4a, 0x2b, 0x01]);
  return {
    name: "ESP32-S3",
    id: "esp32s3",
    magic: 0x00000009,
    imageChipId: 9,
    securityInfo: "with-chip-id",
    spi: { base: 0x60002000, usr2: 0x20, w0: 0x58 },
    bootOffset: 0x0,
    bootBanner: "ESP-ROM:esp32s3-20210327\r\n",
    registers: new Map([
      [block1, mac0],
      [block1 + 4, mac1],
      // word 3 bits 18..20: minor revision 2 → v0.2.
      [block1 + 12, 2 << 18],
      [0x60000014, 347],
    ]),
  };
}

function esp32c3(): VirtualChip {
  const block1 = 0x60008800 + 0x44;
  const [mac0, mac1] = macWords([0x58, 0xcf, 0x79, 0x0b, 0x3c, 0x01]);
  return {
    name: "ESP32-C3",
    id: "esp32c3",
    magic: 0x1b31506f,
    imageChipId: 5,
    securityInfo: "with-chip-id",
    spi: { base: 0x60002000, usr2: 0x20, w0: 0x58 },
    bootOffset: 0x0,
    bootBanner: "ESP-ROM:esp32c3-api1-20210207\r\n",
    registers: new Map([
      [block1, mac0],
      [block1 + 4, mac1],
      // word 3 bits 18..20: minor revision 4 → v0.4.
      [block1 + 12, 4 << 18],
      // esptool-js reads the ESP32 address for the C3, esptool (Python) the C3's own.
      [0x3ff40014, 347],
      [0x60000014, 347],
    ]),
  };
}

function esp32s2(): VirtualChip {
  const block1 = 0x3f41a000 + 0x44;
  const [mac0, mac1] = macWords([0x7c, 0xdf, 0xa1, 0x02, 0x4e, 0x01]);
  return {
    name: "ESP32-S2",
    id: "esp32s2",
    magic: 0x000007c6,
    imageChipId: 2,
    securityInfo: "without-chip-id",
    spi: { base: 0x3f402000, usr2: 0x20, w0: 0x58 },
    bootOffset: 0x1000,
    bootBanner: "ESP-ROM:esp32s2-rc4-20191025\r\n",
    registers: new Map([
      [block1, mac0],
      [block1 + 4, mac1],
      [0x3f400014, 347],
    ]),
  };
}

const chips: Record<string, () => VirtualChip> = { esp32, esp32s2, esp32s3, esp32c3 };

export const virtualChipIds = Object.keys(chips);

export function virtualChip(id: string): VirtualChip | undefined {
  return chips[id]?.();
}
