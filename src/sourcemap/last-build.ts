import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { MappedFile } from "./traceback-map.js";

/** Where `tsmp flash` and `tsmp run --port` keep the Python they sent, with its source maps. */
export function buildFolder(project: string): string {
  return resolve(project, "build");
}

/**
 * The emitted modules of the last build of `project`, as far as tracebacks need them
 * (board path and source map). Empty when the project was never built.
 */
export function loadLastBuild(project: string): MappedFile[] {
  const root = buildFolder(project);
  if (!existsSync(root)) return [];
  const files: MappedFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".py")) {
        const mapPath = `${full}.map`;
        const sourceMap = existsSync(mapPath) ? readFileSync(mapPath, "utf8") : undefined;
        files.push({ path: relative(root, full).split("\\").join("/"), sourceMap, sourcePath: sourceMap && sourceOf(sourceMap, folder) });
      }
    }
  };
  walk(root);
  return files;
}

/** The .ts file a map points at; its `sources` are relative to the map's own folder. */
function sourceOf(sourceMap: string, folder: string): string | undefined {
  try {
    const map = JSON.parse(sourceMap) as { sources?: string[]; sourceRoot?: string };
    const source = map.sources?.[0];
    return source === undefined ? undefined : resolve(folder, map.sourceRoot ?? "", source);
  } catch {
    return undefined;
  }
}

/** Beside the build: which build each board got from `tsmp flash` or `tsmp dev` (sha256 of each module, by port). */
const FLASHED_RECORD = ".tsmp-flashed.json";

type FlashedRecord = Record<string, Record<string, string>>;

/** Notes that the board at `port` now holds `files` (the emitted modules of the build in `project`'s build/). */
export function recordFlashed(project: string, port: string, files: readonly { path: string; text: string }[]): void {
  const record = readRecord(project);
  record[port] = Object.fromEntries(files.map((file) => [file.path, sha256(file.text)]));
  writeFileSync(join(buildFolder(project), FLASHED_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Why `project`'s build/ cannot be trusted to map the tracebacks of the board at `port`, or
 * undefined when it is what tsmp last installed there. A board flashed since from elsewhere is
 * not seen: only the board could tell, and asking it would stop its program.
 */
export function whyBuildDoesNotMatch(project: string, port: string): string | undefined {
  const root = buildFolder(project);
  if (!existsSync(root)) return `no build/ in ${resolve(project)} (run tsmp monitor in the project's folder, or pass --project <dir>)`;
  const record = readRecord(project);
  const flashed = record[port] ?? Object.entries(record).find(([other]) => samePort(other) === samePort(port))?.[1];
  if (!flashed) return `${root} was never flashed to ${port} by tsmp flash or tsmp dev`;
  // Only what the board got matters: a stale module left in build/ is never named by its tracebacks.
  const changed = Object.keys(flashed).filter((path) => {
    const full = join(root, path);
    return !existsSync(full) || flashed[path] !== sha256(readFileSync(full, "utf8"));
  });
  if (changed.length > 0)
    return `${root} changed since it was flashed to ${port} (${changed.join(", ")}); run tsmp flash to map tracebacks again`;
  return undefined;
}

function readRecord(project: string): FlashedRecord {
  try {
    const record = JSON.parse(readFileSync(join(buildFolder(project), FLASHED_RECORD), "utf8")) as unknown;
    return typeof record === "object" && record !== null && !Array.isArray(record) ? (record as FlashedRecord) : {};
  } catch {
    return {};
  }
}

/** A port by the device it opens: /dev/serial/by-id/… and /dev/ttyACM0 are the same board (a record keeps the name used). */
function samePort(port: string): string {
  try {
    return realpathSync(port);
  } catch {
    return port;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
