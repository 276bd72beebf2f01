// A sensor node: it reads an SHT3x over I2C (with retries), averages the last readings, and
// reports a JSON status line over a UART every few seconds. The button switches between the
// normal and the fast sampling mode; the LED is on while the sensor answers; a watchdog resets
// the board if the sampler ever stops.
import * as asyncio from "tsmp/asyncio";
import { I2C, Pin, UART, WDT, reset_cause, WDT_RESET } from "tsmp/machine";
import * as time from "tsmp/time";
import * as board from "./board.js";
import { MovingAverage } from "./average.js";
import { settings } from "./settings.js";
import { measureWithRetries } from "./sht3x.js";

const i2c = new I2C(board.I2C_ID, { scl: new Pin(board.SCL_PIN), sda: new Pin(board.SDA_PIN) });
const uart = new UART(board.UART_ID, 115200, { tx: board.TX_PIN, rx: board.RX_PIN });
const led = new Pin(board.LED_PIN, Pin.OUT, { value: 0 });
const button = new Pin(board.BUTTON_PIN, Pin.IN, Pin.PULL_UP);

const temperature = new MovingAverage(settings.average_over);
const humidity = new MovingAverage(settings.average_over);
let fast = false;
let failures = 0;

// The button pulls the pin low: each press switches the sampling mode.
button.irq(() => {
  fast = !fast;
}, Pin.IRQ_FALLING);

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

async function sample(wdt: WDT): Promise<void> {
  while (true) {
    const reading = measureWithRetries(i2c, board.SENSOR_ADDRESS, settings.attempts);
    if (reading === null) {
      failures += 1;
      led.off();
    } else {
      temperature.add(reading.temperature);
      humidity.add(reading.humidity);
      led.on();
    }
    wdt.feed();
    await asyncio.sleep_ms(fast ? settings.sample_ms.fast : settings.sample_ms.normal);
  }
}

async function report(): Promise<void> {
  while (true) {
    await asyncio.sleep_ms(settings.report_ms);
    const status = {
      uptime_s: Math.floor(time.ticks_ms() / 1000),
      temperature: rounded(temperature.value()),
      humidity: rounded(humidity.value()),
      mode: fast ? "fast" : "normal",
      failures: failures,
    };
    uart.write(JSON.stringify(status) + "\n");
  }
}

async function main(): Promise<void> {
  if (reset_cause() === WDT_RESET) console.log("restarted by the watchdog");
  console.log("sensor node up");
  const wdt = new WDT({ timeout: settings.watchdog_ms });
  asyncio.create_task(report());
  await sample(wdt);
}

asyncio.run(main());
