import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The folders of src/ form layers: a folder imports only the folders listed for it below, and
 * the list has no cycle. docs/architecture.md draws the same picture. "root" is the files
 * directly in src/ (errors.ts, package-paths.ts, python-helpers.ts), the bottom layer every
 * folder may use; "index" is src/index.ts, the package's programmatic API, which re-exports
 * from the folders and is imported by none.
 */
const allowedImports: Record<string, string[]> = {
  index: ["transpile", "run", "flash", "sim", "root"],
  cli: ["commands", "run", "flash", "sim", "transpile", "sourcemap", "root"],
  commands: ["run", "flash", "sim", "transpile", "sourcemap", "vm", "devices", "root"],
  run: ["flash", "transpile", "vm", "runtime-shim", "devices", "sourcemap", "root"],
  sim: ["flash", "vm", "devices", "root"],
  flash: ["sourcemap", "root"],
  transpile: ["sourcemap", "root"],
  editor: ["transpile", "root"],
  vm: ["devices", "net", "root"],
  "runtime-shim": ["devices", "net", "root"],
  net: ["root"],
  devices: ["root"],
  sourcemap: ["root"],
  root: [],
};

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The top-level folder of src/ a file belongs to; files directly in src/ are "root" (but index.ts). */
function folderOf(path: string): string {
  const parts = relative(src, path).split(sep);
  if (parts.length > 1) return parts[0]!;
  return parts[0] === "index.ts" || parts[0] === "index.js" ? "index" : "root";
}

interface Import {
  from: string;
  to: string;
  specifier: string;
}

/** Every relative import, re-export and dynamic import() of every file under src/. */
function relativeImports(): Import[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;
  return sourceFiles(src).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(pattern)].map((match) => ({
      from: relative(src, file),
      to: relative(src, resolve(dirname(file), match[1]!)),
      specifier: match[1]!,
    })),
  );
}

/** Folder → folders it imports, with one example import per edge for the failure message. */
function folderGraph(imports: Import[]): Map<string, Map<string, Import>> {
  const graph = new Map<string, Map<string, Import>>();
  for (const entry of imports) {
    const from = folderOf(join(src, entry.from));
    const to = folderOf(join(src, entry.to));
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, entry);
  }
  return graph;
}

/** The first cycle found by depth-first search, as a path that starts and ends at one node. */
function findCycle(edges: Map<string, Iterable<string>>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node)) return undefined;
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("imports between the folders of src/", () => {
  const imports = relativeImports();
  const graph = folderGraph(imports);

  it("has a rule for every folder of src/ and reads their imports", () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folders, "root", "index"].sort()).toEqual(Object.keys(allowedImports).sort());
    expect(imports.length).toBeGreaterThan(100);
  });

  it("reports a cycle as a path", () => {
    const cyclic = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(findCycle(cyclic)).toEqual(["a", "b", "c", "a"]);
  });

  it("the allowed direction itself has no cycle", () => {
    expect(findCycle(new Map(Object.entries(allowedImports)))).toBeUndefined();
  });

  it("no cycle between folders", () => {
    const cycle = findCycle(new Map([...graph].map(([from, targets]) => [from, [...targets.keys()]])));
    const described = cycle?.slice(1).map((to, index) => {
      const example = graph.get(cycle[index]!)!.get(to)!;
      return `${cycle[index]} → ${to} (${example.from} imports ${example.specifier})`;
    });
    expect(described, "folder cycle").toBeUndefined();
  });

  it("each folder imports only the folders below it", () => {
    const wrong = imports
      .filter((entry) => {
        const from = folderOf(join(src, entry.from));
        const to = folderOf(join(src, entry.to));
        return from !== to && !(allowedImports[from] ?? []).includes(to);
      })
      .map((entry) => `${entry.from} imports ${entry.specifier}`);
    expect(wrong).toEqual([]);
  });

  it("the runtime shim (the published facade) imports nothing outside itself but src/errors.ts, the device models and the socket host", () => {
    const wrong = imports
      .filter((entry) => entry.from.startsWith(`runtime-shim${sep}`))
      .filter(
        (entry) =>
          !entry.to.startsWith(`runtime-shim${sep}`) &&
          !entry.to.startsWith(`devices${sep}`) &&
          !entry.to.startsWith(`net${sep}`) &&
          entry.to !== "errors.js",
      )
      .map((entry) => `${entry.from} imports ${entry.specifier}`);
    expect(wrong).toEqual([]);
  });
});
