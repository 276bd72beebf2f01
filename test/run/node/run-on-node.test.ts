import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runOnNode } from "../../../src/run/node/run-on-node.js";

const blink = fileURLToPath(new URL("../../../templates/blink", import.meta.url));
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "tsmp-run-node-"));
  folders.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function run(input: string, options: { realtime?: boolean; tracePath?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runOnNode(input, { ...options, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("runOnNode", () => {
  it("runs the blink template on the virtual clock: its output on stdout, LED changes on stderr", async () => {
    const result = await run(blink);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s\ndone\n");
    expect(result.stderr.split("\n").slice(0, 3)).toEqual([
      "t=0.000s  LED1 ● LED2 ●",
      "t=0.005s  LED1 ○ LED2 ○",
      "t=0.405s  LED1 ○ LED2 ●",
    ]);
  });

  it("writes the timeline as JSON and as a logic-analyzer SVG", async () => {
    const dir = project({});
    await run(blink, { tracePath: join(dir, "trace.json") });
    const trace = JSON.parse(readFileSync(join(dir, "trace.json"), "utf8")) as { end_ms: number; entries: { device: string }[] };
    expect(trace.end_ms).toBe(10_000);
    expect(new Set(trace.entries.map((e) => e.device))).toEqual(new Set(["LED(1)", "LED(2)"]));
    await run(blink, { tracePath: join(dir, "trace.svg") });
    const svg = readFileSync(join(dir, "trace.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns/);
    expect(svg).toContain(">LED(1)</text>");
    expect(svg).toContain("on 5 ms every 705 ms · 15 pulses");
  });

  it("follows local imports in a project, with src/main.ts as the entry", async () => {
    const dir = project({
      "src/main.ts": `import { greet } from "./lib/greet.js";\nimport * as asyncio from "tsmp/asyncio";\nasync function main(): Promise<void> { await asyncio.sleep_ms(5); console.log(greet("board")); }\nasyncio.run(main());\n`,
      "src/lib/greet.ts": `export function greet(name: string): string { return "hello " + name; }\n`,
    });
    expect(await run(dir)).toEqual({ code: 0, stdout: "hello board\n", stderr: "" });
  });

  it("runs in real time when asked", async () => {
    const dir = project({
      "main.ts": `import * as asyncio from "tsmp/asyncio";\nimport * as time from "tsmp/time";\nasync function main(): Promise<void> { await asyncio.sleep_ms(30); console.log(time.ticks_ms() >= 30); }\nasyncio.run(main());\n`,
    });
    const started = performance.now();
    expect(await run(join(dir, "main.ts"), { realtime: true })).toMatchObject({ code: 0, stdout: "true\n" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("an uncaught exception exits 1 with a stack pointing at the TypeScript line", async () => {
    const dir = project({ "main.ts": `console.log("before");\n\nthrow new Error("broken on purpose");\n` });
    const result = await run(join(dir, "main.ts"));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("before\n");
    expect(result.stderr).toContain("Error: broken on purpose");
    expect(result.stderr).toContain(`${join(dir, "main.ts")}:3`);
  });

  it("a deadlock is reported as a tsmp message", async () => {
    const dir = project({
      "main.ts": `import * as asyncio from "tsmp/asyncio";\nasync function main(): Promise<void> { await new asyncio.Event().wait(); }\nasyncio.run(main());\n`,
    });
    expect(await run(join(dir, "main.ts"))).toEqual({
      code: 1,
      stdout: "",
      stderr: "tsmp: asyncio: every task is waiting and nothing can wake one (at 0 ms)\n",
    });
  });

  it("rejects a missing input and a trace file that is neither .svg nor .json", async () => {
    await expect(run("/nonexistent/project")).rejects.toThrow("/nonexistent/project: no such file or folder");
    const empty = project({ "README.md": "" });
    await expect(run(empty)).rejects.toThrow(/not a tsmp project \(no tsconfig.json, src\/main.ts or main.ts/);
    await expect(run(blink, { tracePath: "trace.png" })).rejects.toThrow(
      "--trace trace.png: use a .svg (picture) or .json (data) file name",
    );
  });
});

describe("the blink template on both host targets", () => {
  for (const flavour of ["", "boards/generic"]) {
    it(`prints the same lines and the same waveform on node and micropython (${flavour || "pyboard"})`, async () => {
      const { runOnMicroPython } = await import("../../../src/run/micropython/run-on-micropython.js");
      const input = join(blink, flavour);
      const dir = project({});
      let vmOut = "";
      let vmErr = "";
      const vmCode = await runOnMicroPython(input, { stdout: (t) => (vmOut += t), stderr: (t) => (vmErr += t), clock: "virtual" });
      const node = await run(input, { tracePath: join(dir, "trace.json") });
      expect(node.code).toBe(vmCode);
      expect(node.stdout).toBe(vmOut);
      // Both targets log output changes on stderr the same way (the host target's PinView).
      expect(node.stderr).toBe(vmErr);
    });
  }
});
