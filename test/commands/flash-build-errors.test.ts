import { afterEach, describe, expect, it } from "vitest";
import { DiagnosticsReported } from "../../src/errors.js";
import { flashProject } from "../../src/commands/flash.js";
import { runOnBoard } from "../../src/run/board/run-on-board.js";
import { captureStream, makeProject, removeProjects } from "../harness/board-fixtures.js";

// A program that does not compile never reaches the port (which here does not even exist).
afterEach(() => removeProjects());

describe("build errors", () => {
  const broken = { "main.ts": 'const count: number = "three";\nconsole.log(count);\n' };

  it("tsmp flash reports the diagnostics and stops before opening the port", async () => {
    const stderr = captureStream();
    const flashing = flashProject(makeProject(broken), { port: "/dev/tsmp-no-such-port", stdout: () => undefined, stderr });
    await expect(flashing).rejects.toBeInstanceOf(DiagnosticsReported);
    expect(stderr.text()).toMatch(/main\.ts:1:\d+ - error TS2322/);
  });

  it("tsmp run --port does too", async () => {
    let stderr = "";
    const running = runOnBoard(makeProject(broken), {
      port: "/dev/tsmp-no-such-port",
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    });
    await expect(running).rejects.toBeInstanceOf(DiagnosticsReported);
    expect(stderr).toMatch(/error TS2322/);
  });
});
