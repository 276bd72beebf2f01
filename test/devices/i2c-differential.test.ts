import { describe, expect, it } from "vitest";
import { Eeprom24lc, Sht3x, Ssd1306I2c } from "../../src/devices/index.js";
import { expectSameHardware } from "../harness/hardware-differential.js";

const sensor = () => [
  new Sht3x({
    bus: "I2C(0)",
    readings: [
      { at_ms: 0, temperature: 21.5, humidity: 40 },
      { at_ms: 100, temperature: 30, humidity: 55.5 },
    ],
  }),
];

describe("machine.I2C against simulated devices, Node shim vs MicroPython VM", () => {
  it("scan finds the attached devices; a missing address raises OSError ENODEV", async () => {
    const run = await expectSameHardware({
      ts: `
import { I2C, Pin } from "tsmp/machine";
const i2c = new I2C(0, { scl: new Pin(22), sda: new Pin(21) });
console.log(i2c.scan());
console.log(i2c.readfrom(0x50, 2)[0]);
i2c.readfrom(0x51, 1);
`,
      devices: () => [...sensor(), new Eeprom24lc({ bus: "I2C(0)", contents: [7, 8] })],
    });
    expect(run.output).toBe("[ 68, 80 ]\n7\nuncaught: OSError: [Errno 19] ENODEV\n");
  });

  it("devices attach by pins too: a SoftI2C on the same pins reaches them", async () => {
    const run = await expectSameHardware({
      ts: `
import { SoftI2C, Pin } from "tsmp/machine";
const i2c = new SoftI2C({ scl: new Pin(5), sda: new Pin(4) });
console.log(i2c.scan());
`,
      devices: () => [new Sht3x({ bus: "I2C(scl=5, sda=4)", address: "0x45" })],
    });
    expect(run.output).toBe("[ 69 ]\n");
  });

  it("SHT3x: command, 15 ms conversion (NACK before), 6 bytes with CRC-8, readings follow the script", async () => {
    const python = `
import time
from machine import I2C, Pin
i2c = I2C(0, scl=Pin(22), sda=Pin(21))

def crc8(data):
    crc = 0xFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x31) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc

def measure():
    i2c.writeto(0x44, bytes([0x24, 0x00]))
    try:
        i2c.readfrom(0x44, 6)
    except OSError as e:
        print("early read:", e.errno)
    time.sleep_ms(15)
    d = i2c.readfrom(0x44, 6)
    print("crc ok", crc8(d[0:2]) == d[2], crc8(d[3:5]) == d[5])
    t = -45 + 175 * ((d[0] << 8) | d[1]) / 65535
    h = 100 * ((d[3] << 8) | d[4]) / 65535
    print("%.1f C %.1f %%" % (t, h))

measure()
time.sleep_ms(100)
measure()
`;
    const ts = `
import { I2C, Pin } from "tsmp/machine";
import * as time from "tsmp/time";
const i2c = new I2C(0, { scl: new Pin(22), sda: new Pin(21) });
function crc8(data: Uint8Array): number {
  let crc = 0xff;
  for (const byte of data) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x31) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
function measure(): void {
  i2c.writeto(0x44, Uint8Array.from([0x24, 0x00]));
  try {
    i2c.readfrom(0x44, 6);
  } catch (e) {
    console.log("early read:", (e as { errno: number }).errno);
  }
  time.sleep_ms(15);
  const d = i2c.readfrom(0x44, 6);
  console.log("crc ok", crc8(d.subarray(0, 2)) === d[2] ? "True" : "False", crc8(d.subarray(3, 5)) === d[5] ? "True" : "False");
  const t = -45 + (175 * ((d[0]! << 8) | d[1]!)) / 65535;
  const h = (100 * ((d[3]! << 8) | d[4]!)) / 65535;
  console.log(\`\${t.toFixed(1)} C \${h.toFixed(1)} %\`);
}
measure();
time.sleep_ms(100);
measure();
`;
    const run = await expectSameHardware({ ts, python, devices: sensor });
    expect(run.output).toBe("early read: 19\ncrc ok True True\n21.5 C 40.0 %\nearly read: 19\ncrc ok True True\n30.0 C 55.5 %\n");
  });

  it("24LC EEPROM: page write, 5 ms write cycle (ack polling), sequential read, 16-bit register addresses", async () => {
    const python = `
import time
from machine import I2C
i2c = I2C(0)
i2c.writeto_mem(0x50, 0x0100, b"hello", addrsize=16)
polls = 0
while True:
    try:
        i2c.writeto(0x50, b"")
        break
    except OSError:
        polls += 1
        time.sleep_ms(1)
print("busy for", polls, "ms")
print(i2c.readfrom_mem(0x50, 0x0100, 5, addrsize=16))
buf = bytearray(3)
i2c.readfrom_mem_into(0x50, 0x0101, buf, addrsize=16)
print(bytes(buf))
i2c.writeto(0x50, b"\\x01\\x02", False)
print(i2c.readfrom(0x50, 2))
`;
    const ts = `
import { I2C } from "tsmp/machine";
import * as time from "tsmp/time";
const i2c = new I2C(0);
const text = (b: Uint8Array) => "b'" + new TextDecoder().decode(b) + "'";
i2c.writeto_mem(0x50, 0x0100, new TextEncoder().encode("hello"), { addrsize: 16 });
let polls = 0;
for (;;) {
  try {
    i2c.writeto(0x50, new Uint8Array(0));
    break;
  } catch {
    polls += 1;
    time.sleep_ms(1);
  }
}
console.log("busy for", polls, "ms");
console.log(text(i2c.readfrom_mem(0x50, 0x0100, 5, { addrsize: 16 })));
const buf = new Uint8Array(3);
i2c.readfrom_mem_into(0x50, 0x0101, buf, { addrsize: 16 });
console.log(text(buf));
i2c.writeto(0x50, Uint8Array.from([1, 2]), false);
console.log(text(i2c.readfrom(0x50, 2)));
`;
    const run = await expectSameHardware({ ts, python, devices: () => [new Eeprom24lc({ bus: "I2C(0)" })] });
    expect(run.output).toBe("busy for 5 ms\nb'hello'\nb'ell'\nb'll'\n");
  });

  it("SSD1306 on I2C: the driver's init and show() sequence lights the pixels it drew", async () => {
    const python = `
from machine import I2C
i2c = I2C(0)
for cmd in (0xAE, 0x20, 0x00, 0x8D, 0x14, 0xAF):
    i2c.writeto(0x3C, bytes([0x80, cmd]))
for cmd in (0x21, 0, 127, 0x22, 0, 7):
    i2c.writeto(0x3C, bytes([0x80, cmd]))
buf = bytearray(1024)
buf[0] = 0x01
buf[129] = 0xFF
i2c.writevto(0x3C, (b"\\x40", buf))
print("shown")
`;
    const ts = `
import { I2C } from "tsmp/machine";
const i2c = new I2C(0);
for (const cmd of [0xae, 0x20, 0x00, 0x8d, 0x14, 0xaf]) i2c.writeto(0x3c, Uint8Array.from([0x80, cmd]));
for (const cmd of [0x21, 0, 127, 0x22, 0, 7]) i2c.writeto(0x3c, Uint8Array.from([0x80, cmd]));
const buf = new Uint8Array(1024);
buf[0] = 0x01;
buf[129] = 0xff;
i2c.writevto(0x3c, [Uint8Array.from([0x40]), buf]);
console.log("shown");
`;
    const displays: Ssd1306I2c[] = [];
    const devices = () => {
      const display = new Ssd1306I2c({ bus: "I2C(0)" });
      displays.push(display);
      return [display];
    };
    await expectSameHardware({ ts, python, devices });
    for (const { display } of displays) {
      expect(display.on).toBe(true);
      const rows = display.rows();
      expect(rows[0]!.slice(0, 3)).toBe("#..");
      expect(rows.slice(8, 16).map((row) => row[1])).toEqual(Array(8).fill("#"));
      expect(rows.join("").split("#").length - 1).toBe(9);
      expect(display.frames.length).toBeGreaterThan(1);
    }
  });
});
