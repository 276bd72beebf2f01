import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";

// `tsmp fs` as mpremote users write it (":" board paths, cp -r, folders, df, sha256sum, tree),
// through the CLI's main() against a virtual board on a pty.
let board: VirtualBoard;
let here: string;
beforeEach(async () => {
  board = await VirtualBoard.start({ files: { "main.py": "print('untouched')\n", "lib/util.py": "x = 1\n" } });
  here = mkdtempSync(join(tmpdir(), "tsmp-fs-cmds-"));
});
afterEach(async () => {
  await board.stop();
  rmSync(here, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function tsmp(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((text: string | Uint8Array) => ((stdout += Buffer.from(text).toString()), true));
  vi.spyOn(process.stderr, "write").mockImplementation((text: string | Uint8Array) => ((stderr += Buffer.from(text).toString()), true));
  try {
    const code = await main(["node", "tsmp", ...args, "--port", board.portPath]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

function localTree(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(here, path, ".."), { recursive: true });
    writeFileSync(join(here, path), text);
  }
}

const boardText = async (path: string) => new TextDecoder().decode(await board.readFile(path));

describe("tsmp fs put, get and cp", () => {
  it("puts a file into an existing board folder, leaving no temporary copy", async () => {
    localTree({ "data.txt": "some data\n" });
    expect(await tsmp("fs", "put", join(here, "data.txt"), "lib")).toMatchObject({ code: 0, stderr: "Wrote lib/data.txt (10 B)\n" });
    expect(await tsmp("fs", "put", join(here, "data.txt"), ":lib/")).toMatchObject({ code: 0, stderr: "Up to date: lib/data.txt\n" });
    expect(await board.listFiles()).toEqual(["/lib/data.txt", "/lib/util.py", "/main.py"]);
  });

  it("copies folders both ways with cp -r, skipping files the board already holds", async () => {
    localTree({ "www/index.html": "<h1>hi</h1>\n", "www/css/site.css": "h1{}\n" });
    const up = await tsmp("fs", "cp", "-r", join(here, "www"), ":");
    expect(up.code).toBe(0);
    expect(up.stderr.split("\n").filter((line) => line.startsWith("Wrote"))).toEqual([
      "Wrote www/css/site.css (5 B)",
      "Wrote www/index.html (12 B)",
    ]);
    writeFileSync(join(here, "www/index.html"), "<h1>changed</h1>\n");
    const again = await tsmp("fs", "put", join(here, "www"));
    expect(again.stderr).toMatch(/^Up to date: www\/css\/site.css\n.*Wrote www\/index.html \(17 B\)\n$/s);
    expect(await boardText("www/index.html")).toBe("<h1>changed</h1>\n");

    const back = await tsmp("fs", "cp", "-r", ":www", join(here, "copy") + "/");
    expect(back.code).toBe(0);
    expect(readFileSync(join(here, "copy/www/css/site.css"), "utf8")).toBe("h1{}\n");
    await tsmp("fs", "get", ":lib", join(here, "lib-copy"));
    expect(readFileSync(join(here, "lib-copy/util.py"), "utf8")).toBe("x = 1\n");
    await tsmp("fs", "cp", ":main.py", join(here, "main-copy.py"));
    expect(readFileSync(join(here, "main-copy.py"), "utf8")).toBe("print('untouched')\n");
  });

  it.each([
    [
      ["fs", "cp", "a.txt", "b.txt"],
      'tsmp: cp copies between this computer and the board: mark the board side with a leading ":" (tsmp fs cp main.py :main.py, tsmp fs cp -r :lib .)',
    ],
    [
      ["fs", "cp", ":main.py", ":copy.py"],
      'tsmp: cp copies between this computer and the board: mark the board side with a leading ":" (tsmp fs cp main.py :main.py, tsmp fs cp -r :lib .)',
    ],
    [["fs", "cp", ":lib", "."], "tsmp: lib is a folder on the board: copy it with cp -r"],
    [["fs", "cp", ":nothing.py", "."], "tsmp: nothing.py: no such file or folder on the board"],
    [["fs", "cp", "main.py"], "tsmp: cp needs a source and a destination (tsmp fs cp main.py :main.py)"],
    [["fs", "put", "/no/such/file.txt"], "tsmp: /no/such/file.txt: no such file or folder"],
  ])("refuses %j in one line", async (args, message) => {
    const result = await tsmp(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${message}\n`);
  });

  it("refuses a local folder without -r, and a file in place of a board folder", async () => {
    localTree({ "www/index.html": "x", lib: "not a folder here" });
    expect((await tsmp("fs", "cp", join(here, "www"), ":")).stderr).toBe(`tsmp: ${join(here, "www")} is a folder: copy it with cp -r\n`);
    const clash = await tsmp("fs", "put", join(here, "lib"), ":");
    expect(clash.stderr).toBe(`tsmp: lib is a folder on the board; cannot put the file ${join(here, "lib")} in its place\n`);
    expect(await board.listFiles()).toEqual(["/lib/util.py", "/main.py"]);
  });
});

describe("tsmp fs with board paths, df, sha256sum and tree", () => {
  it("takes ':'-prefixed paths in ls, cat, mkdir and rm", async () => {
    expect((await tsmp("fs", "cat", ":lib/util.py")).stdout).toBe("x = 1\n");
    await tsmp("fs", "mkdir", ":logs/2026");
    expect((await tsmp("fs", "ls", ":logs")).stdout).toBe("          2026/\n");
    await tsmp("fs", "rm", "-r", ":logs");
    expect((await tsmp("fs", "ls", ":")).stdout).toBe("          lib/\n       19 main.py\n");
  });

  it("prints sha256 sums as sha256sum does, and names a missing file", async () => {
    const sum = createHash("sha256").update("x = 1\n").digest("hex");
    expect(await tsmp("fs", "sha256sum", ":lib/util.py")).toMatchObject({ code: 0, stdout: `${sum}  lib/util.py\n` });
    const missing = await tsmp("fs", "sha256sum", ":lib/util.py", ":gone.py");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("tsmp: gone.py: no such file on the board (a folder has no sha256)\n");
  });

  it("shows free space and the tree of files", async () => {
    const df = await tsmp("fs", "df");
    expect(df.stdout).toMatch(/^\/: 2\.0 MB, \d+\.\d KB used, \d\.\d MB free \(\d+% used\)\n$/);
    expect((await tsmp("fs", "tree")).stdout).toBe(":\n├── lib/\n│   └── util.py (6 B)\n└── main.py (19 B)\n");
  });
});
