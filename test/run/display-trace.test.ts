import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runOnMicroPython } from "../../src/run/micropython/run-on-micropython.js";
import { runOnNode } from "../../src/run/node/run-on-node.js";
import { readBoardFileFor } from "../../src/devices/board-file.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-display-trace-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Turns an SSD1306 on, then draws a bar growing by 8 columns every 100 ms, three times. */
const PROGRAM = `
import { I2C } from "tsmp/machine";
import * as time from "tsmp/time";
const i2c = new I2C(0);
const command = (...bytes: number[]) => i2c.writeto(0x3c, Uint8Array.from([0x00, ...bytes]));
command(0xaf, 0x20, 0x00, 0x21, 0, 127, 0x22, 0, 7);
for (let step = 1; step <= 3; step++) {
  time.sleep_ms(100);
  command(0x21, 0, 8 * step - 1, 0x22, 0, 0);
  i2c.writeto(0x3c, Uint8Array.from([0x40, ...new Array<number>(8 * step).fill(0xff)]));
}
console.log("drawn");
`;

type Trace = { displays: Array<{ device: string; width: number; height: number; frames: Array<{ time_ms: number; rows: string[] }> }> };

const output = () => ({ stdout: () => {}, stderr: () => {} });

describe("--trace shows what an SSD1306 displayed", () => {
  it("the same frames on the Node shim and on MicroPython, as data and as pictures", async () => {
    writeFileSync(join(scratch, "main.ts"), PROGRAM);
    writeFileSync(join(scratch, "tsmp.board.json"), JSON.stringify({ devices: [{ model: "ssd1306", bus: "I2C(0)", address: "0x3c" }] }));
    const main = join(scratch, "main.ts");
    const devices = readBoardFileFor(main);
    await runOnNode(main, { ...output(), devices, tracePath: join(scratch, "node.json") });
    await runOnMicroPython(main, { ...output(), devices, clock: "virtual", tracePath: join(scratch, "vm.json") });
    const node = JSON.parse(readFileSync(join(scratch, "node.json"), "utf8")) as Trace;
    const vm = JSON.parse(readFileSync(join(scratch, "vm.json"), "utf8")) as Trace;
    expect(node.displays).toEqual(vm.displays);
    const [display] = node.displays;
    expect(display?.device).toBe("SSD1306 I2C(0) 0x3c");
    // Turned on (dark), then three bars of 8, 16 and 24 lit columns over the top 8 rows.
    expect(display?.frames.map((frame) => frame.time_ms)).toEqual([0, 100, 200, 300]);
    expect(display?.frames.map((frame) => frame.rows[0]!.indexOf("."))).toEqual([0, 8, 16, 24]);
    expect(display?.frames[3]!.rows[8]).toBe(".".repeat(128));

    await runOnNode(main, { ...output(), devices, tracePath: join(scratch, "trace.svg") });
    const svg = readFileSync(join(scratch, "trace.svg"), "utf8");
    expect(svg).toContain(">SSD1306 I2C(0) 0x3c</text>");
    expect(svg).toContain(">4 frames</text>");
    // The last picture's top row: one rect 24 pixels wide (1.5 units each).
    expect(svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="36" height="1.5"\/>/);
  });
});
