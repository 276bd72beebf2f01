import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { TsmpError } from "../../errors.js";
import type { TranspileResult } from "./transpile-project.js";

/**
 * Writes the .py (and .py.map) files. A build with errors is refused before anything is
 * written, so a failed build never leaves partial output or touches the previous one; files the
 * build does not produce are left alone.
 */
export function writeBuild(result: TranspileResult, outDir: string): void {
  if (result.diagnostics.some((diagnostic) => diagnostic.category === "error")) {
    throw new TsmpError("refusing to write a build that has errors");
  }
  const target = resolve(outDir);
  const folders = new Set<string>();
  for (const file of result.files) {
    const path = join(target, file.path);
    const folder = dirname(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeIfChanged(path, file.text);
    if (file.sourceMap) writeIfChanged(`${path}.map`, relocateSourceMap(file.sourceMap, path, file.sourcePath));
  }
}

/** Rewriting a file that already holds the text costs more than reading it, and wakes file watchers. */
function writeIfChanged(path: string, text: string): void {
  let current: string | undefined;
  try {
    current = readFileSync(path, "utf8");
  } catch {
    current = undefined;
  }
  if (current !== text) writeFileSync(path, text);
}

/** A map's `sources` are relative to the .py file, so they depend on where the build is written. */
function relocateSourceMap(sourceMap: string, pythonPath: string, sourcePath: string | undefined): string {
  if (!sourcePath) return sourceMap;
  const map = JSON.parse(sourceMap) as { sources: string[] };
  map.sources = [relative(dirname(pythonPath), sourcePath).split(sep).join("/")];
  return JSON.stringify(map);
}
