import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DiagnosticsReported } from "../../errors.js";
import { buildOnServer, buildServerAddress, serverListening, spawnBuildServer } from "./build-server.js";
import { buildStamp, readStoredBuild, unchangedResult, writeStoredBuild } from "./build-cache.js";
import { formatDiagnostic } from "./format-diagnostic.js";
import { findProjectLayout } from "./project-layout.js";
import type { TranspileResult } from "./transpile-project.js";

/**
 * Transpiles a project or file, printing its diagnostics; throws DiagnosticsReported (exit 1,
 * messages already shown) when there are errors. What every command that builds calls.
 */
export async function transpileOrReport(
  input: string,
  stderr: (text: string) => void,
  options: {
    storeBuild?: boolean;
    /**
     * "start": build on the project's build server, and leave one behind when there is none
     * (`tsmp flash`); "use": build on it when one is running (`tsmp build`); none by default.
     */
    server?: "start" | "use";
  } = {},
): Promise<TranspileResult> {
  const result = await transpileOverLastBuild(input, options.storeBuild ?? true, options.server);
  for (const diagnostic of result.diagnostics) stderr(`${formatDiagnostic(diagnostic)}\n`);
  const errors = result.diagnostics.filter((d) => d.category === "error").length;
  if (errors > 0) throw new DiagnosticsReported(errors);
  return result;
}

/**
 * Transpiles, reusing what the project's last build (in any process) stored: nothing is parsed
 * when no input changed, and only what an edit affects is checked and transformed otherwise.
 */
async function transpileOverLastBuild(
  input: string,
  storeBuild: boolean,
  serverUse: "start" | "use" | undefined,
): Promise<TranspileResult> {
  const layout = findProjectLayout(input);
  const stamp = buildStamp({});
  // TSMP_BUILD_SERVER=0: every build in its own process (the test suite's CLI runs, for one).
  const server = serverUse && storeBuild && process.env.TSMP_BUILD_SERVER !== "0" ? buildServerAddress(layout, stamp) : undefined;
  const resident = serverUse === "start";
  const stored = readStoredBuild(layout, stamp);
  const unchanged = stored && unchangedResult(layout, stored);
  if (unchanged) {
    // Started now, the server is warm for the build after the next edit.
    if (server && resident && !(await serverListening(server))) spawnBuildServer(server, resolve(input), stamp);
    return unchanged;
  }
  const served = server && (await buildOnServer(server, resolve(input), stamp));
  if (served) return served;
  const { buildOverStored } = await loadTranspiler();
  const built = buildOverStored(layout, {}, stamp, stored);
  if (storeBuild && built.result.diagnostics.length === 0) writeStoredBuild(layout, built.stored);
  if (server && resident) spawnBuildServer(server, resolve(input), stamp);
  return built.result;
}

type Transpiler = typeof import("./persistent-build.js");

/**
 * The transpiler, loaded only when a build has to run (the TypeScript compiler takes a good part
 * of a second to load), from the one-file bundle `npm run build` makes of it
 * (scripts/bundle-transpiler.js): Node resolves, reads and links about 130 modules otherwise,
 * about 4 % of a cold build's CPU. A build by tsc alone (and tsx, vitest) has no bundle.
 */
const bundle = new URL("./persistent-build.bundle.js", import.meta.url);
const loadTranspiler = (): Promise<Transpiler> =>
  existsSync(bundle) ? (import(bundle.href) as Promise<Transpiler>) : import("./persistent-build.js");
