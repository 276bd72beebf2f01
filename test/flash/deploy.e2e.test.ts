import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { flashProject } from "../../src/commands/flash.js";
import { MANIFEST_PATH, readInstalledFiles } from "../../src/flash/deploy-record.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { captureStream, copyBlinkTemplate, makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";

// tsmp flash against a virtual MicroPython board on a real pty: the real VM, socat, serialport.
let board: VirtualBoard | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await board?.stop();
  board = undefined;
  removeProjects();
});

const text = async (path: string) => new TextDecoder().decode(await board!.readFile(path));

describe("tsmp flash", () => {
  it("flashes the blink template and it runs", async () => {
    const project = copyBlinkTemplate();
    const main = join(project, "src/main.ts");
    writeFileSync(main, readFileSync(main, "utf8").replace("sleep_ms(10_000)", "sleep_ms(300)"));
    board = await VirtualBoard.start();
    const stderr = captureStream();
    let stdout = "";
    const report = await flashProject(project, { port: board.portPath, follow: true, stdout: (t) => (stdout += t), stderr });
    expect(report.updated).toContain("main.py");
    expect(stderr.text()).toContain("Updated: main.py\n");
    expect(stdout).toBe("blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s\ndone\n");
    expect(await text("main.py")).toContain("asyncio.run(main(LED(1), LED(2)))");
    expect(readFileSync(join(project, "build/main.py"), "utf8")).toBe(await text("main.py"));
  });

  it("re-flashes only the file that changed, and removes files dropped from the project", async () => {
    const project = makeProject({
      "main.ts": 'import { greet } from "./greeting";\nimport { count } from "./counter";\nconsole.log(greet("board"), count);\n',
      "greeting.ts": 'export function greet(name: string): string {\n  return "hello " + name;\n}\n',
      "counter.ts": "export const count = 1;\n",
    });
    board = await VirtualBoard.start();
    const first = await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });
    expect(first.updated).toEqual(expect.arrayContaining(["counter.py", "greeting.py", "main.py"]));

    writeSources(project, { "greeting.ts": 'export function greet(name: string): string {\n  return "hi " + name;\n}\n' });
    const stderr = captureStream();
    const second = await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr });
    expect(second.updated).toEqual(["greeting.py"]);
    expect(second.upToDate).toEqual(expect.arrayContaining(["counter.py", "main.py"]));
    expect(stderr.text()).toContain("Up to date: main.py\n");
    expect(stderr.text()).toContain("Updated: greeting.py\n");
    expect(await text("greeting.py")).toContain('"hi "');

    writeSources(project, { "main.ts": 'import { greet } from "./greeting";\nconsole.log(greet("board"));\n' });
    const third = await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });
    expect(third.removed).toContain("counter.py");
    expect(await board.listFiles()).not.toContain("/counter.py");
    expect(await board.listFiles()).toEqual(expect.arrayContaining(["/.tsmp-manifest.json", "/greeting.py", "/main.py"]));
    expect(Object.keys(readInstalledFiles(Buffer.from(await board.readFile(MANIFEST_PATH)))!).sort()).toEqual(
      third.upToDate.concat(third.updated).sort(),
    );
  });

  // A loop that never sleeps or prints cannot see Ctrl-C on the virtual board (its VM runs in a
  // worker, busy in WebAssembly): after 0.5 s the board switches to the CPU it keeps standing by,
  // as a reset would, and replays what the host sent meanwhile, well inside tsmp's first attempt
  // to enter the raw REPL.
  it("interrupts a board stuck in an endless loop and flashes it", async () => {
    board = await VirtualBoard.start({ files: { "main.py": "while True:\n    pass\n" } });
    const project = makeProject({ "main.ts": 'console.log("replaced the loop");\n' });
    let stdout = "";
    await flashProject(project, { port: board.portPath, follow: true, stdout: (t) => (stdout += t), stderr: captureStream() });
    expect(stdout).toBe("replaced the loop\n");
  });

  it("keeps the previous main.py when the link drops mid-upload, and the next flash repairs it", async () => {
    const before = 'print("previous program")\n';
    board = await VirtualBoard.start({ files: { "main.py": before }, faults: { dropAfterBytes: 6000 } });
    // Random text, so that compression cannot shrink the upload below the drop point.
    let seed = 7;
    const word = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed.toString(36));
    const lines = Array.from({ length: 400 }, () => `console.log("${word()} ${word()} ${word()}");`).join("\n");
    const project = makeProject({ "main.ts": `${lines}\n` });
    await expect(flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() })).rejects.toThrow(
      /lost the connection to the board/,
    );
    await board.linkDropped;
    expect(await text("main.py")).toBe(before);

    await board.replug();
    const report = await flashProject(project, { port: board.portPath, stdout: () => undefined, stderr: captureStream() });
    expect(report.updated).toEqual(["main.py", "boot.py"]);
    expect(await text("main.py")).toBe(readFileSync(join(project, "build/main.py"), "utf8"));
    expect((await board.listFiles()).filter((path) => path.endsWith(".tsmp-new"))).toEqual([]);
  });

  it("re-sends a file that arrived corrupted once, says so, and installs the intact file", async () => {
    // The board flips a bit of the marker the first time it arrives: main.py's sha256 mismatches once.
    board = await VirtualBoard.start({
      files: { "main.py": 'print("previous program")\n' },
      faults: { corruptReceived: { match: "zqxjkv" } },
    });
    const project = makeProject({ "main.ts": 'console.log("line noise zqxjkv");\n' });
    const stderr = captureStream();
    let stdout = "";
    const report = await flashProject(project, { port: board.portPath, follow: true, stdout: (t) => (stdout += t), stderr });
    expect(report.updated).toEqual(["main.py", "boot.py"]);
    expect(stderr.text().match(/^Retrying main\.py \(sha256 mismatch\)$/gm)).toHaveLength(1);
    expect(stderr.text()).toContain("Updated: main.py\n");
    expect(await text("main.py")).toBe(readFileSync(join(project, "build/main.py"), "utf8"));
    expect(stdout).toBe("line noise zqxjkv\n");
  });

  it("gives up after two retries of a file that keeps arriving corrupted, keeping the previous main.py", async () => {
    const before = 'print("previous program")\n';
    board = await VirtualBoard.start({ files: { "main.py": before }, faults: { corruptReceived: { match: "zqxjkv", count: Infinity } } });
    const project = makeProject({ "main.ts": 'console.log("line noise zqxjkv");\n' });
    const stderr = captureStream();
    await expect(flashProject(project, { port: board.portPath, stdout: () => undefined, stderr })).rejects.toThrow(
      "main.py arrived corrupted 3 times (sha256 mismatch); check the cable and try again",
    );
    expect(stderr.text().match(/^Retrying main\.py \(sha256 mismatch\)$/gm)).toHaveLength(2);
    expect(stderr.text()).not.toContain("Updated:");
    expect(await text("main.py")).toBe(before);
    expect(await board.listFiles()).not.toContain("/.tsmp-manifest.json");
  });

  it("tsmp flash on the command line: a file that never arrives intact ends in one tsmp: line and exit 1", async () => {
    board = await VirtualBoard.start({ faults: { corruptReceived: { match: "zqxjkv", count: Infinity } } });
    const project = makeProject({ "main.ts": 'console.log("line noise zqxjkv");\n' });
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation((t: string | Uint8Array) => ((stderr += Buffer.from(t).toString()), true));
    const code = await main(["node", "tsmp", "flash", project, "--port", board.portPath]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tsmp: main\.py arrived corrupted 3 times \(sha256 mismatch\); check the cable and try again$/m);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("falls back to paced raw writes on a board that refuses raw-paste", async () => {
    board = await VirtualBoard.start({ faults: { refuseRawPaste: true } });
    const project = makeProject({ "main.ts": 'console.log("no raw-paste needed");\n' });
    let stdout = "";
    await flashProject(project, { port: board.portPath, follow: true, stdout: (t) => (stdout += t), stderr: captureStream() });
    expect(stdout).toBe("no raw-paste needed\n");
  });

  it("tsmp flash on the command line: status lines on stderr, nothing on stdout, exit 0", async () => {
    board = await VirtualBoard.start();
    const project = makeProject({ "main.ts": 'console.log("from the CLI");\n' });
    let stdout = "";
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((t: string | Uint8Array) => ((stdout += Buffer.from(t).toString()), true));
    vi.spyOn(process.stderr, "write").mockImplementation((t: string | Uint8Array) => ((stderr += Buffer.from(t).toString()), true));
    const first = await main(["node", "tsmp", "flash", project, "--port", board.portPath]);
    const second = await main(["node", "tsmp", "flash", project, "--port", board.portPath]);
    vi.restoreAllMocks();
    expect([first, second]).toEqual([0, 0]);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Updated: main\.py$/m);
    expect(stderr).toMatch(/^Sent \d+ B in [\d.]+ s \([\d.]+ (B|KB)\/s\)$/m);
    expect(stderr).toMatch(/^Up to date: main\.py$/m);
  });
});
