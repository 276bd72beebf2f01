import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `import … from "tsmp"` as a user writes it: a script inside the package imports its own name,
 * which Node resolves through package.json's `exports` to the built dist/index.js (npm test
 * builds first). Running the compiled output is the point, so nothing here imports src/.
 */
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const folder = mkdtempSync(join(tmpdir(), "tsmp-package-entry-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function runScript(source: string): string {
  // The script lives in the package so that the self-reference `tsmp` resolves.
  const script = join(packageRoot, "test", "structure", `.package-entry-${process.pid}.mjs`);
  writeFileSync(script, source);
  try {
    return execFileSync(process.execPath, [script], { cwd: folder, encoding: "utf8" });
  } finally {
    rmSync(script, { force: true });
  }
}

describe('the package entry "tsmp"', () => {
  it("is built", () => {
    expect(existsSync(join(packageRoot, "dist", "index.js")), "dist/index.js is missing: run npm run build").toBe(true);
  });

  it("transpiles a program through the exported transpileProject", () => {
    writeFileSync(join(folder, "main.ts"), `const n: number = 6 * 7;\nconsole.log("answer", n);\n`);
    const output = runScript(`
import { transpileProject, formatDiagnostic } from "tsmp";
const result = transpileProject(${JSON.stringify(join(folder, "main.ts"))}, { sourceMaps: false });
console.log(JSON.stringify({
  diagnostics: result.diagnostics.map((d) => formatDiagnostic(d)),
  files: result.files.map((f) => f.path),
  main: result.files.find((f) => f.path === "main.py")?.text,
}));
`);
    const result = JSON.parse(output) as { diagnostics: string[]; files: string[]; main: string };
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toContain("main.py");
    expect(result.main).toContain('print("answer", n)');
  });

  it("exports the documented entry points", () => {
    const output = runScript(`
import * as tsmp from "tsmp";
console.log(Object.keys(tsmp).sort().join(" "));
`);
    expect(output.trim().split(" ")).toEqual(
      expect.arrayContaining([
        "transpileProject",
        "writeBuild",
        "runOnNode",
        "runOnMicroPython",
        "runOnBoard",
        "withBoard",
        "deployFiles",
        "VirtualBoard",
        "VirtualEsp32",
        "TsmpError",
      ]),
    );
  });
});
