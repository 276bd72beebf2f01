import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createProject } from "../../src/commands/init.js";
import { withBoard } from "../../src/flash/connection.js";
import { flashFirmware } from "../../src/commands/firmware.js";
import { flashProject } from "../../src/commands/flash.js";
import { VirtualEsp32 } from "../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../harness/esp-image.js";

let chip: VirtualEsp32 | undefined;
let dir: string | undefined;

afterEach(async () => {
  await chip?.stop();
  chip = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("docs/esp32.md's walk-through against a virtual ESP32", () => {
  it("blank chip → tsmp firmware flash → tsmp flash puts the blink program on it as main.py", async () => {
    dir = mkdtempSync(join(tmpdir(), "tsmp-blank-to-blink-"));
    chip = await VirtualEsp32.start();
    const firmware = join(dir, "ESP32_GENERIC.bin");
    writeFileSync(firmware, makeEspImage(128 * 1024, { micropython: true }));
    const flashed = await flashFirmware({
      port: chip.portPath,
      chip: "auto",
      baud: 460800,
      file: firmware,
      eraseAll: true,
      compress: true,
      verifyRepl: true,
      log: () => {},
      progress: () => {},
    });
    expect(flashed.repl).toMatch(/^micropython /);

    const project = join(dir, "blinky");
    createProject(project, { board: "generic" });
    let stderr = "";
    const deployed = await flashProject(project, {
      port: chip.portPath,
      stdout: () => {},
      stderr: { write: (text: string) => (stderr += text) },
    });
    expect(deployed.updated).toContain("main.py");

    const mainPy = await withBoard({ port: chip.portPath }, (board) => board.fs.readFile("main.py"));
    expect(mainPy.toString("utf8")).toContain("asyncio.run(main(Pin(1, Pin.OUT), Pin(2, Pin.OUT)))");
  });
});
