import { describe, expect, it } from "vitest";
import { runSourceOnShim } from "../harness/shim-vs-vm.js";

/** The simulated board: outputs land on the timeline, tests drive the inputs. */
describe("simulated hardware", () => {
  it("Pin outputs record every change on the timeline, at board time", async () => {
    const run = await runSourceOnShim(`
import { Pin } from "tsmp/machine";
import * as time from "tsmp/time";
const p = new Pin(2, Pin.OUT, { value: 1 });
time.sleep_ms(10);
p.off();
time.sleep_ms(5);
p.toggle();
p.on();
console.log(p.value(), p.mode() === Pin.OUT);
`);
    expect(run.lines).toEqual(["1 true"]);
    expect(run.timeline).toEqual([
      { time_ms: 0, device: "Pin(2)", value: 1 },
      { time_ms: 10, device: "Pin(2)", value: 0 },
      { time_ms: 15, device: "Pin(2)", value: 1 },
    ]);
  });

  it("Pin.irq fires on the scripted edges it was asked for", async () => {
    const run = await runSourceOnShim(
      `
import { Pin } from "tsmp/machine";
import * as time from "tsmp/time";
const button = new Pin(0, Pin.IN, Pin.PULL_UP);
console.log("idle level", button.value());
button.irq((pin) => console.log("falling at", time.ticks_ms(), "level", pin.value()), Pin.IRQ_FALLING);
time.sleep_ms(1000);
`,
      {
        script: (board) => {
          board.setPin(0, 0, 100);
          board.setPin(0, 1, 150);
          board.setPin(0, 0, 400);
        },
      },
    );
    expect(run.lines).toEqual(["idle level 1", "falling at 100 level 0", "falling at 400 level 0"]);
  });

  it("a Switch callback and a ThreadSafeFlag wake a task when the button is pressed", async () => {
    const run = await runSourceOnShim(
      `
import * as asyncio from "tsmp/asyncio";
import { Switch } from "tsmp/pyb";
import * as time from "tsmp/time";
const sw = new Switch();
const pressed = new asyncio.ThreadSafeFlag();
sw.callback(() => pressed.set());
async function main(): Promise<void> {
  await pressed.wait();
  console.log("pressed at", time.ticks_ms(), sw.value());
  await asyncio.sleep_ms(100);
  console.log("released", sw.value());
}
asyncio.run(main());
`,
      { script: (board) => board.pressSwitch(250, 50) },
    );
    expect(run.lines).toEqual(["pressed at 250 true", "released false"]);
  });

  it("ADC readings follow the script", async () => {
    const run = await runSourceOnShim(
      `
import { ADC, Pin } from "tsmp/machine";
import * as time from "tsmp/time";
const adc = new ADC(new Pin(26));
console.log(adc.read_u16());
time.sleep_ms(100);
console.log(adc.read_u16(), adc.read_uv());
`,
      {
        script: (board) => {
          board.setAdc(26, 1000);
          board.setAdc(26, 65535, 50);
        },
      },
    );
    expect(run.lines).toEqual(["1000", "65535 3300000"]);
  });

  it("Timer: periodic and one-shot callbacks on the virtual clock", async () => {
    const run = await runSourceOnShim(`
import { Timer } from "tsmp/machine";
import * as time from "tsmp/time";
const periodic = new Timer(-1, { mode: Timer.PERIODIC, period: 100, callback: (t) => console.log("tick", time.ticks_ms()) });
new Timer(-1, { mode: Timer.ONE_SHOT, period: 250, callback: (t) => console.log("once", time.ticks_ms()) });
time.sleep_ms(350);
periodic.deinit();
time.sleep_ms(500);
console.log("end", time.ticks_ms());
`);
    expect(run.lines).toEqual(["tick 100", "tick 200", "once 250", "tick 300", "end 850"]);
  });

  it("an exception in an interrupt handler is reported and the program goes on", async () => {
    const run = await runSourceOnShim(`
import { Timer } from "tsmp/machine";
import * as time from "tsmp/time";
new Timer(-1, { mode: Timer.PERIODIC, period: 10, callback: (t) => { throw new Error("bad handler"); } });
time.sleep_ms(50);
console.log("still running");
`);
    expect(run.lines).toEqual(["still running"]);
    expect(run.stderr).toContain("Uncaught exception in IRQ callback handler");
    expect(run.stderr.match(/Uncaught exception/g)).toHaveLength(1);
  });

  it("UART: loopback and scripted reception", async () => {
    const run = await runSourceOnShim(
      `
import { UART } from "tsmp/machine";
import * as time from "tsmp/time";
const text = (b: Uint8Array | undefined): string => (b === undefined ? "None" : new TextDecoder().decode(b));
const loop = new UART(1, 115200);
console.log(loop.write("ping"), loop.any(), text(loop.read()));
const uart = new UART(2, { baudrate: 9600 });
console.log(text(uart.read()));
time.sleep_ms(20);
console.log(JSON.stringify(text(uart.readline())), text(uart.read(2)), uart.any());
uart.write("reply");
`,
      {
        script: (board) => {
          board.uartLoopback(1);
          board.uartReceive(2, "line\nabc", 10);
        },
      },
    );
    expect(run.lines).toEqual(["4 4 ping", "None", '"line\\n" ab 1']);
    expect(new TextDecoder().decode(run.uartSent(2))).toBe("reply");
  });

  it("PWM duty, LED intensity and micropython.const", async () => {
    const run = await runSourceOnShim(`
import { PWM, Pin } from "tsmp/machine";
import { LED } from "tsmp/pyb";
import * as micropython from "tsmp/micropython";
import * as time from "tsmp/time";
const FULL = micropython.const(65535);
const pwm = new PWM(new Pin(4), { freq: 1000, duty_u16: 0 });
time.sleep_ms(10);
pwm.duty_u16(FULL);
pwm.duty_ns(250_000);
const led = new LED(4);
led.intensity(51);
console.log(pwm.freq(), pwm.duty_ns(), led.intensity());
`);
    // duty_ns is stored as a 16-bit duty, rounded down as the board's integer arithmetic does, so it reads back quantised.
    expect(run.lines).toEqual(["1000 249988 51"]);
    expect(run.timeline).toEqual([
      { time_ms: 0, device: "PWM(Pin(4))", value: 0 },
      { time_ms: 10, device: "PWM(Pin(4))", value: 1 },
      { time_ms: 10, device: "PWM(Pin(4))", value: 16383 / 65535 },
      { time_ms: 10, device: "LED(4)", value: 0.2 },
    ]);
  });

  it("time: ticks wrap like MicroPython's and ticks_diff handles the wrap", async () => {
    const run = await runSourceOnShim(`
import * as time from "tsmp/time";
const near = time.ticks_add(0, -5);
console.log(near, time.ticks_diff(time.ticks_add(near, 10), near), time.ticks_diff(0, near));
time.sleep_us(1500);
console.log(time.ticks_us(), time.ticks_ms());
`);
    expect(run.lines).toEqual([`${2 ** 30 - 5} 10 5`, "1500 1"]);
  });
});
