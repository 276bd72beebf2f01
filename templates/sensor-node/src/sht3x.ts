// A Sensirion SHT3x temperature/humidity sensor, single shot with clock stretching: the sensor
// holds the bus until the measurement is done, so one register-style read gets the result.
import type { I2C } from "tsmp/machine";
import * as time from "tsmp/time";

/** How long to let the bus and the sensor settle before another attempt. */
const RETRY_DELAY_MS = 20;

/** 0x2C06: single shot, high repeatability, clock stretching (datasheet table 9). */
const MEASURE = 0x2c06;

export interface Reading {
  temperature: number;
  humidity: number;
}

/** Sensirion's CRC-8 over one 16-bit word (polynomial 0x31, initial 0xFF). */
function crc8(msb: number, lsb: number): number {
  let crc = 0xff;
  for (const byte of [msb, lsb]) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x31) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

/** One measurement; throws on a bus error (OSError) or a corrupted answer. */
export function measure(i2c: I2C, address: number): Reading {
  const d = i2c.readfrom_mem(address, MEASURE, 6, { addrsize: 16 });
  if (crc8(d[0]!, d[1]!) !== d[2] || crc8(d[3]!, d[4]!) !== d[5]) throw new Error("CRC mismatch");
  return {
    temperature: -45 + (175 * ((d[0]! << 8) | d[1]!)) / 65535,
    humidity: (100 * ((d[3]! << 8) | d[4]!)) / 65535,
  };
}

/** A measurement, tried up to `attempts` times; null when every attempt failed. */
export function measureWithRetries(i2c: I2C, address: number, attempts: number): Reading | null {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return measure(i2c, address);
    } catch (error) {
      console.log("sensor read failed, attempt", attempt);
      if (attempt < attempts) time.sleep_ms(RETRY_DELAY_MS);
    }
  }
  return null;
}
