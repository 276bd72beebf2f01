// Tests the sensor node off-device: it runs on tsmp's simulated board with a simulated SHT3x on
// its I2C bus, on a virtual clock, so a minute of the node's life takes milliseconds. Each test
// scripts the sensor's readings and the button, then checks the UART reports and the LED.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { runProgram, Sht3x, type Scheduled } from "tsmp/testing";

const project = fileURLToPath(new URL("..", import.meta.url));

type Reading = { temperature?: number; humidity?: number; absent?: boolean };

function sensor(readings: Array<Scheduled<Reading>>): Sht3x {
  return new Sht3x({ bus: "I2C(0)", address: 0x44, readings });
}

/** The JSON status lines the node sent on UART 1. */
function reports(run: Awaited<ReturnType<typeof runProgram>>): Array<Record<string, unknown>> {
  const text = new TextDecoder().decode(run.uartSent(1));
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// The first run compiles the program, which takes a few seconds on a busy machine.
describe("sensor node", { timeout: 30_000 }, () => {
  it("reports the average of the last five readings every 5 s", async () => {
    const run = await runProgram(project, {
      forMs: 10_500,
      devices: [
        sensor([
          { at_ms: 0, temperature: 20, humidity: 50 },
          { at_ms: 2500, temperature: 25, humidity: 60 },
        ]),
      ],
    });
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["sensor node up"]);
    expect(reports(run)).toEqual([
      { uptime_s: 5, temperature: 22, humidity: 54, mode: "normal", failures: 0 },
      { uptime_s: 10, temperature: 25, humidity: 60, mode: "normal", failures: 0 },
    ]);
  });

  it("retries a sensor that does not answer, counts the failure and turns the LED off", async () => {
    const run = await runProgram(project, {
      forMs: 5_500,
      devices: [
        sensor([
          { at_ms: 0, temperature: 21, humidity: 40 },
          { at_ms: 2500, absent: true },
          { at_ms: 3500, temperature: 21, humidity: 40 },
        ]),
      ],
    });
    expect(run.lines.filter((line) => line.startsWith("sensor read failed"))).toHaveLength(3);
    expect(reports(run)[0]).toMatchObject({ failures: 1, temperature: 21 });
    const led = run.waveform("Pin(2)");
    expect(led.levelAt(2000)).toBe(1);
    expect(led.levelAt(3100)).toBe(0);
    expect(led.levelAt(4100)).toBe(1);
  });

  it("switches to fast sampling when the button is pressed", async () => {
    const run = await runProgram(project, {
      forMs: 10_500,
      devices: [
        sensor([
          { at_ms: 0, temperature: 20, humidity: 50 },
          { at_ms: 6000, temperature: 30, humidity: 50 },
        ]),
      ],
      // The button pulls GPIO 0 low while pressed.
      script: (board) => {
        board.setPin(0, 1);
        board.setPin(0, 0, 5200);
        board.setPin(0, 1, 5300);
      },
    });
    const [first, second] = reports(run);
    expect(first).toMatchObject({ mode: "normal" });
    // Sampling every 250 ms, the last five readings are all from after the change at 6 s.
    expect(second).toMatchObject({ mode: "fast", temperature: 30 });
  });

  it("takes its settings from settings.json on the board, the defaults for what it leaves out", async () => {
    const readings = () => [sensor([{ at_ms: 0, temperature: 20, humidity: 50 }])];
    const run = await runProgram(project, {
      forMs: 6_500,
      devices: readings(),
      files: { "settings.json": JSON.stringify({ report_ms: 2000, sample_ms: { fast: 100 } }) },
    });
    expect(reports(run).map((report) => report.uptime_s)).toEqual([2, 4, 6]);
    const broken = await runProgram(project, { forMs: 5_500, devices: readings(), files: { "settings.json": "{report_ms: 2000" } });
    expect(broken.lines).toEqual(["settings.json is not valid JSON; using the defaults", "sensor node up"]);
    expect(reports(broken).map((report) => report.uptime_s)).toEqual([5]);
  });
});
