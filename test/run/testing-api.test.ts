import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  advanceClock,
  NotBuildable,
  nowMs,
  resetBoard,
  runProgram,
  runCoroutine,
  timeline,
  WaveformMismatch,
} from "../../src/run/testing.js";
import { Pin, Timer } from "../../src/runtime-shim/machine.js";
import * as asyncio from "../../src/runtime-shim/asyncio.js";
import { LED } from "../../src/runtime-shim/pyb.js";

const blink = fileURLToPath(new URL("../../templates/blink", import.meta.url));

describe("tsmp/testing", () => {
  it("runs the blink template on the virtual clock and checks its waveform", async () => {
    const run = await runProgram(blink);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s", "done"]);
    expect(run.end_ms).toBe(10_000);
    run.waveform("LED(1)").expectPeriodic({ high_ms: 5, period_ms: 705 });
    run.waveform("LED(2)").expectPeriodic({ high_ms: 5, period_ms: 405 });
    expect(() => run.waveform("LED(1)").expectPeriodic({ high_ms: 5, period_ms: 700 })).toThrow(WaveformMismatch);
  });

  it("does not run a program tsmp build refuses, and says why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsmp-testing-"));
    try {
      const file = join(dir, "main.ts");
      writeFileSync(file, 'const started = new Date();\nconsole.log("running since", started);\n');
      const error: unknown = await runProgram(file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotBuildable);
      const lines = (error as NotBuildable).message.split("\n");
      expect(lines[0]).toBe(`${file} was not run: tsmp build refuses it, so it could not be flashed (1 error):`);
      expect(lines[1]).toMatch(/main\.ts:1:21 - error TSMP1123: Date objects are not supported/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops a run at forMs", async () => {
    const run = await runProgram(blink, { forMs: 1000 });
    expect(run.error).toBeUndefined();
    expect(run.end_ms).toBe(1000);
    expect(run.lines).toEqual(["blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s"]);
  });

  it("runs a coroutine from a test", async () => {
    const run = await runCoroutine(async () => {
      const led = new LED(3);
      led.on();
      await asyncio.sleep_ms(20);
      led.off();
      console.log("ok");
    });
    expect(run.lines).toEqual(["ok"]);
    expect(run.waveform("LED(3)").pulses()).toEqual([
      { start_ms: 0, duration_ms: 20, value: 1 },
      { start_ms: 20, duration_ms: 0, value: 0 },
    ]);
  });

  it("drives the facade directly: advance and read the clock, script inputs", () => {
    const board = resetBoard();
    const button = new Pin(0, Pin.IN);
    const led = new Pin(1, Pin.OUT);
    button.irq(() => led.toggle(), Pin.IRQ_RISING);
    let ticks = 0;
    new Timer({ mode: Timer.PERIODIC, period: 100, callback: () => (ticks += 1) });
    board.setPin(0, 1, 150);
    advanceClock(250);
    expect(nowMs()).toBe(250);
    expect(ticks).toBe(2);
    expect(timeline()).toEqual([
      { time_ms: 0, device: "Pin(1)", value: 0 },
      { time_ms: 150, device: "Pin(1)", value: 1 },
    ]);
  });
});
