import { describe, expect, it } from "vitest";
import { AtModem, Ssd1306Spi } from "../../src/devices/index.js";
import { expectSameHardware } from "../harness/hardware-differential.js";

describe("machine's other peripherals, Node shim vs MicroPython VM", () => {
  it("SPI: an SSD1306 listens while its CS pin is low and tells commands from data by its D/C pin", async () => {
    const python = `
from machine import SPI, Pin
spi = SPI(1, baudrate=8000000)
cs = Pin(5, Pin.OUT, value=1)
dc = Pin(4, Pin.OUT, value=0)
spi.write(bytes([0xAF]))
cs(0)
spi.write(bytes([0xAF, 0x20, 0x00]))
dc(1)
spi.write(bytes([0x81, 0x42]))
print(spi.read(2, 0xFF))
buf = bytearray(2)
spi.write_readinto(b"\\x01\\x02", buf)
print(bytes(buf))
cs(1)
`;
    const ts = `
import { SPI, Pin } from "tsmp/machine";
const spi = new SPI(1, { baudrate: 8_000_000 });
const cs = new Pin(5, Pin.OUT, { value: 1 });
const dc = new Pin(4, Pin.OUT, { value: 0 });
const show = (b: Uint8Array) => "b'" + Array.from(b, (x) => "\\\\x" + x.toString(16).padStart(2, "0")).join("") + "'";
spi.write(Uint8Array.from([0xaf]));
cs.value(0);
spi.write(Uint8Array.from([0xaf, 0x20, 0x00]));
dc.value(1);
spi.write(Uint8Array.from([0x81, 0x42]));
console.log(show(spi.read(2, 0xff)));
const buf = new Uint8Array(2);
spi.write_readinto(Uint8Array.from([1, 2]), buf);
console.log(show(buf));
cs.value(1);
`;
    const displays: Ssd1306Spi[] = [];
    const run = await expectSameHardware({
      ts,
      python,
      devices: () => {
        const display = new Ssd1306Spi({ bus: "SPI(1)", cs: 5, dc: 4 });
        displays.push(display);
        return [display];
      },
    });
    expect(run.output).toBe("b'\\xff\\xff'\nb'\\xff\\xff'\n");
    expect(run.timeline).toEqual(["0 Pin(5)=1", "0 Pin(4)=0", "0 Pin(5)=0", "0 Pin(4)=1", "0 Pin(5)=1"]);
    for (const { display } of displays) {
      expect(display.on).toBe(true);
      // Bytes sent with D/C high are pixels, not the contrast command.
      expect(display.contrast).toBe(0x7f);
      expect([...display.ram.slice(0, 6)]).toEqual([0x81, 0x42, 0xff, 0xff, 0x01, 0x02]);
    }
  });

  it("UART: an AT modem echoes, answers after its reply time, readline and timeouts", async () => {
    const ts = `
import { UART } from "tsmp/machine";
import * as time from "tsmp/time";
const uart = new UART(1, 115200, { timeout: 50 });
const text = (b: Uint8Array | undefined) => (b === undefined ? "None" : JSON.stringify(new TextDecoder().decode(b)));
uart.write("ATE0\\r");
console.log(uart.any());
console.log(text(uart.read(5)));
time.sleep_ms(30);
console.log(uart.any(), text(uart.read()));
uart.write("AT+CSQ\\r");
console.log(text(uart.readline()));
console.log(text(uart.readline()));
console.log(text(uart.readline()), text(uart.readline()));
uart.write("AT+BOGUS\\r");
time.sleep_ms(25);
console.log(text(uart.read()), uart.txdone());
console.log(text(uart.read()));
`;
    const python = `
import time, json
from machine import UART
uart = UART(1, 115200, timeout=50)
text = lambda b: "None" if b is None else json.dumps(b.decode())
uart.write("ATE0\\r")
print(uart.any())
print(text(uart.read(5)))
time.sleep_ms(30)
print(uart.any(), text(uart.read()))
uart.write("AT+CSQ\\r")
print(text(uart.readline()))
print(text(uart.readline()))
print(text(uart.readline()), text(uart.readline()))
uart.write("AT+BOGUS\\r")
time.sleep_ms(25)
print(text(uart.read()), "true" if uart.txdone() else "false")
print(text(uart.read()))
`;
    const run = await expectSameHardware({ ts, python, devices: () => [new AtModem({ uart: "UART(1)", rssi: 17 })] });
    expect(run.output.split("\n")).toEqual([
      "5",
      '"ATE0\\r"',
      '6 "\\r\\nOK\\r\\n"',
      '"\\r\\n"',
      '"+CSQ: 17,99\\r\\n"',
      '"\\r\\n" "OK\\r\\n"',
      '"\\r\\nERROR\\r\\n" true',
      "None",
      "",
    ]);
  });

  it("RTC runs on the board clock from the date it was set", async () => {
    const run = await expectSameHardware({
      ts: `
import { RTC } from "tsmp/machine";
import * as time from "tsmp/time";
const rtc = new RTC();
console.log(rtc.datetime().join(","));
rtc.datetime([2024, 2, 28, 0, 23, 59, 58, 0]);
time.sleep_ms(2500);
console.log(rtc.datetime().join(","));
`,
    });
    expect(run.output).toBe("2000,1,1,5,0,0,0,0\n2024,2,29,3,0,0,0,0\n");
  });

  it("a starved watchdog resets the board: the program starts again with reset_cause() = WDT_RESET", async () => {
    const run = await expectSameHardware({
      ts: `
import { Pin, WDT, reset_cause, WDT_RESET } from "tsmp/machine";
import * as time from "tsmp/time";
const led = new Pin(2, Pin.OUT);
if (reset_cause() === WDT_RESET) {
  console.log("restarted by the watchdog at", time.ticks_ms());
} else {
  const wdt = new WDT({ timeout: 100 });
  for (let i = 0; i < 3; i++) {
    time.sleep_ms(80);
    wdt.feed();
    led.toggle();
  }
  console.log("stops feeding at", time.ticks_ms());
  for (;;) time.sleep_ms(10);
}
`,
    });
    expect(run.output).toBe("stops feeding at 240\nrestarted by the watchdog at 340\n");
    expect(run.timeline).toEqual(["0 Pin(2)=0", "80 Pin(2)=1", "160 Pin(2)=0", "240 Pin(2)=1", "340 Pin(2)=0"]);
  });

  it("deepsleep: the board is off for the given time, then starts again with DEEPSLEEP_RESET", async () => {
    const run = await expectSameHardware({
      ts: `
import { deepsleep, lightsleep, reset_cause, DEEPSLEEP_RESET } from "tsmp/machine";
import * as time from "tsmp/time";
if (reset_cause() === DEEPSLEEP_RESET) {
  console.log("woke at", time.ticks_ms());
} else {
  lightsleep(200);
  console.log("light sleep over at", time.ticks_ms());
  deepsleep(1000);
}
`,
    });
    expect(run.output).toBe("light sleep over at 200\nwoke at 1200\n");
  });
});
