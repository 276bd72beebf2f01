// Tests the blink program off-device: it runs on tsmp's simulated board, whose virtual clock makes
// the 10 s program finish in milliseconds, and the LEDs' recorded timeline is checked as a waveform.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { runProgram } from "tsmp/testing";

const project = fileURLToPath(new URL("..", import.meta.url));

// Each run first checks the program as `tsmp build` would, which loads TypeScript: seconds on
// a busy machine, more than vitest's default 5 s.
describe("blink", { timeout: 30_000 }, () => {
  it("prints its banner, then done after 10 s", async () => {
    const run = await runProgram(project);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s", "done"]);
    expect(run.end_ms).toBe(10_000);
  });

  it("flashes LED 1 for 5 ms every 705 ms and LED 2 for 5 ms every 405 ms", async () => {
    const run = await runProgram(project);
    run.waveform("LED(1)").expectPeriodic({ high_ms: 5, period_ms: 705 });
    run.waveform("LED(2)").expectPeriodic({ high_ms: 5, period_ms: 405 });
  });

  it("has both LEDs off at 1 s", async () => {
    const run = await runProgram(project, { forMs: 1000 });
    expect(run.waveform("LED(1)").levelAt(1000)).toBe(0);
    expect(run.waveform("LED(2)").levelAt(1000)).toBe(0);
  });
});
