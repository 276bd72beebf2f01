import { describe, expect, it } from "vitest";
import { AtModem } from "../../src/devices/index.js";
import { expectSameHardware } from "../harness/hardware-differential.js";

const modem = () => [new AtModem({ uart: "UART(1)", reply_ms: 20 })];

describe("UART IRQs and asyncio streams over a UART, Node shim vs MicroPython VM", () => {
  it("irq: IRQ_RX as the modem's bytes arrive, IRQ_RXIDLE two idle ticks later; ESP32's refusals", async () => {
    const run = await expectSameHardware({
      ts: `
import { UART } from "tsmp/machine";
import * as time from "tsmp/time";
const uart = new UART(1, 9600);
const text = (b: Uint8Array | undefined) => (b === undefined ? "None" : JSON.stringify(new TextDecoder().decode(b)));
const irq = uart.irq((u) => {
  console.log("irq", u.irq().flags(), time.ticks_ms(), u.any());
}, UART.IRQ_RX | UART.IRQ_RXIDLE);
console.log("trigger", irq.trigger());
uart.write("AT\\r");
time.sleep_ms(40);
console.log(text(uart.read()));
uart.irq((u) => console.log("idle", u.irq().flags(), time.ticks_ms()), UART.IRQ_RXIDLE);
uart.write("ATI\\r");
time.sleep_ms(40);
console.log(text(uart.readline()), uart.irq().trigger());
uart.irq(null, 0);
uart.write("AT\\r");
time.sleep_ms(40);
console.log(uart.any());
for (const [trigger, hard] of [[UART.IRQ_RX, true], [0x20, false]] as const) {
  try {
    uart.irq(() => {}, trigger, { hard });
  } catch (e) {
    console.log((e as Error).message);
  }
}
`,
      devices: modem,
      uart: 1,
    });
    // At 9600 baud the RXIDLE timer ticks every 2083 µs: it fires two ticks (4.166 ms) after the
    // bytes arrive.
    expect(run.output).toBe(
      [
        "trigger 4097",
        "irq 1 0 3",
        "irq 4096 4 3",
        "irq 1 20 9",
        "irq 4096 24 9",
        '"AT\\r\\r\\nOK\\r\\n"',
        "idle 4096 44",
        "idle 4096 64",
        '"ATI\\r\\r\\n" 4096',
        "52",
        "hard IRQ is not supported",
        "trigger 0x0020 unsupported",
        "",
      ].join("\n"),
    );
  });

  it("StreamReader/StreamWriter(uart): tasks park until the modem's bytes arrive, in board order", async () => {
    const run = await expectSameHardware({
      ts: `
import * as asyncio from "tsmp/asyncio";
import { UART } from "tsmp/machine";
import * as time from "tsmp/time";
const text = (b: Uint8Array) => JSON.stringify(new TextDecoder().decode(b));

async function ticker(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    console.log("tick", time.ticks_ms());
    await asyncio.sleep_ms(10);
  }
}

async function talk(): Promise<void> {
  const uart = new UART(1, 115200);
  const reader = new asyncio.StreamReader(uart);
  const writer = new asyncio.StreamWriter(uart);
  writer.write("ATE0\\r");
  await writer.drain();
  console.log("echo", text(await reader.readexactly(5)), time.ticks_ms());
  for (let i = 0; i < 2; i++) console.log("line", text(await reader.readline()), time.ticks_ms());
  try {
    await asyncio.wait_for_ms(reader.readline(), 15);
  } catch (e) {
    console.log("timed out", e instanceof asyncio.TimeoutError, time.ticks_ms());
  }
  writer.write("AT+CSQ\\r");
  await writer.drain();
  const buf = new Uint8Array(4);
  const n = await reader.readinto(buf);
  console.log("into", n, text(buf.subarray(0, n)), time.ticks_ms());
  console.log("read", text(await reader.read(100)), time.ticks_ms());
}

async function main(): Promise<void> {
  await asyncio.gather(ticker(), talk());
}
asyncio.run(main());
`,
      devices: modem,
      uart: 1,
    });
    expect(run.output).toBe(
      [
        "tick 0",
        'echo "ATE0\\r" 0',
        "tick 10",
        "tick 20",
        'line "\\r\\n" 20',
        'line "OK\\r\\n" 20',
        "tick 30",
        "timed out true 35",
        'into 4 "\\r\\n+C" 55',
        'read "SQ: 20,99\\r\\n\\r\\nOK\\r\\n" 55',
        "",
      ].join("\n"),
    );
    expect(run.uartSent).toBe("ATE0\rAT+CSQ\r");
  });
});
