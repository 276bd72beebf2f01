import { readFileSync } from "node:fs";
import { packagePath } from "../package-paths.js";

/** Name of the Python module that holds the runtime helpers a program uses. */
export const helperModuleName = "_tsmp";

interface Helper {
  name: string;
  requires: string[];
  /** The source without comment lines: every byte costs RAM on a board. */
  code: string;
}

const cache = new Map<string, Helper>();

function loadHelper(name: string): Helper {
  const cached = cache.get(name);
  if (cached) return cached;
  const source = readFileSync(packagePath("src", "transpile", "runtime", `${name}.py`), "utf8");
  const requires: string[] = [];
  const code: string[] = [];
  for (const line of source.split("\n")) {
    const requirement = /^#\s*requires:\s*(.*)$/.exec(line);
    if (requirement) requires.push(...requirement[1]!.split(",").map((item) => item.trim()).filter(Boolean));
    else if (!/^\s*#/.test(line)) code.push(line);
  }
  const helper = { name, requires, code: code.join("\n").trim() };
  cache.set(name, helper);
  return helper;
}

/** The helpers asked for plus everything they require, dependencies first, in a stable order. */
export function resolveHelpers(used: Iterable<string>): string[] {
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const dependency of loadHelper(name).requires) visit(dependency);
    ordered.push(name);
  };
  for (const name of [...used].sort()) visit(name);
  return ordered;
}

/** The text of `_tsmp.py` holding exactly these helpers (and their dependencies). */
export function emitHelperModule(used: Iterable<string>): string {
  return resolveHelpers(used)
    .map((name) => loadHelper(name).code)
    .join("\n\n\n")
    .concat("\n");
}
