import { afterEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { flashProject } from "../../src/commands/flash.js";
import { withBoard } from "../../src/flash/connection.js";
import { loadLastBuild } from "../../src/sourcemap/last-build.js";
import { monitorBoard } from "../../src/commands/monitor.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { captureStream, makeProject, removeProjects } from "../harness/board-fixtures.js";

// tsmp monitor against a virtual board: mapped tracebacks, and a port that goes away and comes back.
let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.stop();
  board = undefined;
  removeProjects();
});

/** Starts a monitor and returns handles to type into it, read it and stop it. */
function startMonitor(path: string, project?: string) {
  let output = "";
  let status = "";
  let send: ((bytes: Uint8Array) => void) | undefined;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolveStop) => (stop = resolveStop));
  const done = monitorBoard({
    path,
    files: project ? loadLastBuild(project) : [],
    relativeTo: project,
    ...(project ? { project } : {}),
    output: (text) => (output += text),
    status: (line) => (status += `${line}\n`),
    stopped,
    onInput: (sender) => (send = sender),
  });
  const waitFor = async (test: () => boolean, what: string) => {
    const deadline = Date.now() + 45_000;
    while (!test()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; output so far: ${JSON.stringify(output)} status: ${status}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 20));
    }
  };
  return {
    async type(text: string) {
      await waitFor(() => send !== undefined, "the port to open");
      send!(Buffer.from(text, "latin1"));
    },
    output: () => output,
    status: () => status,
    waitFor,
    async stop() {
      stop();
      await done;
    },
  };
}

describe("tsmp monitor", () => {
  it("rewrites a traceback from the board to the TypeScript line", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({
      "main.ts":
        'console.log("starting");\nfunction check(value: number): void {\n  if (value > 1) throw new Error("value too big");\n}\ncheck(2);\n',
    });
    await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });
    const monitor = startMonitor(board.portPath, project);
    await monitor.type("\x04"); // soft reset at the friendly prompt: main.py runs again
    await monitor.waitFor(() => monitor.output().includes("value too big"), "the traceback");
    await monitor.stop();
    expect(monitor.output()).toContain("starting");
    expect(monitor.output()).toMatch(/File "src\/main\.ts", line 3/);
    expect(monitor.output()).not.toMatch(/File "main\.py"/);
  });

  it("checks a traceback that ended the program against the board, and leaves it as printed when the board runs another build", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({ "main.ts": 'console.log("built here");\nthrow new Error("from the build");\n' });
    await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });
    // main.py replaced behind tsmp's back (another computer, mpremote): the local record still says it matches.
    await withBoard({ port: board.portPath }, async (connection) => {
      await connection.fs.writeFile(
        "main.py",
        Buffer.from('print("flashed elsewhere")\ndef fail():\n    raise ValueError("elsewhere")\nfail()\n'),
      );
    });
    const monitor = startMonitor(board.portPath, project);
    // Ctrl-B: the friendly REPL, whatever mode the board was left in; Ctrl-D there soft-resets, so main.py runs again.
    await monitor.type("\x02\x04");
    await monitor.waitFor(() => monitor.output().includes("ValueError: elsewhere"), "the traceback");
    await monitor.waitFor(() => monitor.output().endsWith(">>> "), "the prompt after it");
    await monitor.stop();
    expect(monitor.output()).toContain('File "main.py", line 4, in <module>');
    expect(monitor.output()).not.toContain("src/main.ts");
    expect(monitor.status()).toContain(
      `[tsmp] this traceback is shown as the board printed it: the board's main.py is not what ${join(project, "build")} holds`,
    );
    // The check's raw REPL visit does not show: one banner, after the traceback.
    expect(monitor.output().split("raw REPL").length).toBe(1);
  });

  it("waits for a port that disappears and reconnects when it comes back", async () => {
    board = await VirtualBoard.start({ faults: { dropAfterBytes: 3 } });
    const monitor = startMonitor(board.portPath);
    await monitor.type("\r\r\r");
    await board.linkDropped;
    await monitor.waitFor(() => monitor.status().includes("disappeared"), "the disconnect");
    await board.replug();
    await monitor.waitFor(() => monitor.status().includes("reconnected"), "the reconnect");
    await monitor.type("print(6 * 7)\r");
    await monitor.waitFor(() => monitor.output().includes("42"), "the board's answer");
    await monitor.stop();
  });
});
