import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";

// The language-service plugin inside a real tsserver, as an editor drives it: a project whose
// tsconfig declares the plugin gets tsmp's TSMP diagnostics beside TypeScript's, over the
// editor's unsaved text.

interface WireDiagnostic {
  text: string;
  code: number;
  source?: string;
  start: { line: number; offset: number };
}

const tsserverPath = createRequire(import.meta.url).resolve("typescript/lib/tsserver.js");
let project: string;
let main: string;
let server: ChildProcessWithoutNullStreams;
let seq = 0;
const waiting = new Map<number, (body: unknown) => void>();

function request<T>(command: string, args: object): Promise<T> {
  const id = ++seq;
  server.stdin.write(`${JSON.stringify({ seq: id, type: "request", command, arguments: args })}\n`);
  return new Promise((resolve) => waiting.set(id, resolve as (body: unknown) => void));
}

/** Asks until the TSMP diagnostics settle on what `expected` accepts (the plugin loads asynchronously). */
async function tsmpDiagnostics(accept: (found: WireDiagnostic[]) => boolean): Promise<WireDiagnostic[]> {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const all = await request<WireDiagnostic[]>("semanticDiagnosticsSync", { file: main });
    const found = all.filter((diagnostic) => diagnostic.source === "tsmp");
    if (accept(found) || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "tsmp-editor-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(packagePath(), join(project, "node_modules", "tsmp"));
  cpSync(packagePath("templates", "blink", "tsconfig.json"), join(project, "tsconfig.json"));
  mkdirSync(join(project, "src"));
  cpSync(packagePath("templates", "blink", "src", "globals.d.ts"), join(project, "src", "globals.d.ts"));
  main = join(project, "src", "main.ts");
  writeFileSync(main, 'import { sleep_ms } from "tsmp/time";\nconst buffer = new SharedArrayBuffer(8);\nsleep_ms(8);\n');
  // Where an editor finds plugins: beside its TypeScript, or the probe locations it is given.
  server = spawn(process.execPath, [tsserverPath, "--disableAutomaticTypingAcquisition", "--pluginProbeLocations", project]);
  let pending = "";
  server.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split(/\r?\n/);
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      const message = JSON.parse(line) as { type: string; request_seq?: number; body?: unknown };
      if (message.type === "response" && message.request_seq !== undefined) waiting.get(message.request_seq)?.(message.body);
    }
  });
});

afterAll(() => {
  server?.kill();
  rmSync(project, { recursive: true, force: true });
});

describe("tsmp's tsserver plugin", () => {
  it("the templates declare it", () => {
    for (const template of ["blink", "sensor-node"]) {
      const tsconfig = readFileSync(packagePath("templates", template, "tsconfig.json"), "utf8");
      expect(JSON.parse(tsconfig).compilerOptions.plugins).toEqual([{ name: "tsmp/tsserver-plugin" }]);
    }
  });

  it("reports TSMP diagnostics as the editor shows the file, and follows unsaved edits", async () => {
    await request("open", { file: main });
    const found = await tsmpDiagnostics((diagnostics) => diagnostics.length > 0);
    expect(found).toEqual([
      expect.objectContaining({
        code: 1121,
        source: "tsmp",
        start: { line: 2, offset: 20 },
        text: expect.stringMatching(/SharedArrayBuffer/),
      }),
    ]);
    // Unsaved: the editor replaces line 2 with a plain array; the diagnostic goes.
    await request("change", { file: main, line: 2, offset: 16, endLine: 2, endOffset: 38, insertString: "[1, 2]" });
    expect(await tsmpDiagnostics((diagnostics) => diagnostics.length === 0)).toEqual([]);
    // TypeScript's own errors are still the editor's: the plugin adds, it does not replace.
    await request("change", { file: main, line: 3, offset: 10, endLine: 3, endOffset: 11, insertString: '"x"' });
    const all = await request<WireDiagnostic[]>("semanticDiagnosticsSync", { file: main });
    expect(all.map((diagnostic) => diagnostic.code)).toEqual([2345]);
  });
});
