import { describe, expect, it } from "vitest";
import { expectSameHardware } from "../harness/hardware-differential.js";

describe("TouchPad, RTC memory and waking from light sleep, Node shim vs MicroPython VM", () => {
  it("TouchPad reads what the test scripts (untouched 1000, lower when touched); other pins are refused", async () => {
    const run = await expectSameHardware({
      ts: `
import { Pin, TouchPad } from "tsmp/machine";
import * as time from "tsmp/time";
const pad = new TouchPad(new Pin(4));
pad.config(500);
for (let i = 0; i < 3; i++) {
  console.log(time.ticks_ms(), pad.read());
  time.sleep_ms(100);
}
try {
  new TouchPad(5);
} catch (e) {
  console.log((e as Error).message);
}
`,
      inputs: [
        { at_ms: 100, device: "TouchPad(4)", value: 180 },
        { at_ms: 200, device: "TouchPad(4)", value: 990 },
      ],
    });
    expect(run.output).toBe("0 1000\n100 180\n200 990\ninvalid pin for touchpad\n");
  });

  it("RTC memory keeps a boot counter through deep sleep and a watchdog reset", async () => {
    const run = await expectSameHardware({
      ts: `
import { RTC, WDT, deepsleep, reset_cause } from "tsmp/machine";
import * as time from "tsmp/time";
const rtc = new RTC();
const memory = rtc.memory();
const boots = memory.length === 0 ? 0 : memory[0]!;
console.log("boot", boots, "cause", reset_cause(), "memory", memory.length);
rtc.memory(Uint8Array.from([boots + 1, 42]));
if (boots === 0) deepsleep(50);
if (boots === 1) {
  new WDT({ timeout: 100 });
  time.sleep_ms(500);
}
try {
  rtc.memory(new Uint8Array(2049));
} catch (e) {
  console.log((e as Error).message);
}
console.log([...rtc.memory()].join(","));
`,
    });
    expect(run.output).toBe("boot 0 cause 1 memory 0\nboot 1 cause 4 memory 2\nboot 2 cause 3 memory 2\nbuffer too long\n3,42\n");
  });

  it("lightsleep ends early when a pin set up with wake=SLEEP fires; wake_reason() says which", async () => {
    // Scripted inputs reach the VM when it polls them, every 10 ms: the press is on that grid.
    const run = await expectSameHardware({
      ts: `
import { Pin, SLEEP, lightsleep, wake_reason, PIN_WAKE, TIMER_WAKE } from "tsmp/machine";
import * as time from "tsmp/time";
const button = new Pin(0, Pin.IN, Pin.PULL_UP);
button.irq((p) => console.log("pressed at", time.ticks_ms()), Pin.IRQ_FALLING, { wake: SLEEP });
lightsleep(1000);
console.log("woke at", time.ticks_ms(), wake_reason() === PIN_WAKE);
lightsleep(100);
console.log("woke at", time.ticks_ms(), wake_reason() === TIMER_WAKE);
`,
      inputs: [
        { at_ms: 0, device: "Pin(0)", value: 1 },
        { at_ms: 30, device: "Pin(0)", value: 0 },
      ],
    });
    expect(run.output).toBe("pressed at 30\nwoke at 30 true\nwoke at 130 true\n");
  });
});
