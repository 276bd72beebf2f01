// Two tasks blink two LEDs at different rates, each on for 5 ms, for 10 seconds:
// the example from MicroPython's asyncio documentation, written in TypeScript.
// This flavour is for a pyboard, whose LEDs are numbered from 1.
import * as asyncio from "tsmp/asyncio";
import { LED } from "tsmp/pyb";

/** What blink needs from a light: a pyboard LED has on() and off(), and so does a machine.Pin. */
interface Light {
  on(): void;
  off(): void;
}

async function blink(led: Light, period_ms: number): Promise<void> {
  while (true) {
    led.on();
    await asyncio.sleep_ms(5);
    led.off();
    await asyncio.sleep_ms(period_ms);
  }
}

async function main(led1: Light, led2: Light): Promise<void> {
  asyncio.create_task(blink(led1, 700));
  asyncio.create_task(blink(led2, 400));
  await asyncio.sleep_ms(10_000);
}

console.log("blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s");
// As on a board, asyncio.run() returns only once main() has finished.
asyncio.run(main(new LED(1), new LED(2)));
console.log("done");
