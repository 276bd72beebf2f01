import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { PythonSourceNotFound, writeStubs } from "../../src/commands/stubs.js";
import { createTranspiler } from "../../src/transpile/index.js";

const fixture = fileURLToPath(new URL("../fixtures/stubs/sensor.py", import.meta.url));
/**
 * micropython-lib as ../shared/tools/build-peers.sh checks it out (fetched for the reference
 * tools, never committed), or a bare mirror of it: without either the real-driver case skips.
 */
const peersLib = join(process.env.PEERS_DIR ?? join(homedir(), ".cache", "tsmp-peers"), "src", "micropython", "lib", "micropython-lib");
const mirrorLib = process.env.TSMP_MICROPYTHON_LIB_MIRROR ?? "/work/.mirror/micropython+micropython-lib/repo";
const readLibFile: ((path: string) => Buffer) | undefined = existsSync(join(peersLib, "README.md"))
  ? (path) => readFileSync(join(peersLib, path))
  : existsSync(mirrorLib)
    ? (path) => execFileSync("git", ["-C", mirrorLib, "show", `HEAD:${path}`])
    : undefined;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-stubs-"));
  folders.push(folder);
  return folder;
}

/** A declaration must compile in a tsmp program that uses it (beside a driver.py it describes). */
function expectCompiles(declaration: string, use: string): void {
  const result = createTranspiler({ sourceMaps: false }).transpileFiles({ "main.ts": use, "driver.d.ts": declaration, "driver.py": "" });
  expect(result.diagnostics.map((d) => d.message)).toEqual([]);
}

describe("tsmp stubs", () => {
  it("declares classes, methods, functions and constants, keyword-only parameters as KwArgs", async () => {
    const text = await writeStubs(fixture, { stdout: () => undefined });
    expect(text).toBe(
      [
        "// Declarations for sensor.py, written by tsmp stubs: check the types marked unknown.",
        'import type { KwArgs } from "tsmp/kwargs";',
        "",
        "export const REG_ID: number;",
        "export const VERSION: string;",
        "",
        "export function scan(i2c: unknown, start?: number, end?: number): unknown[];",
        "",
        "export class SensorError {",
        "}",
        "",
        "export class Sensor {",
        "  static readonly MODE_SLEEP: number;",
        "  constructor(i2c: unknown, address?: number, options?: KwArgs<{ mode?: number; callback?: unknown }>);",
        "  read(count?: number): Uint8Array;",
        "  readonly ready: boolean;",
        "  static crc(data: Uint8Array): number;",
        "  wait(timeout_ms?: number | null, label?: unknown): Promise<void>;",
        "}",
        "",
        "export class FastSensor extends Sensor {",
        "  burst(...values: number[]): number[];",
        "}",
        "",
      ].join("\n"),
    );
    expectCompiles(
      text,
      `import { Sensor, scan } from "./driver";\nconst s = new Sensor(1, 0x77, { mode: 2 });\nconsole.log(s.read(2), s.ready, scan(1));`,
    );
  });

  it("given a module name, declares a board: module and writes it with -o", async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, "sensor.py"), readFileSync(fixture));
    const out = join(folder, "sensor.d.ts");
    await writeStubs("sensor", { out, stdout: () => undefined, searchPath: [folder] });
    const text = readFileSync(out, "utf8");
    expect(text).toContain('declare module "board:sensor" {\n  import type { KwArgs } from "tsmp/kwargs";');
    expectCompiles(text.replace(/^\/\/.*\n/, ""), `import { Sensor } from "board:sensor";\nconsole.log(new Sensor(1).read());`);
  });

  it("says when the module cannot be found", async () => {
    await expect(writeStubs("no_such_module", { stdout: () => undefined, searchPath: ["."] })).rejects.toThrow(PythonSourceNotFound);
    await expect(writeStubs("nope.py", { stdout: () => undefined })).rejects.toThrow("nope.py: no such file");
  });

  it.skipIf(!readLibFile)("declares real micropython-lib drivers (fetched, not committed)", async () => {
    const folder = tempFolder();
    const read = readLibFile!;
    writeFileSync(join(folder, "ssd1306.py"), read("micropython/drivers/display/ssd1306/ssd1306.py"));
    writeFileSync(join(folder, "simple.py"), read("micropython/umqtt.simple/umqtt/simple.py"));
    const ssd1306 = await writeStubs(join(folder, "ssd1306.py"), { stdout: () => undefined });
    expect(ssd1306).toContain("export class SSD1306_I2C extends SSD1306 {");
    expect(ssd1306).toMatch(/constructor\(width: unknown, height: unknown, i2c: unknown, addr\?: number, external_vcc\?: boolean\);/);
    expectCompiles(ssd1306, `import { SSD1306_I2C } from "./driver";\nconst oled = new SSD1306_I2C(128, 64, 0);\noled.show();`);
    const mqtt = await writeStubs(join(folder, "simple.py"), { stdout: () => undefined });
    expect(mqtt).toContain("export class MQTTClient {");
    expect(mqtt).toContain("publish(topic: unknown, msg: unknown, retain?: boolean, qos?: number): unknown;");
    expectCompiles(mqtt, `import { MQTTClient } from "./driver";\nconst c = new MQTTClient("id", "host");\nc.connect();`);
  });
});
