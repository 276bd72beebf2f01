// Two tasks blink two LEDs at different rates, each on for 5 ms, for 10 seconds:
// the example from MicroPython's asyncio documentation, written in TypeScript.
// This flavour is for a generic board: LEDs wired to GPIO pins 1 and 2 (change the numbers to
// match your board).
import * as asyncio from "tsmp/asyncio";
import { Pin } from "tsmp/machine";

/** What blink needs from a light: a machine.Pin has on() and off(), and so does a pyboard LED. */
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

console.log("blinking pin 1 every 700 ms and pin 2 every 400 ms for 10 s");
// As on a board, asyncio.run() returns only once main() has finished.
asyncio.run(main(new Pin(1, Pin.OUT), new Pin(2, Pin.OUT)));
console.log("done");
