import { describe, expect, it } from "vitest";
import { expectSameHardware } from "../harness/hardware-differential.js";

describe("Pin, Signal, PWM, ADC, time_pulse_us and bitstream, Node shim vs MicroPython VM", () => {
  it("Signal inverts an active-low LED; Pin modes, pulls and drive read back", async () => {
    const run = await expectSameHardware({
      ts: `
import { Pin, Signal } from "tsmp/machine";
import * as time from "tsmp/time";
const pin = new Pin(4, Pin.OUT, { value: 1 });
const led = new Signal(pin, { invert: true });
led.on();
time.sleep_ms(10);
console.log(pin.value(), led.value());
led.off();
pin.drive(Pin.DRIVE_2);
console.log(pin.value(), led.value(), pin.mode() === Pin.OUT, pin.drive());
const button = new Pin(0, Pin.IN, Pin.PULL_UP);
console.log(button.value(), button.pull() === Pin.PULL_UP);
`,
    });
    expect(run.output).toBe("0 1\n1 0 true 2\n1 true\n");
    expect(run.timeline).toEqual(["0 Pin(4)=1", "0 Pin(4)=0", "10 Pin(4)=1"]);
  });

  it("PWM: freq, duty_u16 and duty_ns agree and land on the timeline as the duty cycle", async () => {
    const run = await expectSameHardware({
      ts: `
import { PWM, Pin } from "tsmp/machine";
import * as time from "tsmp/time";
const pwm = new PWM(new Pin(15), { freq: 1000, duty_u16: 16384 });
console.log(pwm.freq(), pwm.duty_u16(), pwm.duty_ns());
time.sleep_ms(5);
pwm.duty_ns(750_000);
console.log(pwm.duty_u16());
time.sleep_ms(5);
pwm.deinit();
`,
    });
    expect(run.output).toBe("1000 16384 250003\n49151\n");
    expect(run.timeline).toEqual(["0 PWM(Pin(15))=0.25", "5 PWM(Pin(15))=0.75", "10 PWM(Pin(15))=0"]);
  });

  it("ADC: read_u16 follows the input, read_uv the attenuation's range, read() the width", async () => {
    const run = await expectSameHardware({
      ts: `
import { ADC, Pin } from "tsmp/machine";
import * as time from "tsmp/time";
const adc = new ADC(new Pin(34));
console.log(adc.read_u16(), adc.read_uv(), adc.read());
time.sleep_ms(20);
adc.atten(ADC.ATTN_11DB);
adc.width(ADC.WIDTH_10BIT);
console.log(adc.read_u16(), adc.read_uv(), adc.read());
`,
      inputs: [
        { at_ms: 0, device: "ADC(34)", value: 1000 },
        { at_ms: 10, device: "ADC(34)", value: 40000 },
      ],
    });
    expect(run.output).toBe("1000 50354 62\n40000 1495384 625\n");
  });

  it("time_pulse_us times a pulse to the microsecond, -2 when none starts, -1 when it lasts too long", async () => {
    const run = await expectSameHardware({
      ts: `
import { Pin, time_pulse_us } from "tsmp/machine";
import * as time from "tsmp/time";
const echo = new Pin(5, Pin.IN);
console.log(time_pulse_us(echo, 1, 50_000));
console.log(time.ticks_ms());
console.log(time_pulse_us(echo, 1, 10_000));
console.log(time_pulse_us(echo, 0, 1_000));
`,
      inputs: [
        { at_ms: 10, device: "Pin(5)", value: 1 },
        { at_ms: 10.58, device: "Pin(5)", value: 0 },
        { at_ms: 30, device: "Pin(5)", value: 1 },
      ],
    });
    expect(run.output).toBe("580\n10\n-2\n-1\n");
  });

  it("bitstream: the board clock moves on by the stream's length and the pin ends low", async () => {
    const run = await expectSameHardware({
      ts: `
import { Pin, bitstream } from "tsmp/machine";
import * as time from "tsmp/time";
const data = new Pin(13, Pin.OUT, { value: 1 });
const start = time.ticks_ms();
bitstream(data, 0, [400, 850, 800, 450], new Uint8Array(1000).fill(0xff));
console.log(time.ticks_diff(time.ticks_ms(), start));
`,
      python: `
import time
from machine import Pin, bitstream
data = Pin(13, Pin.OUT, value=1)
start = time.ticks_ms()
bitstream(data, 0, (400, 850, 800, 450), b"\\xff" * 1000)
print(time.ticks_diff(time.ticks_ms(), start))
`,
    });
    // 8000 one-bits of 1250 ns each.
    expect(run.output).toBe("10\n");
    expect(run.timeline).toEqual(["0 Pin(13)=1", "0 Pin(13)=0"]);
  });
});
