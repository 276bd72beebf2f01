import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createProject } from "../../../src/commands/init.js";
import { flashFirmware, readChipInfo } from "../../../src/commands/firmware.js";
import { flashProject } from "../../../src/commands/flash.js";
import { withBoard } from "../../../src/flash/connection.js";
import { VirtualEsp32 } from "../../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../../harness/esp-image.js";

let chip: VirtualEsp32 | undefined;
const scratch = mkdtempSync(join(tmpdir(), "tsmp-esp32-board-"));

afterEach(async () => {
  await chip?.stop();
  chip = undefined;
});

async function flashMicroPython(port: string): Promise<void> {
  const firmware = join(scratch, "ESP32_GENERIC.bin");
  writeFileSync(firmware, makeEspImage(64 * 1024, { micropython: true }));
  await flashFirmware({
    port,
    chip: "auto",
    baud: 460800,
    file: firmware,
    eraseAll: true,
    compress: true,
    verifyRepl: true,
    log: () => {},
    progress: () => {},
  });
}

const exec = (port: string, code: string) => withBoard({ port }, (board) => board.repl.execOrThrow(code));

describe("the virtual ESP32 after a MicroPython image is flashed", () => {
  it("README walk: firmware flash → init → flash --follow shows the blink program's output", async () => {
    chip = await VirtualEsp32.start();
    await flashMicroPython(chip.portPath);
    const project = join(scratch, "blinky");
    createProject(project, { board: "generic" });
    let output = "";
    await flashProject(project, { port: chip.portPath, follow: true, stdout: (text) => (output += text), stderr: { write: () => true } });
    expect(output).toContain("blinking pin 1 every 700 ms and pin 2 every 400 ms for 10 s");
    expect(output).toContain("done");
  }, 60_000);

  it("is the simulated board: machine with pins, only its own files, boot.py and main.py at boot", async () => {
    chip = await VirtualEsp32.start();
    await flashMicroPython(chip.portPath);
    expect(
      await exec(
        chip.portPath,
        "import os, machine\nprint(sorted(os.listdir('/')))\np = machine.Pin(2, machine.Pin.OUT)\np.on()\nprint(p.value(), machine.reset_cause())",
      ),
    ).toBe("[]\r\n1 1\r\n");
    await exec(
      chip.portPath,
      "f = open('boot.py', 'w')\nf.write('print(\"boot.py ran\")')\nf.close()\nf = open('main.py', 'w')\nf.write('print(\"main.py ran\")')\nf.close()",
    );
    const before = chip.uartLog.length;
    // As `tsmp flash` leaves the board: soft reset in the friendly REPL, so main.py runs.
    await withBoard({ port: chip.portPath }, (board) => board.repl.resetAndRun());
    // The board boots after the link is closed: wait for it (seconds on a busy machine).
    const booted = /boot\.py ran\r\nmain\.py ran\r\n/;
    for (let waited = 0; waited < 20_000 && !booted.test(chip.uartLog.slice(before)); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(chip.uartLog.slice(before)).toMatch(booted);
  }, 60_000);

  it("comes back through the ROM after deep sleep and a starved watchdog, with reset_cause() saying why", async () => {
    chip = await VirtualEsp32.start();
    await flashMicroPython(chip.portPath);
    const main = [
      "import machine",
      "print('cause', machine.reset_cause())",
      "n = len(open('boots').read()) if 'boots' in __import__('os').listdir() else 0",
      "open('boots', 'w').write('x' * (n + 1))",
      "if n == 0:",
      "    machine.deepsleep(100)",
      "if n == 1:",
      "    w = machine.WDT(timeout=100)",
      "    while True:",
      "        machine.lightsleep(20)",
    ].join("\n");
    await exec(chip.portPath, `open('main.py', 'w').write(${JSON.stringify(main)})`);
    const before = chip.uartLog.length;
    await withBoard({ port: chip.portPath }, (board) => board.repl.resetAndRun());
    const deadline = Date.now() + 20_000;
    while (!chip.uartLog.slice(before).includes("cause 3") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(chip.uartLog.slice(before)).toMatch(
      /cause 5\r\nets Jul 29 2019 12:21:46\r\n\r\nrst:0x5 \(DEEPSLEEP_RESET\),boot:0x13 \(SPI_FAST_FLASH_BOOT\)\r\ncause 4\r\nets Jul 29 2019 12:21:46\r\n\r\nrst:0xc \(SW_CPU_RESET\),boot:0x13 \(SPI_FAST_FLASH_BOOT\)\r\ncause 3\r\n/,
    );
  }, 60_000);

  it("keeps its files across bootloader sessions and, with a flash file, across restarts", async () => {
    const flashFile = join(scratch, "flash.bin");
    chip = await VirtualEsp32.start({ flashFile });
    await flashMicroPython(chip.portPath);
    await exec(chip.portPath, "f = open('notes.txt', 'w')\nf.write('kept')\nf.close()");
    // esptool talking to the bootloader resets the chip; the filesystem partition stays.
    const info = await readChipInfo({ port: chip.portPath, chip: "auto", baud: 115200, log: () => {} });
    expect(info.description).toMatch(/ESP32/);
    await chip.stop();
    chip = await VirtualEsp32.start({ flashFile });
    expect(chip.runningMicroPython).toBe(true);
    expect(await exec(chip.portPath, "print(open('notes.txt').read())")).toBe("kept\r\n");
  }, 60_000);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
