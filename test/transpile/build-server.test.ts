import { existsSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DiagnosticsReported } from "../../src/errors.js";
import { buildStamp } from "../../src/transpile/project/build-cache.js";
import { buildServerAddress, serveBuilds, serverListening } from "../../src/transpile/project/build-server.js";
import { findProjectLayout } from "../../src/transpile/project/project-layout.js";
import { transpileOrReport } from "../../src/transpile/project/transpile-or-report.js";
import { transpileProject } from "../../src/transpile/project/transpile-project.js";
import { makeProject, removeProjects, writeSources } from "../harness/board-fixtures.js";

// `tsmp flash` builds on the project's build server when one runs: what it answers must be what
// a build in the flash's own process gives, after any edit.
const stops: (() => void)[] = [];
beforeEach(() => vi.stubEnv("TSMP_BUILD_SERVER", "1"));
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.unstubAllEnvs();
  removeProjects();
});

const outputs = (result: { files: { path: string; text: string }[] }) =>
  Object.fromEntries(result.files.map((file) => [file.path, file.text]));
const quiet = () => undefined;

/** Starts the project's server in this process; returns how many builds it has been asked for. */
async function startServer(project: string): Promise<() => number> {
  const layout = findProjectLayout(project);
  const stamp = buildStamp({});
  const { server, stop } = await serveBuilds(buildServerAddress(layout, stamp)!, project, stamp);
  stops.push(stop);
  let asked = 0;
  server.on("connection", (socket) => socket.once("data", () => asked++));
  return () => asked;
}

/** Builds as `tsmp flash` does, and checks the answer against a fresh build of the project as it is now. */
async function flashBuild(project: string): Promise<Record<string, string>> {
  const built = outputs(await transpileOrReport(project, quiet, { server: "start" }));
  expect(built).toEqual(outputs(transpileProject(project)));
  return built;
}

async function reportedErrors(project: string): Promise<string> {
  let reported = "";
  await expect(transpileOrReport(project, (text) => (reported += text), { server: "start" })).rejects.toBeInstanceOf(DiagnosticsReported);
  return reported;
}

describe("the build server", () => {
  it("answers what a build in process gives, edit after edit, errors included", async () => {
    const project = makeProject({
      "main.ts": 'import { limit } from "./settings";\nimport { twice } from "./other";\nconsole.log(`${limit} ${twice(2)}`);\n',
      "settings.ts": "export const limit = 3;\n",
      "other.ts": "export function twice(n: number): number {\n  return n * 2;\n}\n",
    });
    await transpileOrReport(project, quiet);
    const asked = await startServer(project);

    writeSources(project, { "other.ts": "export function twice(n: number): number {\n  return n + n;\n}\n" });
    await flashBuild(project);
    // The importer of a module whose exported type changed is checked again, and fails.
    writeSources(project, {
      "settings.ts": 'export const limit = "three";\n',
      "main.ts": 'import { limit } from "./settings";\nconsole.log(limit * 2);\n',
    });
    expect(await reportedErrors(project)).toContain("TS2362");
    writeSources(project, { "settings.ts": "export const limit = 4;\n" });
    expect((await flashBuild(project))["main.py"]).toContain("limit * 2");
    expect(asked()).toBe(3);
    // An unchanged flash only checks that a server listens (to start one if none does): no build is asked.
    expect(await serverListening(buildServerAddress(findProjectLayout(project), buildStamp({}))!)).toBe(true);
    await flashBuild(project);
    expect(asked()).toBe(3);
  });

  it("resolves imports again: a file added beside the sources can change what an import means", async () => {
    // Only main.ts is a root: a new file changes no root, so nothing but a new resolution sees it.
    const project = makeProject({
      "main.ts": 'import { level } from "./level";\nconsole.log(`${level + 1}`);\n',
      "level/index.ts": "export const level = 1;\n",
    });
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true }, files: ["src/main.ts"] }));
    await transpileOrReport(project, quiet);
    const asked = await startServer(project);
    writeSources(project, { "main.ts": 'import { level } from "./level";\nconsole.log(`${level + 2}`);\n' });
    const before = await flashBuild(project);

    // ./level now means level.ts, whose level is a string: `level + 2` compiles to other Python.
    writeSources(project, { "level.ts": 'export const level = "one";\n' });
    const after = await flashBuild(project);
    expect(after["level.py"]).toBeDefined();
    expect(after["main.py"]).not.toEqual(before["main.py"]);
    expect(asked()).toBe(2);
  });

  it("starts afresh when the tsconfig changes the options", async () => {
    const project = makeProject({ "main.ts": "export function f(x) {\n  return x;\n}\nconsole.log(f(1));\n" });
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: false }, include: ["src"] }));
    await transpileOrReport(project, quiet);
    const asked = await startServer(project);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true }, include: ["src"] }));
    expect(await reportedErrors(project)).toContain("TS7006");
    expect(asked()).toBe(1);
  });

  it("answers tsmp build too when it runs, and tsmp build leaves none behind", async () => {
    const project = makeProject({ "main.ts": 'import { n } from "./value";\nconsole.log(`${n}`);\n', "value.ts": "export const n = 1;\n" });
    const address = buildServerAddress(findProjectLayout(project), buildStamp({}))!;
    const build = async () => {
      const built = outputs(await transpileOrReport(project, quiet, { server: "use" }));
      expect(built).toEqual(outputs(transpileProject(project)));
      return built;
    };
    // A dead server's socket: a build that starts no server leaves it for the flash that does.
    writeFileSync(address, "");
    await build();
    expect(existsSync(address)).toBe(true);
    unlinkSync(address);
    const asked = await startServer(project);
    writeSources(project, { "value.ts": "export const n = 2;\n" });
    expect((await build())["value.py"]).toContain("n = 2");
    expect(asked()).toBe(1);
  });

  it("is not needed: with none, or a dead one's socket left, the build happens in process", async () => {
    const project = makeProject({ "main.ts": 'console.log("hi");\n' });
    const address = buildServerAddress(findProjectLayout(project), buildStamp({}))!;
    writeFileSync(address, "");
    expect(await serverListening(address)).toBe(false);
    await flashBuild(project);
    // The dead server's address is cleared for the next one.
    expect(existsSync(address)).toBe(false);
  });
});
