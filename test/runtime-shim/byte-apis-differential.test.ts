import { describe, expect, it } from "vitest";
import { AtModem, Eeprom24lc, Ssd1306Spi } from "../../src/devices/index.js";
import { expectSameHardware } from "../harness/hardware-differential.js";
import { emittedMain, expectToMatchJsResult, transpileSnippet } from "../harness/differential.js";

/**
 * The facade's byte-returning functions give Uint8Arrays on Node; on a board they give bytes,
 * which the emitted code turns into Uint8Arrays where they enter the program, so every
 * typed-array member works on what the board returned.
 */
describe("bytes from the board are Uint8Arrays, Node shim vs MicroPython VM", () => {
  it("UART.read, readline and readinto results take every typed-array member", async () => {
    const run = await expectSameHardware({
      ts: `
import { UART } from "tsmp/machine";
import * as time from "tsmp/time";
const uart = new UART(1, 115200, { timeout: 50 });
uart.write(new TextEncoder().encode("AT+CSQ\\r"));
time.sleep_ms(30);
const echo = uart.readline()!;
console.log(echo.length, echo[0], echo.at(-1), echo instanceof Uint8Array);
console.log(echo.indexOf(0x2b), echo.includes(0x0d), echo.lastIndexOf(0x41));
console.log(new TextDecoder().decode(echo.subarray(0, 2)), new TextDecoder().decode(echo.slice(3, -1)));
const copy = echo.slice();
copy[0] = 300;
console.log(copy[0], echo[0], [...echo.subarray(0, 3)].join("/"), echo.join(" ").length);
let sum = 0;
for (const b of echo) sum += b;
console.log(sum, echo.reduce((a, b) => a ^ b, 0), echo.map((b) => b * 3).join(","));
const rest = uart.read()!;
const text = new TextDecoder().decode(rest);
console.log(JSON.stringify(text), rest.byteLength, rest.filter((b) => b === 13).length);
const buf = new Uint8Array(4);
console.log(uart.readinto(buf), buf.join(","), uart.read());
`,
      devices: () => [new AtModem({ uart: "UART(1)", rssi: 17 })],
    });
    expect(run.output.split("\n")).toEqual([
      "9 65 10 true",
      "2 true 0",
      "AT CSQ\r\r",
      "44 65 65/84/43 26",
      "459 117 195,252,129,201,249,243,39,39,30",
      '"+CSQ: 17,99\\r\\n\\r\\nOK\\r\\n" 19 3',
      "undefined 0,0,0,0 undefined",
      "",
    ]);
  });

  it("I2C and SPI reads and machine.unique_id are Uint8Arrays", async () => {
    const run = await expectSameHardware({
      ts: `
import { I2C, Pin, SPI, unique_id } from "tsmp/machine";
import * as time from "tsmp/time";
const i2c = new I2C(0);
const page = i2c.readfrom_mem(0x50, 0, 6, { addrsize: 16 });
console.log(page.join(","), page.subarray(2).indexOf(3), page.slice(1, 3).join(","));
page.set([9, 9], 4);
i2c.writeto_mem(0x50, 0, page, { addrsize: 16 });
time.sleep_ms(10);
i2c.writeto(0x50, Uint8Array.of(0, 4));
const tail = i2c.readfrom(0x50, 3);
console.log(tail.join(","), tail.every((b) => b === 9 || b === 255), Array.from(tail).length);
const id = unique_id();
console.log(id.length, new TextDecoder().decode(id.subarray(0, 4)), id.findIndex((b) => b === 1));
const spi = new SPI(1);
const cs = new Pin(5, Pin.OUT, { value: 0 });
const answer = spi.read(3, 0x5a);
console.log(answer.fill(7, 1).join(","), answer.toString(), cs.value());
`,
      devices: () => [new Eeprom24lc({ bus: "I2C(0)", contents: [1, 2, 3, 4, 5, 6] }), new Ssd1306Spi({ bus: "SPI(1)", cs: 5, dc: 4 })],
    });
    expect(run.output.split("\n")).toEqual(["1,2,3,4,5,6 0 2,3", "9,9,255 true 3", "8 tsmp 7", "255,7,7 255,7,7 0", ""]);
  });

  it("a NeoPixel's buf is a Uint8Array view of the strip's bytes: writes through it reach the strip", async () => {
    const run = await expectSameHardware({
      ts: `
import { Pin } from "tsmp/machine";
import { NeoPixel } from "tsmp/neopixel";
const np = new NeoPixel(new Pin(5), 3);
np.buf.fill(16);
np.buf.subarray(3, 6).set([1, 2, 3]);
np.buf[8] = 300;
console.log(np.buf.length, np.buf.join(","), np.buf.indexOf(3), np.buf instanceof Uint8Array);
np.write();
`,
    });
    expect(run.output).toBe("9 16,16,16,1,2,3,16,16,44 5 true\n");
    expect(run.timeline).toContain("0 NeoPixel(Pin(5))[1]=131331");
  });

  it("only results typed Uint8Array are converted, once, where they enter the program", () => {
    const python = emittedMain(
      transpileSnippet(`
import { UART } from "tsmp/machine";
const uart = new UART(1);
const data = uart.read(4);
const n = uart.any();
const mine = new Uint8Array(2);
console.log(data, n, mine.slice());
`),
    );
    expect(python).toContain("data = u8_of(uart.read(4))");
    expect(python).toContain("n = uart.any()");
    expect(python).not.toMatch(/u8_of\(mine/);
  });

  it("Uint8Array.from an array-like {length} builds a frame as on Node", async () => {
    await expectToMatchJsResult(`
const payload = Uint8Array.from({ length: 300 }, (_, i) => i % 251);
const frame = new Uint8Array(2 + payload.length);
frame.set([payload.length >> 8, payload.length & 255]);
frame.set(payload, 2);
console.log(frame.subarray(0, 6).join(","), frame.length, payload.reduce((a, b) => a + b, 0));
console.log(Uint8Array.from({ length: 3 }).join(","), Float32Array.from({ length: 2 }).join(","));
`);
  });
});
