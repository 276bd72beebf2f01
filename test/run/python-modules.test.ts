import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runEmittedProgram } from "../../src/run/micropython/run-emitted-program.js";
import { recordingFake, runProgram } from "../../src/run/testing.js";
import { transpileProject } from "../../src/transpile/index.js";
import { runOnNode } from "../../src/run/node/run-on-node.js";
import { NoPythonImplementation } from "../../src/runtime-shim/python-modules.js";
import { transpileSnippet } from "../harness/differential.js";

/** A project whose firmware uses a local Python driver (thermo.py + thermo.d.ts) and a declared board module (heapq). */
const project = fileURLToPath(new URL("../fixtures/python-driver", import.meta.url));

/** What thermo.py does, written in TypeScript for the Node side. */
class FakeThermo {
  private reads = 0;
  constructor(
    readonly bus: number,
    readonly options: { address?: number } = {},
  ) {}
  read_celsius(): number {
    this.reads += 1;
    return 20 + this.reads;
  }
}
const fakeThermo = { Thermo: FakeThermo, describe: (sensor: FakeThermo) => `thermo@0x${(sensor.options.address ?? 0x48).toString(16)}` };
const fakeHeapq = {
  heappush: (heap: number[], item: number) => {
    heap.push(item);
    heap.sort((a, b) => a - b);
  },
  heappop: (heap: number[]) => heap.shift(),
};

async function runOnMicroPythonVm(): Promise<string> {
  const build = transpileProject(project);
  expect(build.diagnostics).toEqual([]);
  let stdout = "";
  let stderr = "";
  const code = await runEmittedProgram(
    { files: build.files, entry: build.entry! },
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), clock: "virtual" },
  );
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return stdout;
}

describe("Python modules imported from TypeScript", () => {
  it("copies a local .py driver into the build and imports it by its module name", () => {
    const build = transpileProject(project);
    expect(build.diagnostics).toEqual([]);
    expect(build.files.map((file) => file.path).sort()).toEqual(["_tsmp.py", "_tsmp_float_str.py", "drivers/thermo.py", "main.py"]);
    const main = build.files.find((file) => file.path === "main.py")!.text;
    expect(main).toContain("import heapq\n");
    expect(main).toContain("from drivers.thermo import describe, Thermo\n");
    expect(main).toContain("Thermo(1, address=0x49)");
  });

  it("runs the same on MicroPython (the real driver) and on Node (the test's stand-in)", async () => {
    const micropython = await runOnMicroPythonVm();
    expect(micropython).toBe("thermo@0x49\ncoolest 21\n");
    const node = await runProgram(project, { modules: { "drivers.thermo": fakeThermo, heapq: fakeHeapq } });
    expect(node.error).toBeUndefined();
    expect(node.stdout).toBe(micropython);
  });

  it("records the calls the program made into a recording fake", async () => {
    const thermo = recordingFake(fakeThermo);
    const run = await runProgram(project, { modules: { "drivers.thermo": thermo.module, heapq: fakeHeapq } });
    expect(run.error).toBeUndefined();
    expect(thermo.calls).toEqual([
      { name: "Thermo", args: [1, { address: 0x49 }] },
      { name: "describe", args: [expect.any(FakeThermo)] },
      { name: "Thermo.read_celsius", args: [] },
      { name: "Thermo.read_celsius", args: [] },
      { name: "Thermo.read_celsius", args: [] },
    ]);
  });

  it("on Node without a stand-in, says the module is Python and how to give it one", async () => {
    const run = await runProgram(project, { modules: { heapq: fakeHeapq } });
    expect(run.error).toBeInstanceOf(NoPythonImplementation);
    expect((run.error as Error).message).toMatch(
      /^drivers\.thermo is a Python module \(.*src\/drivers\/thermo\.py\) and has no implementation on Node/,
    );
    let stderr = "";
    const code = await runOnNode(project, { stdout: () => undefined, stderr: (text) => (stderr += text) });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'tsmp: heapq is a Python module (declared as board:heapq) and has no implementation on Node: run the program with --target micropython, or test it with tsmp/testing\'s runProgram(…, { modules: { "heapq": … } })\n',
    );
  });

  it("names a stand-in's missing export when the program uses it", async () => {
    const run = await runProgram(project, { modules: { "drivers.thermo": { describe: fakeThermo.describe }, heapq: fakeHeapq } });
    expect((run.error as Error).message).toBe("the stand-in for Python module drivers.thermo has no 'Thermo'");
  });

  it("TSMP1209: a board: specifier that is not a Python module name", () => {
    expect(() =>
      transpileSnippet({
        "main.ts": `import * as m from "board:not-a-module";\nconsole.log(m);`,
        "m.d.ts": `declare module "board:not-a-module" { export const x: number; }`,
      }),
    ).toThrow(/TSMP1209: 'board:not-a-module' does not name a Python module/);
  });
});
