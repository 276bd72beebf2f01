import { TsmpError } from "../errors.js";
import type { DeviceModel } from "./device-model.js";
import { AtModem, type AtModemOptions } from "./models/at-modem.js";
import { Eeprom24lc, type Eeprom24lcOptions } from "./models/eeprom-24lc.js";
import { Sht3x, type Sht3xOptions } from "./models/sht3x.js";
import { Ssd1306I2c, Ssd1306Spi, type Ssd1306Options } from "./models/ssd1306.js";

/**
 * A device as a board file (`tsmp.board.json`) describes it: which model, and its options.
 * Plain data, so the same description builds the same model on either host, in a worker too.
 */
export type DeviceConfig =
  | ({ model: "sht3x" } & Sht3xOptions)
  | ({ model: "eeprom-24lc" } & Eeprom24lcOptions)
  | ({ model: "ssd1306" } & Ssd1306Options & { bus: string; address?: number | string; cs?: number | string; dc?: number | string })
  | ({ model: "at-modem" } & AtModemOptions);

export class UnknownDeviceModel extends TsmpError {}

const MODELS = ["sht3x", "eeprom-24lc", "ssd1306", "at-modem"];

/** Builds the model a configuration describes. */
export function createDevice(config: DeviceConfig): DeviceModel {
  switch (config.model) {
    case "sht3x":
      return new Sht3x(config);
    case "eeprom-24lc":
      return new Eeprom24lc(config);
    case "ssd1306":
      if (config.cs !== undefined || config.dc !== undefined) {
        if (config.cs === undefined || config.dc === undefined)
          throw new UnknownDeviceModel('an ssd1306 on SPI needs both "cs" and "dc" pins');
        return new Ssd1306Spi({ ...config, cs: config.cs, dc: config.dc });
      }
      return new Ssd1306I2c(config);
    case "at-modem":
      return new AtModem(config);
    default:
      throw new UnknownDeviceModel(`unknown device model "${(config as { model: unknown }).model}" (known: ${MODELS.join(", ")})`);
  }
}
