/**
 * Waits until the build server a `tsmp flash` of `project` left behind has warmed up (it answers
 * once its first build is done), so that its warm-up does not run during the next timed command.
 * Uses the built CLI's modules (after `npm run build`): the server's address depends on the
 * transpiler it was built with, and the CLI's is dist/.
 */
export async function buildServerWarm(project: string): Promise<boolean> {
  const built = (module: string) => new URL(`../dist/transpile/project/${module}.js`, import.meta.url).href;
  const { buildStamp } = (await import(built("build-cache"))) as typeof import("../src/transpile/project/build-cache.js");
  const { buildOnServer, buildServerAddress } = (await import(
    built("build-server")
  )) as typeof import("../src/transpile/project/build-server.js");
  const { findProjectLayout } = (await import(built("project-layout"))) as typeof import("../src/transpile/project/project-layout.js");
  const stamp = buildStamp({});
  const address = buildServerAddress(findProjectLayout(project), stamp);
  for (let tries = 0; address && tries < 100; tries++) {
    if (await buildOnServer(address, project, stamp)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
