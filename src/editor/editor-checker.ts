import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic } from "../transpile/diagnostics.js";
import { createIncrementalBuild, type IncrementalBuild } from "../transpile/project/incremental-build.js";

/** tsmp's own diagnostics (TSMP…) for the file an editor shows, over its unsaved text. */
export interface EditorChecker {
  diagnosticsFor(fileName: string, unsaved: (fileName: string) => string | undefined): Diagnostic[];
}

/**
 * One incremental build per project (the folder of the nearest tsconfig.json), kept between
 * requests, so a keystroke re-checks only what it affects. TypeScript's own errors are left to
 * the editor, which reports them already.
 */
export function createEditorChecker(): EditorChecker {
  const builds = new Map<string, { build: IncrementalBuild; unsaved: { read: (fileName: string) => string | undefined } }>();
  return {
    diagnosticsFor(fileName, unsaved) {
      const tsconfig = nearestTsconfig(dirname(fileName));
      if (!tsconfig) return [];
      let entry = builds.get(tsconfig);
      if (!entry) {
        const reader = { read: unsaved };
        entry = { build: createIncrementalBuild(dirname(tsconfig), {}, (name) => reader.read(name)), unsaved: reader };
        builds.set(tsconfig, entry);
      }
      entry.unsaved.read = unsaved;
      return entry.build.rebuild().diagnostics.filter((diagnostic) => diagnostic.code.startsWith("TSMP") && diagnostic.file === fileName);
    },
  };
}

function nearestTsconfig(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    const candidate = join(at, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(at) === at) return undefined;
  }
}
