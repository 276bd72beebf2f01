import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filesBesideCode } from "../../src/commands/extra-files.js";
import { loadProjectConfig } from "../../src/commands/project-config.js";
import { runOnNode } from "../../src/run/node/run-on-node.js";
import { runOnMicroPython } from "../../src/run/micropython/run-on-micropython.js";

/**
 * Reads the files the project's config lists, writes one of its own and resets the board: after
 * the reset both the listed files and its own are still there, as on a board's flash.
 */
const MAIN_TS = `
import * as io from "tsmp/io";
import * as machine from "tsmp/machine";
import * as os from "tsmp/os";
const read = (path: string) => {
  const file = io.open(path);
  const text = file.read();
  file.close();
  return text;
};
const names = os.listdir("data");
names.sort();
console.log("cause", machine.reset_cause(), names.join(","), JSON.stringify(read("data/config.json")), read("greeting.txt"));
if (machine.reset_cause() !== machine.HARD_RESET) {
  const out = io.open("data/written.txt", "w");
  out.write("kept");
  out.close();
  machine.reset();
}
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "tsmp-run-files-"));
  mkdirSync(join(dir, "data", "more"), { recursive: true });
  writeFileSync(join(dir, "main.ts"), MAIN_TS);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "files", tsmp: { files: ["data", "greeting.txt"] } }));
  writeFileSync(join(dir, "data", "config.json"), '{"interval": 5}');
  writeFileSync(join(dir, "data", "more", "deep.bin"), new Uint8Array([0, 1, 2]));
  writeFileSync(join(dir, "greeting.txt"), "hello");
  return dir;
}

describe("a project's files on the simulated board (tsmp run)", () => {
  it("are there on --target node and --target micropython alike, and stay through a reset", async () => {
    const dir = project();
    try {
      const { files } = filesBesideCode(loadProjectConfig(dir));
      const outputs: string[] = [];
      for (const run of [runOnNode, runOnMicroPython] as const) {
        let stdout = "";
        let stderr = "";
        const code = await run(join(dir, "main.ts"), {
          stdout: (text) => (stdout += text),
          stderr: (text) => (stderr += text),
          files,
          ...(run === runOnMicroPython ? { clock: "virtual" as const } : {}),
        });
        expect(stderr).toBe("");
        expect(code).toBe(0);
        outputs.push(stdout);
      }
      expect(outputs[0]).toBe(
        'cause 1 config.json,more "{\\"interval\\": 5}" hello\n' + 'cause 2 config.json,more,written.txt "{\\"interval\\": 5}" hello\n',
      );
      expect(outputs[1]).toBe(outputs[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
