import type { DeviceModel } from "./device-model.js";
import { Ssd1306I2c, Ssd1306Spi, type DisplayFrame } from "./models/ssd1306.js";

/** What one display on the board showed over a run, for traces. */
export interface DisplayRecording {
  /** The display as the board file places it: `SSD1306 I2C(0) 0x3c`, `SSD1306 SPI(1) cs=5`. */
  device: string;
  width: number;
  height: number;
  /** Each picture it showed, from its time on; times count from the program's start. */
  frames: DisplayFrame[];
}

/** The frames of every display among `models`, with their times moved back by `startMs`. */
export function displayRecordings(models: readonly DeviceModel[], startMs = 0): DisplayRecording[] {
  return models.flatMap((model) => {
    if (!(model instanceof Ssd1306I2c || model instanceof Ssd1306Spi)) return [];
    const where = model instanceof Ssd1306I2c ? `${model.bus} 0x${model.address.toString(16)}` : `${model.bus} cs=${model.cs}`;
    const { width, height, frames } = model.display;
    return [
      { device: `SSD1306 ${where}`, width, height, frames: frames.map((f) => ({ ...f, time_ms: Math.max(0, f.time_ms - startMs) })) },
    ];
  });
}
