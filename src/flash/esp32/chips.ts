/** The ESP chips tsmp can flash: esptool's name, the `--chip` spelling, the id in an image header. */
export interface Esp32Chip {
  /** As esptool-js reports it ("ESP32-S3"). */
  name: string;
  /** As typed after --chip ("esp32s3"). */
  id: string;
  imageChipId: number;
  /** Where a MicroPython .bin (bootloader first) goes: the second-stage bootloader's offset. */
  firmwareOffset: number;
}

const chips: Esp32Chip[] = [
  { name: "ESP32", id: "esp32", imageChipId: 0, firmwareOffset: 0x1000 },
  { name: "ESP32-S2", id: "esp32s2", imageChipId: 2, firmwareOffset: 0x1000 },
  { name: "ESP32-S3", id: "esp32s3", imageChipId: 9, firmwareOffset: 0x0 },
  { name: "ESP32-C3", id: "esp32c3", imageChipId: 5, firmwareOffset: 0x0 },
  { name: "ESP32-C2", id: "esp32c2", imageChipId: 12, firmwareOffset: 0x0 },
  { name: "ESP32-C6", id: "esp32c6", imageChipId: 13, firmwareOffset: 0x0 },
  { name: "ESP32-H2", id: "esp32h2", imageChipId: 16, firmwareOffset: 0x0 },
  { name: "ESP32-C5", id: "esp32c5", imageChipId: 23, firmwareOffset: 0x2000 },
  { name: "ESP32-P4", id: "esp32p4", imageChipId: 18, firmwareOffset: 0x2000 },
];

export const chipIds = chips.map((chip) => chip.id);

export function chipById(id: string): Esp32Chip | undefined {
  return chips.find((chip) => chip.id === id.toLowerCase());
}

export function chipByName(name: string): Esp32Chip | undefined {
  return chips.find((chip) => chip.name === name);
}

export function chipByImageId(imageChipId: number): Esp32Chip | undefined {
  return chips.find((chip) => chip.imageChipId === imageChipId);
}
