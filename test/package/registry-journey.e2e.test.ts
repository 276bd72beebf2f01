// A new user's journey, through a real npm registry on this machine: tsmp is packed and published
// to Verdaccio, then a project is made, installed, tested, type-checked, built and run the way the
// README's "Use tsmp in your own project" says, with nothing of this checkout in reach; and tsmp is
// installed globally and makes a project too. Third-party packages (TypeScript, vitest…) come
// through Verdaccio from the registry npm is configured with here, into one npm cache for the run.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { runServer } from "verdaccio";
import { afterAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";

const exec = promisify(execFile);
const version = (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;

/** The README's commands, typed in a fresh folder; each must appear in its "Use tsmp in your own project". */
const projectJourney = [
  "npx tsmp init my-firmware",
  "cd my-firmware",
  "npm install",
  "npm test",
  "npm run typecheck",
  "npx tsmp build .",
  "npx tsmp run . --target node",
  "npx tsmp run . --target micropython",
];
const globalJourney = ["npm install -g tsmp", "tsmp init my-firmware", "tsmp init my-sensor --template sensor-node"];
const blinkOutput = "blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s\ndone\n";

const scratch = mkdtempSync(join(tmpdir(), "tsmp-registry-journey-"));
let registry: Server | undefined;

afterAll(async () => {
  if (registry) {
    registry.closeAllConnections();
    await new Promise((done) => registry!.close(done));
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** The registry npm uses on this machine (Verdaccio's uplink), asked before the test replaces npm's config. */
async function configuredRegistry(): Promise<string> {
  const { stdout } = await exec("npm", ["config", "get", "registry"], { env: cleanEnv() });
  return stdout.trim();
}

/** Verdaccio on 127.0.0.1, storage in the scratch folder; tsmp is served only from what is published. */
async function startRegistry(uplink: string): Promise<string> {
  const folder = join(scratch, "registry");
  mkdirSync(folder);
  const server = (await runServer({
    configPath: join(folder, "config.yaml"),
    storage: join(folder, "storage"),
    auth: { htpasswd: { file: join(folder, "htpasswd") } },
    uplinks: { upstream: { url: uplink, timeout: "60s" } },
    packages: {
      tsmp: { access: "$all", publish: "$authenticated" },
      "**": { access: "$all", publish: "$authenticated", proxy: "upstream" },
    },
    middlewares: { audit: { enabled: false } },
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "error" },
  } as unknown as Parameters<typeof runServer>[0])) as Server;
  registry = server;
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A registry account for `npm publish` (Verdaccio registers a new user on first login). */
async function registryToken(url: string): Promise<string> {
  const response = await fetch(new URL("-/user/org.couchdb.user:journey", url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "journey", password: "journey-password" }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The environment without what `npm test` passes down (npm_config_*, this checkout's
 * node_modules/.bin on PATH), so npm in the journey knows only what the test gives it.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const path = (env.PATH ?? "").split(delimiter).filter((folder) => !folder.includes("node_modules"));
  return { ...env, PATH: path.join(delimiter), ...extra };
}

/** Runs one typed command (words split on spaces) and returns its stdout without colours; a failure shows its output. */
async function type(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const [file, ...args] = command.split(" ");
  try {
    const { stdout } = await exec(file!, args, { cwd, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout.replace(/\x1b\[[0-9;]*m/g, "");
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command}\` in ${cwd} failed:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }
}

/** Follows the commands, a `cd` moving to the folder it names; returns each command's stdout. */
async function follow(commands: string[], start: string, env: NodeJS.ProcessEnv): Promise<{ dir: string; stdout: Map<string, string> }> {
  let dir = start;
  const stdout = new Map<string, string>();
  for (const command of commands) {
    if (command.startsWith("cd ")) dir = join(dir, command.slice(3));
    else stdout.set(command, await type(command, dir, env));
  }
  return { dir, stdout };
}

/** The project's files, node_modules aside, that name a folder of this machine. */
function filesNamingMachinePaths(project: string): string[] {
  // A home of "/" (some CI containers) would match every path: only a real folder counts.
  const machinePaths = [scratch, packagePath(), homedir()].filter((path) => path.length > 1);
  return readdirSync(project, { recursive: true, encoding: "utf8" })
    .filter((file) => !file.startsWith("node_modules") && statSync(join(project, file)).isFile())
    .filter((file) => machinePaths.some((path) => readFileSync(join(project, file), "utf8").includes(path)));
}

describe("tsmp from a registry", () => {
  it("packs, publishes, and makes projects that install, test, type-check, build and run", { timeout: 900_000 }, async () => {
    const readme = readFileSync(packagePath("README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Use tsmp in your own project"));
    for (const command of [...projectJourney, ...globalJourney]) expect(section).toContain(command);

    const url = await startRegistry(await configuredRegistry());
    const npmrc = join(scratch, "npmrc");
    writeFileSync(npmrc, `registry=${url}\n//${new URL(url).host}/:_authToken=${await registryToken(url)}\n`);
    const env = cleanEnv({
      npm_config_userconfig: npmrc,
      npm_config_cache: join(scratch, "npm-cache"),
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
      npm_config_prefer_offline: "true",
    });

    // `npm test` has just built dist/; packing without scripts leaves the dist/ other tests use alone.
    const packed = await type(`npm pack --ignore-scripts --pack-destination ${scratch}`, packagePath(), env);
    const tarball = join(scratch, packed.trim().split("\n").pop()!);
    await type(`npm publish ${tarball} --ignore-scripts`, scratch, env);

    const home = join(scratch, "user");
    mkdirSync(home);
    const project = await follow(projectJourney, home, env);
    const manifest = JSON.parse(readFileSync(join(project.dir, "package.json"), "utf8"));
    expect(manifest.devDependencies.tsmp).toBe(`^${version}`);
    expect(project.stdout.get("npm test")).toMatch(/Tests\s+3 passed/);
    expect(readdirSync(join(project.dir, "build"))).toContain("main.py");
    expect(project.stdout.get("npx tsmp run . --target node")).toBe(blinkOutput);
    expect(project.stdout.get("npx tsmp run . --target micropython")).toBe(blinkOutput);
    expect(filesNamingMachinePaths(project.dir)).toEqual([]);

    const prefix = join(scratch, "global");
    const globalEnv = { ...env, npm_config_prefix: prefix, PATH: [join(prefix, "bin"), env.PATH].join(delimiter) };
    const elsewhere = join(scratch, "elsewhere");
    mkdirSync(elsewhere);
    const globally = await follow(globalJourney, elsewhere, globalEnv);
    expect((await type("tsmp --version", elsewhere, globalEnv)).trim()).toBe(version);
    // --help points at the guides the README links to, shipped in the package.
    const guides = /^Guides: (\S+)/m.exec(await type("tsmp --help", elsewhere, globalEnv))?.[1];
    expect(guides?.startsWith(prefix)).toBe(true);
    expect(readdirSync(guides!)).toEqual(expect.arrayContaining(["running.md", "testing.md", "flashing.md", "esp32.md"]));
    const made = join(globally.dir, "my-firmware");
    expect(JSON.parse(readFileSync(join(made, "package.json"), "utf8")).devDependencies.tsmp).toBe(`^${version}`);
    expect(filesNamingMachinePaths(made)).toEqual([]);
    await follow(["npm install", "npm test"], made, env);
    // The second template's own tests pass in a project of its own, installed from the registry.
    const sensor = await follow(["npm install", "npm test"], join(globally.dir, "my-sensor"), env);
    expect(sensor.stdout.get("npm test")).toMatch(/Tests\s+4 passed/);
  });
});
