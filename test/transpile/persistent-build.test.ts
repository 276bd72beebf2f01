import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiagnosticsReported } from "../../src/errors.js";
import { buildCachePath, type StoredBuild } from "../../src/transpile/project/build-cache.js";
import { findProjectLayout } from "../../src/transpile/project/project-layout.js";
import { transpileOrReport } from "../../src/transpile/project/transpile-or-report.js";
import { transpileProject } from "../../src/transpile/project/transpile-project.js";
import { makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";

afterEach(removeProjects);

const outputs = (result: { files: { path: string; text: string }[] }) =>
  Object.fromEntries(result.files.map((file) => [file.path, file.text]));
const quiet = () => undefined;
const storePath = (project: string) => buildCachePath(findProjectLayout(project));
const readStore = (project: string) => JSON.parse(readFileSync(storePath(project), "utf8")) as StoredBuild;

/** Marks one stored module's output, to tell a reused emit from a fresh one. */
function markStoredModule(project: string, module: string): void {
  const store = readStore(project);
  const marked = [
    Object.entries(store.modules).find(([fileName]) => fileName.endsWith(`/src/${module}`))![1].file,
    store.result.files.find((file) => file.sourcePath?.endsWith(`/src/${module}`))!,
  ];
  for (const file of marked) file.text += "# from the store\n";
  writeFileSync(storePath(project), JSON.stringify(store));
}

describe("builds that continue the last one (tsmp build, flash and run)", () => {
  it("emits what a fresh build emits, re-emitting only what an edit affects", async () => {
    const project = makeProject({
      "main.ts": 'import { flag } from "./settings";\nimport { twice } from "./other";\nconsole.log(`${flag} ${twice(2)}`);\n',
      "settings.ts": "export const flag = true;\n",
      "other.ts": "export function twice(n: number): number {\n  return n * 2;\n}\n",
    });
    expect(outputs(await transpileOrReport(project, quiet))).toEqual(outputs(transpileProject(project)));

    // A body edit keeps other.ts's exported shape: main.py and settings.py come from the store.
    markStoredModule(project, "settings.ts");
    writeSources(project, { "other.ts": "export function twice(n: number): number {\n  return n + n;\n}\n" });
    const edited = outputs(await transpileOrReport(project, quiet));
    expect(edited["settings.py"]).toContain("# from the store");
    expect(edited["other.py"]).toEqual(outputs(transpileProject(project))["other.py"]);

    // settings.ts's exported type changes from boolean to number: its importer is emitted again.
    writeSources(project, { "settings.ts": "export const flag = 7;\n" });
    expect(outputs(await transpileOrReport(project, quiet))).toEqual(outputs(transpileProject(project)));
  });

  it("answers an unchanged project from the store, and sees a file that came", async () => {
    const project = makeProject({
      "main.ts": "const reading: Reading = { n: 1 };\nconsole.log(typeof reading);\n",
      "reading.d.ts": "interface Reading {\n  n: number;\n}\n",
    });
    await transpileOrReport(project, quiet);
    markStoredModule(project, "main.ts");
    expect(outputs(await transpileOrReport(project, quiet))["main.py"]).toContain("# from the store");

    // A new declaration file the tsconfig takes in adds a member main.ts's object lacks.
    writeSources(project, { "label.d.ts": "interface Reading {\n  label: string;\n}\n" });
    let reported = "";
    await expect(transpileOrReport(project, (text) => (reported += text))).rejects.toBeInstanceOf(DiagnosticsReported);
    expect(reported).toContain("TS2741");
  });

  it("reports an error the edit introduced on every build until it is fixed", async () => {
    const project = makeProject({ "main.ts": 'import { n } from "./value";\nconsole.log(`${n}`);\n', "value.ts": "export const n = 1;\n" });
    await transpileOrReport(project, quiet);
    writeSources(project, { "value.ts": 'export const n: number = "one";\n' });
    for (let run = 0; run < 2; run++) {
      let reported = "";
      await expect(transpileOrReport(project, (text) => (reported += text))).rejects.toBeInstanceOf(DiagnosticsReported);
      expect(reported).toContain("TS2322");
    }
    writeSources(project, { "value.ts": "export const n = 2;\n" });
    expect(outputs(await transpileOrReport(project, quiet))).toEqual(outputs(transpileProject(project)));
  });

  it("builds from scratch over a damaged store", async () => {
    const project = makeProject({ "main.ts": "console.log(`${1 + 1}`);\n" });
    await transpileOrReport(project, quiet);
    writeFileSync(storePath(project), "{ not json");
    expect(outputs(await transpileOrReport(project, quiet))).toEqual(outputs(transpileProject(project)));
    expect(readStore(project).result.files.map((file) => file.path)).toEqual(
      ["main.py", "_tsmp.py"].filter((path) => path in outputs(transpileProject(project))),
    );
    expect(join(project, "build", ".tsmp-build-cache.json")).toBe(storePath(project));
  });

  it("builds the file asked for, not the last one built in the same folder", async () => {
    const project = makeProject({ "first.ts": 'console.log("first");\n', "second.ts": 'console.log("second");\n' });
    const first = await transpileOrReport(join(project, "src", "first.ts"), quiet);
    expect(Object.keys(outputs(first))).toContain("first.py");
    const second = outputs(await transpileOrReport(join(project, "src", "second.ts"), quiet));
    expect(second["second.py"]).toContain('print("second")');
    expect(Object.keys(second)).not.toContain("first.py");
  });
});
