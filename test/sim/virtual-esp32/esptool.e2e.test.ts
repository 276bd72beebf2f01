import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { VirtualEsp32 } from "../../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../../harness/esp-image.js";

/**
 * Espressif's esptool.py against the virtual ESP32, paced at the line rate as in the firmware
 * race, through the paths that race and users take: the stub's compressed and plain writes after
 * a baud change, and the ROM's own. esptool.py is an optional peer (built by
 * ../shared/tools/build-peers.sh): without it these tests skip, so `npm test` never needs it.
 */
const esptool = join(process.env.TSMP_PEERS_BIN ?? join(homedir(), ".cache", "tsmp-peers", "bin"), "esptool.py");
const scratch = mkdtempSync(join(tmpdir(), "tsmp-esptool-"));
const run = promisify(execFile);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!existsSync(esptool))("esptool.py against the paced virtual ESP32", () => {
  it.each([
    ["-z", "compressed through the stub", []],
    ["-u", "plain through the stub", []],
    ["-z", "compressed through the ROM", ["--no-stub"]],
  ])("write_flash %s at 460800 baud: %s, hash verified", async (mode, _label, extra) => {
    const image = makeEspImage(64 * 1024, { compressible: true });
    const file = join(scratch, "firmware.bin");
    writeFileSync(file, image);
    const chip = await VirtualEsp32.start({ baudPacing: true });
    try {
      // A pty has no DTR/RTS, so esptool.py must not try to reset; the chip waits in its bootloader.
      const args = ["--port", chip.portPath, "--baud", "460800", "--before", "no_reset", "--after", "no_reset", ...extra];
      const { stdout } = await run(esptool, [...args, "write_flash", "--force", mode, "0x1000", file], { timeout: 60_000 });
      expect(stdout).toMatch(/Changed\./);
      expect(stdout).toMatch(/Hash of data verified\./);
      expect(Buffer.from(chip.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
    } finally {
      await chip.stop();
    }
  });
});
