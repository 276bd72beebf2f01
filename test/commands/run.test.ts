import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/commands/run.js";
import { packagePath } from "../../src/package-paths.js";

// These run the built CLI (`npm test` builds first), as a user would.
const scratch = mkdtempSync(join(tmpdir(), "tsmp-run-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tsmp(...args: string[]) {
  const result = spawnSync(process.execPath, [packagePath("bin", "tsmp.js"), "run", ...args], {
    encoding: "utf8",
    cwd: scratch,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function program(name: string, source: string): string {
  const path = join(scratch, name);
  writeFileSync(path, source);
  return path;
}

describe("tsmp run (micropython target)", () => {
  it("runs the blink template: its own lines on stdout, LED changes on stderr, the same timeline as on Node", () => {
    const onVm = join(scratch, "vm.json");
    const onNode = join(scratch, "node.json");
    const result = tsmp(packagePath("templates", "blink"), "--virtual-clock", "--trace", onVm);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s\ndone\n");
    const log = result.stderr.trimEnd().split("\n");
    expect(log.slice(0, 4)).toEqual([
      "t=0.000s  LED1 ● LED2 ●",
      "t=0.005s  LED1 ○ LED2 ○",
      "t=0.405s  LED1 ○ LED2 ●",
      "t=0.410s  LED1 ○ LED2 ○",
    ]);
    // 15 flashes of LED 1 and 25 of LED 2, on and off, the first two together.
    expect(log).toHaveLength(78);

    expect(tsmp(packagePath("templates", "blink"), "--target", "node", "--trace", onNode).code).toBe(0);
    const vm = JSON.parse(readFileSync(onVm, "utf8"));
    expect(vm.entries).toHaveLength(80);
    expect(vm).toEqual(JSON.parse(readFileSync(onNode, "utf8")));
  });

  it("runs on the wall clock by default, printing as the program goes", () => {
    const file = program(
      "ticks.ts",
      `import * as asyncio from "tsmp/asyncio";
async function main(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    console.log(\`tick \${i}\`);
    await asyncio.sleep_ms(20);
  }
  return 3;
}
const ticks = asyncio.run(main());
console.log(\`after \${ticks} ticks\`);
`,
    );
    expect(tsmp(file)).toEqual({ code: 0, stdout: "tick 0\ntick 1\ntick 2\nafter 3 ticks\n", stderr: "" });
  });

  it("maps an uncaught exception's traceback to the TypeScript lines and exits 1", () => {
    const file = program(
      "fails.ts",
      `function check(reading: number): number {
  if (reading > 100) {
    throw new Error(\`reading out of range: \${reading}\`);
  }
  return reading;
}

console.log("checking");
check(250);
console.log("not reached");
`,
    );
    const result = tsmp(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("checking\n");
    expect(result.stderr).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "fails\.ts", line 9, in <module>\n {2}File "fails\.ts", line 3, in check\n.*reading out of range: 250\n$/s,
    );
  });

  it("turns Ctrl-C into a KeyboardInterrupt in the program, exit code 130", async () => {
    const file = program(
      "forever.ts",
      `import * as asyncio from "tsmp/asyncio";
import { LED } from "tsmp/pyb";

async function heartbeat(led: LED): Promise<void> {
  for (;;) {
    led.toggle();
    await asyncio.sleep_ms(100);
  }
}

console.log("beating");
asyncio.run(heartbeat(new LED(1)));
`,
    );
    const child = spawn(process.execPath, [packagePath("bin", "tsmp.js"), "run", file], { cwd: scratch });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (data: Buffer) => {
        stdout += data.toString();
        if (stdout.includes("beating")) resolve();
      }),
    );
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    // Ctrl-C lands while asyncio.run waits for the next wake-up, or in the task as it toggles the LED.
    expect(stderr.slice(stderr.indexOf("Traceback"))).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "forever\.ts", line 12, in <module>\n( {2}File "forever\.ts", line 6, in heartbeat\n)?KeyboardInterrupt: \n$/,
    );
  });

  it("prints diagnostics and exits 1 without running a program that does not typecheck", () => {
    const file = program("typo.ts", 'console.log("start");\nconst count: number = "three";\n');
    const result = tsmp(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("typo.ts:2:7 - error TS2322: Type 'string' is not assignable to type 'number'.");
  });

  it("refuses on --target node, with tsmp build's diagnostics, a program that cannot be flashed", () => {
    const file = program("stamp.ts", 'console.log("start");\nconst started = new Date();\nconsole.log(started);\n');
    const result = tsmp(file, "--target", "node");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("stamp.ts:2:21 - error TSMP1123: Date objects are not supported");
    expect(result.stderr).not.toContain("at ");
  });

  it("says so when the input does not exist", async () => {
    await expect(run(join(scratch, "no-such-project"), {})).rejects.toThrowError(
      `${join(scratch, "no-such-project")}: no such file or folder`,
    );
  });

  it("says so when a project has no entry module to run", async () => {
    const dir = join(scratch, "library");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ include: ["src"] }));
    writeFileSync(join(dir, "src", "util.ts"), "export const answer = 42;\n");
    await expect(run(dir, { virtualClock: true })).rejects.toThrowError(`${dir}: nothing to run (a project runs src/main.ts or main.ts)`);
  });

  it("rejects options that contradict each other", async () => {
    const blink = packagePath("templates", "blink");
    await expect(run(blink, { realtime: true, virtualClock: true })).rejects.toThrowError(
      "--realtime and --virtual-clock exclude each other",
    );
    await expect(run(blink, { port: "/dev/null", target: "node" })).rejects.toThrowError("--port runs on the board; leave out --target");
    await expect(run(blink, { port: "/dev/null", virtualClock: true })).rejects.toThrowError(
      "--realtime, --virtual-clock and --trace apply to --target node or micropython, not to a board",
    );
    await expect(run(blink, { trace: "out.png" })).rejects.toThrowError("--trace out.png: use a .svg (picture) or .json (data) file name");
  });
});
