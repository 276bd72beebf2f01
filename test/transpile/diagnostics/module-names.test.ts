import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";

const transpiler = createTranspiler({ sourceMaps: false });

function codesAndMessages(files: Record<string, string>): string[] {
  return transpiler.transpileFiles(files).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
}

describe("module files whose names Python cannot import", () => {
  it("TSMP1210 a kebab-case file is reported as that, not as outside the source root", () => {
    const found = codesAndMessages({ "main.ts": `import { n } from "./my-utils";\nconsole.log(n);`, "my-utils.ts": `export const n = 1;` });
    expect(found).toContain(
      "TSMP1210 'my-utils' cannot be a Python module name (Python imports identifiers that are not keywords); rename the file or folder, e.g. 'my_utils'.",
    );
    expect(found.join("\n")).not.toMatch(/TSMP1206/);
  });
  it("TSMP1210 a file named like a Python keyword", () => {
    const found = codesAndMessages({ "main.ts": `import { v } from "./import";\nconsole.log(v);`, "import.ts": `export const v = 2;` });
    expect(found).toContain(
      "TSMP1210 'import' cannot be a Python module name (Python imports identifiers that are not keywords); rename the file or folder, e.g. 'import_'.",
    );
  });
  it("a module with a valid name still builds", () => {
    expect(codesAndMessages({ "main.ts": `import { v } from "./imports";\nconsole.log(v);`, "imports.ts": `export const v = 2;` })).toEqual(
      [],
    );
  });
});
