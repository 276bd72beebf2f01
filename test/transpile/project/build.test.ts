import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main.js";
import { MicroPythonVm } from "../../../src/vm/micropython-vm.js";
import { formatDiagnostic, transpileProject } from "../../../src/transpile/index.js";
import { encodeVlq } from "../../../src/sourcemap/source-map.js";

const folders: string[] = [];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "tsmp-build-"));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs `tsmp ...` in-process; returns the exit code and what went to stderr. */
async function tsmp(...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = "";
  let stdout = "";
  const errorSpy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const outputSpy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    const code = await main(["node", "tsmp", ...args]);
    return { code, stderr, stdout };
  } finally {
    errorSpy.mockRestore();
    outputSpy.mockRestore();
  }
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const blinkPython = `# Two tasks blink two LEDs at different rates, each on for 5 ms, for 10 seconds:
# the example from MicroPython's asyncio documentation, written in TypeScript.
# This flavour is for a pyboard, whose LEDs are numbered from 1.
import asyncio
from pyb import LED


async def blink(led, period_ms):
    while True:
        led.on()
        await asyncio.sleep_ms(5)
        led.off()
        await asyncio.sleep_ms(period_ms)


async def main(led1, led2):
    asyncio.create_task(blink(led1, 700))
    asyncio.create_task(blink(led2, 400))
    await asyncio.sleep_ms(10000)


print("blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s")
# As on a board, asyncio.run() returns only once main() has finished.
asyncio.run(main(LED(1), LED(2)))
print("done")
`;

describe("the blink seed example", () => {
  it("reads like hand-written MicroPython, comments included (golden)", () => {
    const result = transpileProject("templates/blink");
    expect(result.diagnostics).toEqual([]);
    expect(result.entry).toBe("main.py");
    expect(result.files.map((file) => file.path)).toEqual(["main.py"]);
    expect(result.files[0]!.text).toBe(blinkPython);
  });

  it("the generic-board flavour uses machine.Pin", () => {
    const result = transpileProject("templates/blink/boards/generic");
    expect(result.diagnostics).toEqual([]);
    const text = result.files.find((file) => file.path === "main.py")!.text;
    expect(text).toContain("from machine import Pin");
    expect(text).not.toContain("_tsmp");
  });

  it("compiles on MicroPython", async () => {
    const vm = await MicroPythonVm.load();
    vm.writeFile("/main.py", blinkPython);
    vm.exec(`compile(open("main.py").read(), "main.py", "exec")`);
  });
});

describe("tsmp build", () => {
  it("writes one .py and .py.map per module with the same layout, helpers only when used", async () => {
    const root = project({
      "tsconfig.json": JSON.stringify({
        compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], types: [] },
        include: ["src"],
      }),
      "src/globals.d.ts": "declare var console: { log(...data: unknown[]): void };",
      "src/main.ts": `import { half } from "./lib/util";\nimport { spin } from "./drivers/motor";\nconsole.log(\`\${half(4)} \${spin()}\`);\n`,
      "src/lib/util.ts": "/** Half, as JS divides. */\nexport function half(n: number) { return n / 2; }\n",
      "src/drivers/motor.ts": "export function spin() { return 3; }\n",
      "src/blink.test.ts": `import * as testing from "tsmp/testing";\nconsole.log(testing);\n`,
    });
    const out = join(root, "out");
    const { code, stderr } = await tsmp("build", root, "-o", out);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`Built 5 files into ${out}`);
    for (const file of ["main.py", "main.py.map", "lib/util.py", "lib/util.py.map", "drivers/motor.py", "_tsmp.py", "_tsmp_float_str.py"]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(readFileSync(join(out, "main.py"), "utf8")).toMatch(/^from util import half\nfrom drivers.motor import spin\n/);
    expect(readFileSync(join(out, "lib/util.py"), "utf8")).toBe(
      "from _tsmp import js_div\n\n\n# Half, as JS divides.\ndef half(n):\n    return js_div(n, 2)\n",
    );
    expect(readFileSync(join(out, "lib/util.py"), "utf8")).toContain("from _tsmp import js_div");
    expect(readFileSync(join(out, "drivers/motor.py"), "utf8")).not.toContain("_tsmp");
    const map = JSON.parse(readFileSync(join(out, "lib/util.py.map"), "utf8")) as { version: number; sources: string[]; file: string };
    expect(map).toMatchObject({ version: 3, file: "util.py", sources: ["../../src/lib/util.ts"] });
  });

  it("defaults to <project>/build and builds a single file beside it", async () => {
    const root = project({ "blinky.ts": `console.log("hi");\n` });
    expect((await tsmp("build", join(root, "blinky.ts"))).code).toBe(0);
    expect(readFileSync(join(root, "build", "blinky.py"), "utf8")).toBe('print("hi")\n');
  });

  it("reports diagnostics with file:line:col and a code frame, exits 1 and writes nothing", async () => {
    const root = project({
      "src/main.ts": `const ok = 1;\nif (ok) debugger;\nconst n: number = "x";\n`,
    });
    const { code, stderr } = await tsmp("build", root);
    expect(code).toBe(1);
    expect(stderr).toContain(
      "src/main.ts:2:9 - error TSMP1001: This debugger statement (`debugger;`) is not supported by tsmp yet.\n\n2 if (ok) debugger;\n          ^\n",
    );
    expect(stderr).toContain("src/main.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(root, "build"))).toBe(false);
  });

  it("TSMP1206 rejects imports from outside the source root", async () => {
    const root = project({
      "src/main.ts": `import { shared } from "../shared/values";\nconsole.log(shared);\n`,
      "shared/values.ts": "export const shared = 1;\n",
    });
    const { code, stderr } = await tsmp("build", root);
    expect(code).toBe(1);
    expect(stderr).toContain("error TSMP1206: Cannot import '../shared/values': it is outside the project's source root.");
  });

  it("says clearly when the input is not a project", async () => {
    const root = project({ "notes.txt": "" });
    const { code, stderr } = await tsmp("build", root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tsmp: .*not a tsmp project \(no tsconfig.json, src\/main.ts or main.ts/);
    expect((await tsmp("build", join(root, "missing.ts"))).stderr).toMatch(/missing\.ts: no such file or folder/);
  });

  it("refuses a tsconfig.json that is not valid JSON, as tsc does, naming file:line:col", async () => {
    const root = project({
      "tsconfig.json": '{\n  "compilerOptions": { "strict": true }\n  "include": ["src"]\n}\n',
      "src/main.ts": "console.log(1);\n",
    });
    const { code, stderr } = await tsmp("build", root, "-o", join(root, "out"));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^tsmp: \S*tsconfig\.json:3:3: ',' expected \(TS1005\): this tsconfig\.json is not valid JSON, and tsc refuses it too\.\n$/,
    );
    expect(existsSync(join(root, "out"))).toBe(false);
  });

  it("leaves an existing build untouched when the new one fails", async () => {
    const root = project({ "src/main.ts": `console.log(1);\n` });
    expect((await tsmp("build", root)).code).toBe(0);
    writeFileSync(join(root, "src/main.ts"), `debugger;\n`);
    expect((await tsmp("build", root)).code).toBe(1);
    expect(readFileSync(join(root, "build/main.py"), "utf8")).toBe("print(1)\n");
  });
});

describe("formatDiagnostic", () => {
  it("prints a diagnostic without a file as code and message", () => {
    expect(formatDiagnostic({ code: "TS5023", category: "error", message: "Unknown compiler option 'x'." })).toBe(
      "error TS5023: Unknown compiler option 'x'.",
    );
  });
});

describe("source maps", () => {
  it("encode base64 VLQ as the spec does", () => {
    expect([0, 1, -1, 15, 16, -16, 123, 1024].map(encodeVlq)).toEqual(["A", "C", "D", "e", "gB", "hB", "2H", "ggC"]);
  });
});
