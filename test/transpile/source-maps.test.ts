import { describe, expect, it } from "vitest";
import { MicroPythonError, MicroPythonVm } from "../../src/vm/micropython-vm.js";
import { mapTraceback } from "../../src/sourcemap/traceback-map.js";
import { createTranspiler } from "../../src/transpile/index.js";

const transpiler = createTranspiler();

/** Runs the emitted program on the VM and returns its traceback, mapped back to the .ts lines. */
async function mappedTraceback(files: Record<string, string>): Promise<string> {
  const result = transpiler.transpileFiles(files);
  expect(result.diagnostics).toEqual([]);
  const vm = await MicroPythonVm.load();
  for (const file of result.files) vm.writeFile(`/${file.path}`, file.text);
  try {
    vm.exec(`exec(compile(open("main.py").read(), "main.py", "exec"))`);
  } catch (error) {
    if (!(error instanceof MicroPythonError)) throw error;
    return mapTraceback(error.traceback, result.files, { relativeTo: "/__tsmp_snippet__" });
  }
  throw new Error("the program did not fail");
}

describe("source maps", () => {
  it("map every frame of a traceback to the TypeScript line", async () => {
    const traceback = await mappedTraceback({
      "main.ts": [
        `import { check } from "./lib/check";`,
        ``,
        `function run(values: number[]) {`,
        `  for (const value of values) {`,
        `    check(value);`,
        `  }`,
        `}`,
        ``,
        `run([1, -2]);`,
      ].join("\n"),
      "lib/check.ts": [
        `export function check(value: number) {`,
        `  if (value < 0) {`,
        `    throw new Error("negative: " + value);`,
        `  }`,
        `}`,
      ].join("\n"),
    });
    expect(traceback).toContain(`File "main.ts", line 9, in <module>`);
    expect(traceback).toContain(`File "main.ts", line 5, in run`);
    expect(traceback).toContain(`File "lib/check.ts", line 3, in check`);
    expect(traceback).toContain("Exception: negative: -2");
  });

  it("point into class methods and multi-line statements", async () => {
    const traceback = await mappedTraceback({
      "main.ts": [
        `function reading(index: number): number {`,
        `  throw new Error("no reading " + index);`,
        `}`,
        `class Meter {`,
        `  private readings: number[] = [];`,
        ``,
        `  last(): number {`,
        `    const value = reading(`,
        `      this.readings.length - 1`,
        `    );`,
        `    return value;`,
        `  }`,
        `}`,
        `console.log(new Meter().last());`,
      ].join("\n"),
    });
    expect(traceback).toContain(`File "main.ts", line 2, in reading`);
    expect(traceback).toContain(`File "main.ts", line 8, in last`);
    expect(traceback).toContain(`File "main.ts", line 14, in <module>`);
  });
});
