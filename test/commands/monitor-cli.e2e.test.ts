import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { flashProject } from "../../src/commands/flash.js";
import { packagePath } from "../../src/package-paths.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { captureStream, makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";
import { buildProject } from "../../src/commands/build.js";

// `tsmp monitor` as a user runs it: the built CLI (npm test builds first) in its own process,
// against a virtual board on a real pty, stopped by a signal.
let board: VirtualBoard | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await board?.stop();
  board = undefined;
  removeProjects();
});

/** Spawns `node bin/tsmp.js monitor …` in `cwd` and collects its stdout and stderr. */
function spawnMonitor(args: string[], cwd: string) {
  const cli: ChildProcessWithoutNullStreams = spawn(process.execPath, [packagePath("bin/tsmp.js"), "monitor", ...args], {
    stdio: "pipe",
    cwd,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    cli.once("exit", (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(async () => {
    if (cli.exitCode === null && cli.signalCode === null) cli.kill("SIGKILL");
    await exited;
  });
  let stdout = "";
  let stderr = "";
  cli.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const waitFor = async (test: () => boolean, what: string) => {
    const deadline = Date.now() + 45_000;
    while (!test()) {
      if (Date.now() > deadline || cli.exitCode !== null) {
        throw new Error(`no ${what}; stdout: ${JSON.stringify(stdout)} stderr: ${JSON.stringify(stderr)}`);
      }
      await new Promise((resume) => setTimeout(resume, 20));
    }
  };
  return { cli, exited, waitFor, stdout: () => stdout, stderr: () => stderr };
}

const built = existsSync(packagePath("dist/cli/main.js"));

describe.skipIf(!built)("tsmp monitor on the command line", () => {
  it("shows the board's output, rewrites a traceback to the .ts line, exits 0 on SIGINT or SIGTERM and lets go of the port", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts":
        'console.log("starting");\nfunction check(value: number): void {\n  if (value > 1) throw new Error("value too big");\n}\ncheck(2);\n',
    });
    await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });

    // Run from the project's folder, as a user would: frames then read src/main.ts.
    const monitor = spawnMonitor(["--port", board.portPath, "--project", project], project);
    await monitor.waitFor(() => monitor.stderr().includes("Connected to"), "connection line");
    expect(monitor.stderr()).toBe(`Connected to ${board.portPath}\n`);

    // stdin goes to the board: an expression at the friendly prompt, then Ctrl-D soft-resets so main.py runs again.
    monitor.cli.stdin.write("print(6 * 7)\r");
    await monitor.waitFor(() => monitor.stdout().includes("42\r\n"), "answer from the board");
    monitor.cli.stdin.write("\x04");
    await monitor.waitFor(() => monitor.stdout().includes("value too big"), "traceback");
    await monitor.waitFor(() => monitor.stdout().endsWith(">>> "), "prompt after the traceback");

    expect(monitor.stdout()).toContain("MPY: soft reboot\r\nstarting\r\n");
    expect(monitor.stdout()).toContain(
      'Traceback (most recent call last):\r\n  File "src/main.ts", line 5, in <module>\r\n  File "src/main.ts", line 3, in check\r\nException: value too big\r\n',
    );
    expect(monitor.stdout()).not.toMatch(/File "main\.py"/);

    monitor.cli.kill("SIGINT");
    expect(await monitor.exited).toEqual({ code: 0, signal: null });
    expect(monitor.stderr()).toBe(`Connected to ${board.portPath}\n`);

    // The monitor let go of the port: another client gets in.
    const again = spawnMonitor(["--port", board.portPath, "--project", project], project);
    await again.waitFor(() => again.stderr().includes("Connected to"), "second connection");
    again.cli.stdin.write("print('still here')\r");
    await again.waitFor(() => again.stdout().includes("still here\r\n>>> "), "answer on the second connection");
    again.cli.kill("SIGTERM");
    expect(await again.exited).toEqual({ code: 0, signal: null });
  });

  it("maps nothing when build/ is not what the board got, and says why; outside a project it gives a hint", async () => {
    board = await VirtualBoard.start();
    const source = 'console.log("starting");\nthrow new Error("boom");\n';
    const project = makeProject({ "main.ts": source });
    await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });
    // The line of the flashed main.py that raises, as the board will print it unmapped.
    const raiseLine =
      readFileSync(join(project, "build", "main.py"), "utf8")
        .split("\n")
        .findIndex((line) => line.includes("boom")) + 1;
    // The source changes and is built, not flashed: the board still runs the old main.py.
    writeSources(project, { "main.ts": `// a comment moves every line\n${source}` });
    await buildProject(project, undefined, () => undefined);

    const monitor = spawnMonitor(["--port", board.portPath, "--project", project], project);
    await monitor.waitFor(() => monitor.stderr().includes("Connected to"), "connection line");
    await monitor.waitFor(() => monitor.stderr().includes("[tsmp]"), "reason line");
    expect(monitor.stderr()).toBe(
      `Connected to ${board.portPath}\n` +
        `[tsmp] tracebacks are shown as the board prints them: ${join(project, "build")} changed since it was flashed to ${board.portPath} (main.py); run tsmp flash to map tracebacks again\n`,
    );
    monitor.cli.stdin.write("\x04");
    await monitor.waitFor(() => monitor.stdout().includes("boom"), "traceback");
    expect(raiseLine).toBeGreaterThan(0);
    expect(monitor.stdout()).toContain(`File "main.py", line ${raiseLine}`);
    monitor.cli.kill("SIGINT");
    await monitor.exited;

    const elsewhere = spawnMonitor(["--port", board.portPath], tmpdir());
    await elsewhere.waitFor(() => elsewhere.stderr().includes("[tsmp]"), "reason line");
    expect(elsewhere.stderr()).toContain(
      `[tsmp] tracebacks are shown as the board prints them: no build/ in ${realpathSync(tmpdir())} (run tsmp monitor in the project's folder, or pass --project <dir>)\n`,
    );
    elsewhere.cli.kill("SIGINT");
    await elsewhere.exited;
  });
});
