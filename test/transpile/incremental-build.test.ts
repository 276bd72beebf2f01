import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createIncrementalBuild } from "../../src/transpile/project/incremental-build.js";
import { transpileProject } from "../../src/transpile/project/transpile-project.js";
import { makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";

afterEach(removeProjects);

const outputs = (result: { files: { path: string; text: string }[] }) =>
  Object.fromEntries(result.files.map((file) => [file.path, file.text]));

describe("incremental build (tsmp dev)", () => {
  it("emits what a fresh build emits after each edit, including an importer whose types changed", () => {
    const project = makeProject({
      "main.ts": 'import { flag } from "./settings";\nconsole.log(`${flag}`);\n',
      "settings.ts": "export const flag = true;\n",
      "other.ts": "export function twice(n: number): number {\n  return n * 2;\n}\n",
    });
    const build = createIncrementalBuild(project);
    expect(outputs(build.rebuild())).toEqual(outputs(transpileProject(project)));

    // settings.ts's exported type changes from boolean to number: main.py's template must change with it.
    const before = outputs(build.rebuild())["main.py"];
    writeSources(project, { "settings.ts": "export const flag = 7;\n" });
    const after = build.rebuild();
    expect(outputs(after)).toEqual(outputs(transpileProject(project)));
    expect(outputs(after)["main.py"]).not.toBe(before);

    // A new module imported from the entry joins the build.
    writeSources(project, {
      "main.ts": 'import { flag } from "./settings";\nimport { twice } from "./extra";\nconsole.log(`${twice(flag)}`);\n',
      "extra.ts": 'export { twice } from "./other";\n',
    });
    expect(outputs(build.rebuild())).toEqual(outputs(transpileProject(project)));
  });

  it("reports an error the edit introduced and clears it once fixed", () => {
    const project = makeProject({ "main.ts": "const n: number = 1;\nconsole.log(n);\n" });
    const build = createIncrementalBuild(project);
    expect(build.rebuild().diagnostics).toEqual([]);
    writeSources(project, { "main.ts": 'const n: number = "one";\nconsole.log(n);\n' });
    expect(build.rebuild().diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["TS2322"]);
    writeSources(project, { "main.ts": "const n: number = 2;\nconsole.log(n);\n" });
    expect(build.rebuild().diagnostics).toEqual([]);
  });

  it("resolves an unchanged file's imports again when a new file answers them first", () => {
    // main.ts is not edited: only a new file changes where its import leads.
    const project = makeProject({
      "main.ts": 'import { v } from "./values";\nconsole.log(v + 1);\n',
      "values/index.ts": "export const v = 1;\n",
    });
    // Only the entry is a root, so a new file does not change the roots and the program is reused.
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true }, files: ["src/main.ts"] }));
    const build = createIncrementalBuild(project);
    const first = build.rebuild();
    expect(first.diagnostics).toEqual([]);
    // A string now: `v + 1` concatenates, which main.py must say.
    writeSources(project, { "values.ts": 'export const v: string = "2";\n' });
    const result = build.rebuild();
    expect(outputs(result)["main.py"]).not.toBe(outputs(first)["main.py"]);
    expect(outputs(result)).toEqual(outputs(transpileProject(project)));
  });
});
