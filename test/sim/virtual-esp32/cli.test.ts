import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { flashFirmware } from "../../../src/commands/firmware.js";
import { VirtualEsp32 } from "../../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../../harness/esp-image.js";
import { packagePath } from "../../../src/package-paths.js";

const bin = packagePath("bin", "tsmp.js");
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("tsmp virtual-esp32", () => {
  it("serves an ESP32-S3 on the link until killed, keeping its flash in a file", async () => {
    dir = mkdtempSync(join(tmpdir(), "tsmp-virtual-esp32-cli-"));
    const link = join(dir, "esp");
    const flashFile = join(dir, "flash.bin");
    child = spawn(
      process.execPath,
      [bin, "virtual-esp32", "--link", link, "--chip", "esp32s3", "--flash-size", "2MB", "--flash-file", flashFile],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (!stderr.includes("Ctrl-C to stop") && Date.now() < deadline) await sleep(50);
    expect(stderr).toMatch(/Virtual ESP32-S3 \(ROM bootloader, 2MB flash\) on .*esp/);

    const image = makeEspImage(48 * 1024, { chipId: 9 });
    const file = join(dir, "s3.bin");
    writeFileSync(file, image);
    const report = await flashFirmware({
      port: link,
      chip: "esp32s3",
      baud: 460800,
      file,
      eraseAll: false,
      compress: true,
      verifyRepl: false,
      log: () => {},
      progress: () => {},
    });
    expect(report).toMatchObject({ chip: "ESP32-S3", offset: 0 });

    const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(link)).toBe(false);
    const saved = readFileSync(flashFile);
    expect(saved.length).toBe(2 * 1024 * 1024);
    expect(saved.subarray(0, image.length).equals(Buffer.from(image))).toBe(true);
  });

  it("refuses a --link path that is a regular file, and leaves the file alone", async () => {
    dir = mkdtempSync(join(tmpdir(), "tsmp-virtual-esp32-cli-"));
    const file = join(dir, "notes.txt");
    writeFileSync(file, "keep me");
    await expect(VirtualEsp32.start({ link: file })).rejects.toThrow(
      `${file} already exists and is not a symlink; choose another path for the board's pty`,
    );
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });

  it("refuses a --flash-file that is a folder or in a missing folder before starting anything", async () => {
    dir = mkdtempSync(join(tmpdir(), "tsmp-virtual-esp32-cli-"));
    const link = join(dir, "esp");
    const cases = [
      [dir, `tsmp: --flash-file ${dir} is a folder; give a file to keep the flash in (its files go in ${dir}.files/)\n`],
      [
        join(dir, "missing", "f.bin"),
        `tsmp: --flash-file ${join(dir, "missing", "f.bin")}: the folder ${join(dir, "missing")} does not exist\n`,
      ],
    ];
    for (const [flashFile, message] of cases) {
      const run = spawnSync(process.execPath, [bin, "virtual-esp32", "--link", link, "--flash-file", flashFile!], {
        encoding: "utf8",
        timeout: 20_000,
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: message });
      // Nothing was started: no pty link, so no socat left behind.
      expect(existsSync(link)).toBe(false);
    }
  });
});
