import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { TsmpError } from "../../errors.js";

/** Where a program's sources are and which file the board runs. */
export interface ProjectLayout {
  /** Output paths are relative to this folder: `src/` when the project has one. */
  rootDir: string;
  /** The entry module (`main.ts` → `main.py`), when there is one. */
  entry?: string;
  /** The user's tsconfig.json, if any. */
  tsconfig?: string;
}

export class ProjectNotFound extends TsmpError {}

/**
 * Project mode: a folder with tsconfig.json or src/main.ts (sources in src/ when present,
 * entry src/main.ts or main.ts). Single-file mode: a .ts file is its own entry, and its folder
 * the root.
 */
export function findProjectLayout(input: string): ProjectLayout {
  const path = resolve(input);
  if (!existsSync(path)) throw new ProjectNotFound(`${input}: no such file or folder`);
  if (statSync(path).isFile()) {
    if (!path.endsWith(".ts") || path.endsWith(".d.ts")) throw new ProjectNotFound(`${input}: expected a .ts file or a project folder`);
    return { rootDir: dirname(path), entry: path };
  }
  const tsconfig = join(path, "tsconfig.json");
  const sourceDir = join(path, "src");
  const rootDir = existsSync(sourceDir) && statSync(sourceDir).isDirectory() ? sourceDir : path;
  const entry = [join(rootDir, "main.ts"), join(path, "main.ts")].find((candidate) => existsSync(candidate));
  if (!existsSync(tsconfig) && !entry) {
    throw new ProjectNotFound(`${input}: not a tsmp project (no tsconfig.json, src/main.ts or main.ts in ${basename(path)})`);
  }
  return { rootDir, entry, tsconfig: existsSync(tsconfig) ? tsconfig : undefined };
}
