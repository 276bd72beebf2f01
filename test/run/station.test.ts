import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { filesBesideCode, withFilesBesideCode } from "../../src/commands/extra-files.js";
import { loadProjectConfig } from "../../src/commands/project-config.js";
import { checkBoardModules, MissingBoardModules, modulesTheBoardMustHave } from "../../src/flash/board-modules-check.js";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { deployFiles } from "../../src/flash/deploy.js";
import { installBuild } from "../../src/commands/flash.js";
import { runEmittedProgram } from "../../src/run/micropython/run-emitted-program.js";
import { recordingFake, runProgram } from "../../src/run/testing.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { transpileProject } from "../../src/transpile/index.js";

/**
 * The finish line in one program: os, io, json, struct, hashlib, binascii, gc, network,
 * neopixel, esp32 (NVS), framebuf, a local .py driver and a data file the project's config
 * installs beside the code; the same output on Node (with a fake driver), on MicroPython (the
 * real one) and on the virtual board after a deploy that checks modules first.
 */
const station = fileURLToPath(new URL("../fixtures/station", import.meta.url));
/** data/station.json, listed by the fixture's package.json "tsmp".files. */
const projectFiles = filesBesideCode(loadProjectConfig(station));

class FakeBme280 {
  private t = 2150;
  read_compensated_data(): [number, number, number] {
    this.t += 10;
    return [this.t, 101325 * 256, 40 * 1024];
  }
}

const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  for (const board of boards.splice(0)) await board.stop();
});

describe("a weather station using the standard library facade and a Python driver", () => {
  const expected = [
    "station roof boot 1",
    "online 192.168.4.2",
    "frames 3 last 2180",
    "sha256 64 hex digits",
    "readings [2160, 2170, 2180]",
    "display 95 pixels lit, first column 128",
    "memory ok true",
  ];

  it("runs the same on MicroPython and, with a fake driver, on Node", async () => {
    const build = transpileProject(station);
    expect(build.diagnostics).toEqual([]);
    let stdout = "";
    let stderr = "";
    const code = await runEmittedProgram(
      { files: build.files, entry: build.entry! },
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), clock: "virtual", files: projectFiles.files },
    );
    // The pin view's lines: each pixel's colour when the strip is written.
    expect(stderr).toContain("NeoPixel(Pin(5))[0] #0000ff");
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toEqual(expected);

    const bme = recordingFake({ BME280: FakeBme280 });
    const files = Object.fromEntries(projectFiles.files.map((file) => [file.path, file.data]));
    const run = await runProgram(station, { modules: { "drivers.bme280": bme.module }, files });
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(expected);
    expect(bme.calls.map((call) => call.name)).toEqual(["BME280", ...Array(3).fill("BME280.read_compensated_data")]);
    expect(bme.calls[0]!.args).toEqual([undefined, { address: 0x77 }]);
    expect(run.waveform("NeoPixel(Pin(5))[0]").changes.map((change) => change.value)).toEqual([0x0000ff, 0xff0000]);
  });

  it("flashes to the virtual board once the board has every module it imports, and runs the same there", async () => {
    const build = transpileProject(station);
    const board = await VirtualBoard.start({ cable: "memory" });
    boards.push(board);
    const connection = await connectOverLink(board.openLink());
    connections.push(connection);
    const needed = modulesTheBoardMustHave(build.files);
    // array: the Uint8Array class the bytes its drivers return become (u8_of); math: Math.floor.
    expect(needed).toEqual([
      "array",
      "binascii",
      "esp32",
      "framebuf",
      "gc",
      "hashlib",
      "io",
      "json",
      "machine",
      "math",
      "neopixel",
      "network",
      "os",
      "struct",
      "time",
    ]);
    await checkBoardModules(connection.repl, needed);
    const lines: string[] = [];
    await deployFiles(
      connection.fs,
      withFilesBesideCode(
        build.files.map((file) => ({ path: file.path, data: Buffer.from(file.text) })),
        projectFiles,
      ),
      { log: (line) => lines.push(line) },
    );
    expect(lines).toContain("Updated: drivers/bme280.py");
    expect(lines).toContain("Updated: data/station.json");
    // main.py as the board runs it (on the real clock: the Wi-Fi's second and three of the sensor's).
    const { stdout, stderr } = await connection.repl.exec("exec(open('main.py').read())", { idleTimeoutMs: 20_000 });
    expect(stderr.toString()).toBe("");
    expect(stdout.toString().trimEnd().split(/\r?\n/)).toEqual(expected);
    await expect(checkBoardModules(connection.repl, [...needed, "umqtt.simple"])).rejects.toThrow(MissingBoardModules);
  });

  it("is not installed on a board that lacks a module it imports: tsmp flash names it and replaces nothing", async () => {
    const build = transpileProject(station);
    const board = await VirtualBoard.start({ cable: "memory", files: { "main.py": "print('the old program')\n" } });
    boards.push(board);
    const connection = await connectOverLink(board.openLink());
    connections.push(connection);
    // The station with an uplink module that imports a micropython-lib package the board lacks.
    const uplink = { ...build.files[0]!, path: "uplink.py", text: "import umqtt.simple\n" };
    const withUplink = { ...build, files: [...build.files, uplink] };
    const lines: string[] = [];
    await expect(installBuild(connection, withUplink, { log: (line) => lines.push(line), extraFiles: projectFiles })).rejects.toThrow(
      /no module umqtt\.simple, which the program imports; nothing was replaced; install from micropython-lib with: mpremote mip install umqtt\.simple/,
    );
    expect(lines).toEqual([]);
    expect((await connection.fs.readFile("main.py")).toString()).toBe("print('the old program')\n");
  });
});
