import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { makeProject, removeProjects } from "../harness/board-fixtures.js";

// Defects found using the CLI as a new user would (issue 14, item 7), each as the user met it:
// the built CLI in its own process.

const cli = packagePath("bin/tsmp.js");
const built = existsSync(packagePath("dist/cli/main.js"));
const tsmp = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 30_000 });

let board: VirtualBoard | undefined;
afterEach(async () => {
  await board?.stop();
  board = undefined;
  removeProjects();
});

describe.skipIf(!built)("the CLI's own errors", () => {
  it("reports a usage error in one tsmp: line, like every other error", () => {
    const result = tsmp(["build", "--bogus"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("tsmp: unknown option '--bogus'\n");
  });

  it("takes --baud with run --port, and refuses a baud rate of 0 everywhere", () => {
    expect(tsmp(["run", ".", "--baud", "9600"]).stderr).toBe("tsmp: --baud applies to a board: give --port too\n");
    for (const args of [
      ["run", ".", "--port", "/dev/null", "--baud", "0"],
      ["firmware", "flash", "x.bin", "--baud", "0"],
    ]) {
      const result = tsmp(args);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        "tsmp: option '-b, --baud <rate>' argument '0' is invalid. expected a positive whole number of bits per second\n",
      );
    }
  });

  it("checks the --trace folder before running the program", () => {
    const project = makeProject({ "main.ts": 'console.log("ran");\n' });
    const result = tsmp(["run", project, "--trace", "/missing/dir/x.svg"]);
    expect(result.stderr).toBe("tsmp: --trace /missing/dir/x.svg: the folder /missing/dir does not exist\n");
    expect(result.stdout).toBe("");
    expect(result.status).toBe(1);
  });

  it("says nothing about a connection to a port that does not exist", () => {
    const result = tsmp(["monitor", "--port", "/dev/tsmp-no-such-port"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "tsmp: serial port /dev/tsmp-no-such-port does not exist (is the board plugged in? `tsmp ports` lists ports)\n",
    );
  });

  it("explains that virtual boards are not listed, and lists ports as JSON", () => {
    const listing = tsmp(["ports", "--json"]);
    expect(listing.status).toBe(0);
    expect(Array.isArray(JSON.parse(listing.stdout))).toBe(true);
    const auto = tsmp(["fs", "ls"]);
    expect(auto.stderr).toContain("Virtual boards from `tsmp virtual-board` or `tsmp virtual-esp32` are ptys");
  });
});

describe.skipIf(!built)("a closed stdout", () => {
  it.each([["--target", "node"], ["--virtual-clock"]])("ends `tsmp run %s … | head` quietly", async (...flags) => {
    const project = makeProject({
      "main.ts": 'import * as time from "tsmp/time";\nwhile (true) {\n  console.log("line");\n  time.sleep_ms(1);\n}\n',
    });
    const child = spawn(process.execPath, [cli, "run", project, ...flags], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // `head -1`: read one line, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill("SIGKILL"), resolve(-1)), 40_000);
      child.once("exit", (exitCode) => (clearTimeout(timer), resolve(exitCode)));
    });
    expect(code).toBe(0);
    expect(stderr).not.toContain("EPIPE");
  });
});

describe.skipIf(!built)("virtual devices and their link paths", () => {
  it("refuses a link a running board owns, and a link in a missing folder", async () => {
    board = await VirtualBoard.start();
    const taken = tsmp(["virtual-board", "--link", board.portPath]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(
      new RegExp(
        `^tsmp: ${board.portPath} is the port of a running virtual device \\(it points at /dev/pts/\\d+\\); stop that one or choose another path\\n$`,
      ),
    );
    expect(existsSync(board.portPath)).toBe(true);
    const esp = tsmp(["virtual-esp32", "--link", "/missing/folder/esp"]);
    expect(esp.stderr).toBe("tsmp: cannot create /missing/folder/esp: the folder /missing/folder does not exist\n");
  });
});
