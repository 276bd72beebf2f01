import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildStamp, type StoredBuild } from "../../src/transpile/project/build-cache.js";
import { buildOverStored, type WarmProgram } from "../../src/transpile/project/persistent-build.js";
import { findProjectLayout } from "../../src/transpile/project/project-layout.js";
import { transpileProject, type TranspileResult } from "../../src/transpile/project/transpile-project.js";
import { makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";

// A build that continues a stored one re-checks and re-transforms only what an edit can affect.
// The build server learns each file's exported shape, so that an edit inside a function body
// re-does that file alone, while an edit of an exported type still re-does every importer whose
// output or diagnostics depend on it (type-directed emit).
afterEach(() => removeProjects());

const outputs = (result: TranspileResult) => Object.fromEntries(result.files.map((file) => [file.path, file.text]));
const errors = (result: TranspileResult) => result.diagnostics.map((diagnostic) => `${diagnostic.file}: ${diagnostic.code}`);

/** A project built once in process (as a fresh `tsmp flash` leaves it), then by a resident build (the build server). */
function servedProject(sources: Record<string, string>) {
  const project = makeProject(sources);
  const layout = findProjectLayout(project);
  const stamp = buildStamp({});
  let stored: StoredBuild = buildOverStored(layout, {}, stamp, undefined).stored;
  const warm: WarmProgram = { parsed: new Map() };
  const build = (resident = true) => {
    const built = buildOverStored(layout, {}, stamp, stored, resident ? warm : undefined);
    if (built.result.diagnostics.length === 0) stored = built.stored;
    // What it gives must be what a build from nothing gives.
    expect(outputs(built.result)).toEqual(outputs(transpileProject(project)));
    return built;
  };
  build();
  /** The stored emit of `file`: the same object after a build that reused it rather than transforming the module again. */
  const module = (file: string) => stored.modules[join(project, "src", file)];
  return { project, build, module };
}

const settings = "export const limit = 3;\n";
const main = 'import { limit } from "./settings";\nimport { twice } from "./other";\nconsole.log(`${limit + 1} ${twice(2)}`);\n';
const other = "export function twice(n: number): number {\n  return n * 2;\n}\n";

describe("a build over the stored one", () => {
  it("re-transforms only the edited module when an edit keeps its exports", () => {
    const { project, build, module } = servedProject({ "main.ts": main, "settings.ts": settings, "other.ts": other });
    const mainBefore = module("main.ts");
    const settingsBefore = module("settings.ts");
    writeSources(project, { "other.ts": "export function twice(n: number): number {\n  return n + n;\n}\n" });
    expect(outputs(build().result)["other.py"]).toContain("n + n");
    expect(module("main.ts")).toBe(mainBefore);
    expect(module("settings.ts")).toBe(settingsBefore);
  });

  it("re-transforms the importers of a module whose exported type changed, though they were not edited", () => {
    const { project, build, module } = servedProject({ "main.ts": main, "settings.ts": settings, "other.ts": other });
    const before = outputs(build().result)["main.py"];
    const mainBefore = module("main.ts");
    // `limit + 1` was numeric addition; on a string it is concatenation: other Python for main.
    writeSources(project, { "settings.ts": 'export const limit: string = "3";\n' });
    const after = outputs(build().result)["main.py"];
    expect(after).not.toEqual(before);
    expect(module("main.ts")).not.toBe(mainBefore);
  });

  it("reports an importer's type errors when an exported signature changes, and clears them when it changes back", () => {
    const { project, build } = servedProject({ "main.ts": main, "settings.ts": settings, "other.ts": other });
    writeSources(project, { "other.ts": "export function twice(n: string): string {\n  return n + n;\n}\n" });
    expect(errors(build().result)).toEqual([`${join(project, "src", "main.ts")}: TS2345`]);
    writeSources(project, { "other.ts": other });
    expect(errors(build().result)).toEqual([]);
  });

  it("sees an exported type's change in a build of its own process, after the server learned the shapes", () => {
    const { project, build, module } = servedProject({ "main.ts": main, "settings.ts": settings, "other.ts": other });
    const mainBefore = module("main.ts");
    writeSources(project, { "settings.ts": 'export const limit: string = "3";\n' });
    build(false);
    expect(module("main.ts")).not.toBe(mainBefore);
    writeSources(project, { "other.ts": "export function twice(n: string): string {\n  return n + n;\n}\n" });
    expect(errors(build(false).result)).toEqual([`${join(project, "src", "main.ts")}: TS2345`]);
  });

  it("changes nothing for an edit that leaves the text as it was, or only its blank lines", () => {
    const { project, build, module } = servedProject({ "main.ts": main, "settings.ts": settings, "other.ts": other });
    const before = outputs(build().result);
    const mainBefore = module("main.ts");
    const otherBefore = module("other.ts");
    writeSources(project, { "other.ts": other });
    expect(outputs(build().result)).toEqual(before);
    expect(module("other.ts")).toBe(otherBefore);
    writeSources(project, { "other.ts": `${other}\n\n` });
    expect(outputs(build().result)).toEqual(before);
    expect(module("main.ts")).toBe(mainBefore);
  });
});
