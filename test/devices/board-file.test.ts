import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDevice, readBoardFile, readBoardFileFor, Sht3x, Ssd1306Spi } from "../../src/devices/index.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-board-file-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function project(name: string, boardFile?: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src", "main.ts"), "");
  if (boardFile !== undefined) writeFileSync(join(dir, "tsmp.board.json"), boardFile);
  return dir;
}

describe("tsmp.board.json", () => {
  it("lists the devices; a project without one has none", () => {
    const dir = project("ok", '{ "devices": [{ "model": "sht3x", "bus": "I2C(0)", "address": "0x45" }] }');
    expect(readBoardFile(dir)).toEqual([{ model: "sht3x", bus: "I2C(0)", address: "0x45" }]);
    // For a single file, the board file beside it or above its src/ folder.
    expect(readBoardFileFor(join(dir, "src", "main.ts"))).toHaveLength(1);
    expect(readBoardFile(project("none"))).toEqual([]);
    const sensor = createDevice(readBoardFile(dir)[0]!);
    expect(sensor).toBeInstanceOf(Sht3x);
    expect((sensor as Sht3x).address).toBe(0x45);
    expect(createDevice({ model: "ssd1306", bus: "SPI(1)", cs: 5, dc: 4 })).toBeInstanceOf(Ssd1306Spi);
  });

  it("says what is wrong with a broken file or an unknown model", () => {
    expect(() => readBoardFile(project("broken", '{ "devices": '))).toThrowError(/tsmp\.board\.json: not valid JSON/);
    expect(() => readBoardFile(project("shape", '{ "sensors": [] }'))).toThrowError(
      /tsmp\.board\.json: expected \{ "devices": \[\{ "model": "…", … \}\] \}/,
    );
    expect(() => createDevice({ model: "bme280" } as never)).toThrowError(
      'unknown device model "bme280" (known: sht3x, eeprom-24lc, ssd1306, at-modem)',
    );
    expect(() => createDevice({ model: "ssd1306", bus: "SPI(1)", cs: 5 })).toThrowError('an ssd1306 on SPI needs both "cs" and "dc" pins');
  });
});
