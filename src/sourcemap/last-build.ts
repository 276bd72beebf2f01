import { existsSync, readdirSync, readFileSync } from "node:fs";
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
