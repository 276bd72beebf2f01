import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Sht3x } from "../../src/devices/index.js";
import { expectSameHardware } from "../harness/hardware-differential.js";

const project = fileURLToPath(new URL("../../templates/sensor-node", import.meta.url));

describe("the sensor-node template on both hosts", () => {
  it("reads, averages and reports the same on the Node shim and on MicroPython, through a sensor outage", async () => {
    const run = await expectSameHardware({
      ts: "",
      project,
      forMs: 12_000,
      uart: 1,
      devices: () => [
        new Sht3x({
          bus: "I2C(0)",
          readings: [
            { at_ms: 0, temperature: 20, humidity: 50 },
            { at_ms: 2500, temperature: 25, humidity: 60 },
            { at_ms: 6000, absent: true },
            { at_ms: 8500, temperature: 22, humidity: 55 },
          ],
        }),
      ],
    });
    const failed = ["sensor read failed, attempt 1", "sensor read failed, attempt 2", "sensor read failed, attempt 3"];
    expect(run.output.split("\n")).toEqual(["sensor node up", ...failed, ...failed, ...failed, ""]);
    // The LED goes out when the sensor stops answering and comes back with it.
    expect(run.timeline).toEqual(["0 Pin(2)=0", "0 Pin(2)=1", "6040 Pin(2)=0", "9120 Pin(2)=1"]);
    expect(run.uartSent.split("\n")).toEqual([
      '{"uptime_s":5,"temperature":22,"humidity":54,"mode":"normal","failures":0}',
      '{"uptime_s":10,"temperature":23.4,"humidity":57,"mode":"normal","failures":3}',
      "",
    ]);
  });
});
