import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeSettings } from "../../src/commands/config.js";
import { filesBesideCode, withFilesBesideCode } from "../../src/commands/extra-files.js";
import { effectiveSettings, loadProjectConfig } from "../../src/commands/project-config.js";
import { resolvePort } from "../../src/flash/ports.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-config-"));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

const withSection = (tsmp: unknown) => project({ "package.json": JSON.stringify({ name: "p", tsmp }) });

describe("project configuration", () => {
  it("reads package.json's tsmp section; the command line overrides it, key by key", () => {
    const folder = withSection({ port: "/dev/ttyACM0", baud: 9600, mpy: false });
    const settings = effectiveSettings(loadProjectConfig(folder), { baud: { value: 460800, flag: "--baud" } });
    expect(settings.port).toEqual({ value: "/dev/ttyACM0", from: 'package.json "tsmp".port' });
    expect(settings.baud).toEqual({ value: 460800, from: "--baud" });
    expect(settings.mpy).toEqual({ value: false, from: 'package.json "tsmp".mpy' });
    expect(settings.files).toEqual({ value: [], from: "default" });
    // A project that names its board runs there unless --target says otherwise.
    expect(settings.target).toEqual({ value: "board", from: 'default with package.json "tsmp".port' });
  });

  it("has tsmp's defaults without a config, and a --port means the board", () => {
    const loaded = loadProjectConfig(project({ "src/main.ts": "" }));
    expect(loaded.file).toBeUndefined();
    const plain = effectiveSettings(loaded);
    expect([plain.port.value, plain.baud.value, plain.target.value, plain.mpy.value]).toEqual(["auto", 115200, "micropython", "auto"]);
    expect(effectiveSettings(loaded, { port: { value: "/dev/x", flag: "--port" } }).target).toEqual({ value: "board", from: "--port" });
  });

  it("lets tsmp.config.json take the place of package.json's section, and says so", () => {
    const folder = project({
      "package.json": JSON.stringify({ tsmp: { baud: 9600 } }),
      "tsmp.config.json": JSON.stringify({ serialNumber: "E6614C311B4B5D2A" }),
    });
    const loaded = loadProjectConfig(folder);
    const settings = effectiveSettings(loaded);
    expect(settings.baud).toEqual({ value: 115200, from: "default" });
    expect(settings.serialNumber).toEqual({ value: "E6614C311B4B5D2A", from: "tsmp.config.json serialNumber" });
    expect(settings.port).toEqual({ value: undefined, from: "found by tsmp.config.json serialNumber" });
    expect(describeSettings(loaded, settings)).toBe(
      [
        `Project: ${folder}`,
        `Config:  ${join(folder, "tsmp.config.json")}`,
        `         (package.json's "tsmp" section is not read: tsmp.config.json takes its place)`,
        "port         -                 found by tsmp.config.json serialNumber",
        "serialNumber E6614C311B4B5D2A  tsmp.config.json serialNumber",
        "baud         115200            default",
        "board        -                 default",
        "target       board             default with tsmp.config.json serialNumber",
        "mpy          auto              default",
        "files        (none)            default",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [{ baud: "fast" }, 'package.json "tsmp".baud must be a positive whole number of bits per second, not "fast"'],
    [{ baud: 0 }, 'package.json "tsmp".baud must be a positive whole number of bits per second, not 0'],
    [{ prot: "/dev/x" }, 'package.json "tsmp".prot is not a tsmp setting (known: port, serialNumber, baud, board, target, mpy, files)'],
    [{ target: "esp32" }, 'package.json "tsmp".target must be "micropython", "node" or "board", not "esp32"'],
    [{ mpy: "yes" }, 'package.json "tsmp".mpy must be true, false or "auto", not "yes"'],
    [{ board: "rp2" }, 'package.json "tsmp".board must be "pyboard" or "generic", not "rp2"'],
    [{ files: "boot.py" }, 'package.json "tsmp".files must be a list of files or folders relative to the project, not "boot.py"'],
    [{ port: "" }, 'package.json "tsmp".port must be a serial port path or "auto", not ""'],
    [
      { port: "/dev/a", serialNumber: "1" },
      'package.json "tsmp".port and package.json "tsmp".serialNumber both choose the board; keep one',
    ],
    [["port"], 'package.json "tsmp" must be an object of settings (port, serialNumber, baud, board, target, mpy, files)'],
  ])("refuses %j in one line naming the file and the key", (section, message) => {
    const folder = withSection(section);
    expect(() => loadProjectConfig(folder)).toThrowError(`${join(folder, "package.json")}: ${message}`);
  });

  it("refuses a config file that is not JSON", () => {
    const folder = project({ "tsmp.config.json": "{ port: x }" });
    expect(() => loadProjectConfig(folder)).toThrowError(new RegExp(`^${join(folder, "tsmp.config.json")}: not valid JSON \\(`));
  });
});

describe("files beside the code", () => {
  it("reads listed files and folders at their paths in the project", () => {
    const folder = project({
      "package.json": JSON.stringify({ tsmp: { files: ["boot.py", "data"] } }),
      "boot.py": "# boot\n",
      "data/a.json": "{}",
      "data/deep/b.txt": "b",
    });
    const extra = filesBesideCode(loadProjectConfig(folder));
    expect(extra.files.map((file) => [file.path, file.data.toString()])).toEqual([
      ["boot.py", "# boot\n"],
      ["data/a.json", "{}"],
      ["data/deep/b.txt", "b"],
    ]);
    expect(() => withFilesBesideCode([{ path: "data/a.json", data: Buffer.from("") }], extra)).toThrowError(
      `${join(folder, "package.json")}: package.json "tsmp".files: data/a.json is written by the build; list another file`,
    );
  });

  it.each([
    ["missing.txt", (folder: string) => `missing.txt does not exist in ${folder}`],
    ["../outside", () => "../outside is not inside the project folder"],
    ["/etc/hosts", () => "/etc/hosts is not inside the project folder"],
  ])("refuses %s, naming the file and the key", (entry, reason) => {
    const folder = withSection({ files: [entry] });
    expect(() => filesBesideCode(loadProjectConfig(folder))).toThrowError(
      `${join(folder, "package.json")}: package.json "tsmp".files: ${reason(folder)}`,
    );
  });
});

describe("a board chosen by its USB serial number", () => {
  const ports = async () => [
    { path: "/dev/ttyACM0", vendorId: "2e8a", productId: "0005", serialNumber: "AAA", boardGuess: "Raspberry Pi Pico (MicroPython rp2)" },
    { path: "/dev/ttyACM1", vendorId: "2e8a", productId: "0005", serialNumber: "BBB", boardGuess: "Raspberry Pi Pico (MicroPython rp2)" },
  ];

  it("finds its port among several boards, and names the connected ones when it is not there", async () => {
    const lines: string[] = [];
    expect(await resolvePort("auto", { ports, serialNumber: "BBB", log: (line) => lines.push(line) })).toBe("/dev/ttyACM1");
    expect(lines).toEqual(["Using /dev/ttyACM1 2e8a:0005 (Raspberry Pi Pico (MicroPython rp2)) (serial number BBB)"]);
    await expect(resolvePort(undefined, { ports, serialNumber: "CCC" })).rejects.toThrowError(
      "no board with USB serial number CCC is connected; connected:\n" +
        "  /dev/ttyACM0 2e8a:0005 (Raspberry Pi Pico (MicroPython rp2)) serial number AAA\n" +
        "  /dev/ttyACM1 2e8a:0005 (Raspberry Pi Pico (MicroPython rp2)) serial number BBB",
    );
  });
});
