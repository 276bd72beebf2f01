import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runEmittedProgram } from "../../src/run/micropython/run-emitted-program.js";
import { runOnNode } from "../../src/run/node/run-on-node.js";
import { transpileProject } from "../../src/transpile/index.js";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-callback-tracebacks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const project = join(scratch, "timer");
mkdirSync(join(project, "src"), { recursive: true });
writeFileSync(
  join(project, "src", "main.ts"),
  `import { Timer } from "tsmp/machine";
import * as time from "tsmp/time";

function check(count: number): void {
  if (count > 1) throw new Error("too many ticks");
}

let ticks = 0;
const timer = new Timer(-1, { period: 100, callback: () => {
  ticks += 1;
  check(ticks);
} });
time.sleep_ms(350);
console.log("ticks", ticks);
timer.deinit();
`,
);

describe("an exception in a timer callback", () => {
  it("on MicroPython: printed as a board prints it, its frames on the TypeScript lines, none of the board's own", async () => {
    const result = transpileProject(project);
    let stdout = "";
    let stderr = "";
    const code = await runEmittedProgram(
      { files: result.files, entry: result.entry! },
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), clock: "virtual" },
    );
    expect(code).toBe(0);
    expect(stdout).toBe("ticks 2\n");
    expect(stderr).toMatch(
      /Uncaught exception in IRQ callback handler\nTraceback \(most recent call last\):\n {2}File "[^"]*src\/main\.ts", line 11, in callback_1\n {2}File "[^"]*src\/main\.ts", line 5, in check\nException: too many ticks\n/,
    );
    expect(stderr).not.toContain(".board");
    expect(stderr).not.toContain("main.py");
  });

  it("on Node: the stack points at the TypeScript lines", async () => {
    let stdout = "";
    let stderr = "";
    const code = await runOnNode(project, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    expect(code).toBe(0);
    expect(stdout).toBe("ticks 2\n");
    expect(stderr).toMatch(
      /Uncaught exception in IRQ callback handler\nError: too many ticks\n\s+at check \([^)]*src\/main\.ts:5:\d+\)\n\s+at callback \([^)]*src\/main\.ts:11:\d+\)/,
    );
  });
});
