import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { TsmpError } from "../errors.js";
import type { TranspileResult } from "./transpile-project.js";

/**
 * Writes the .py (and .py.map) files. Everything is written to a temporary folder beside the
 * output first and moved into place at the end, so a failure never leaves a partial build.
 */
export function writeBuild(result: TranspileResult, outDir: string): void {
  if (result.diagnostics.some((diagnostic) => diagnostic.category === "error")) {
    throw new TsmpError("refusing to write a build that has errors");
  }
  const target = resolve(outDir);
  const staging = `${target}.tsmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of result.files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
      if (file.sourceMap) writeFileSync(`${path}.map`, relocateSourceMap(file.sourceMap, join(target, file.path), file.sourcePath));
    }
    mkdirSync(staging, { recursive: true });
    mkdirSync(target, { recursive: true });
    // Replace the files this build produces; leave anything else in the folder alone.
    moveInto(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function moveInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const destination = join(to, entry.name);
    if (entry.isDirectory()) {
      if (existsSync(destination)) {
        moveInto(source, destination);
        continue;
      }
    }
    renameSync(source, destination);
  }
}

/** A map's `sources` are relative to the .py file, so they depend on where the build is written. */
function relocateSourceMap(sourceMap: string, pythonPath: string, sourcePath: string | undefined): string {
  if (!sourcePath) return sourceMap;
  const map = JSON.parse(sourceMap) as { sources: string[] };
  map.sources = [relative(dirname(pythonPath), sourcePath).split(sep).join("/")];
  return JSON.stringify(map);
}
