import { readdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";
import { ts } from "../../src/transpile/typescript.js";

/** Each module under `root` with the modules under `root` it imports, type-only imports included. */
function importGraph(root: string): Map<string, string[]> {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const path = resolve(root, file);
    const imports = ts
      .preProcessFile(readFileSync(path, "utf8"), true, false)
      .importedFiles.map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => relative(root, resolve(dirname(path), specifier.replace(/\.js$/, ".ts"))))
      .filter((target) => !target.startsWith(".."));
    graph.set(relative(root, path), imports);
  }
  return graph;
}

/** Every import cycle met walking the graph depth-first, each as the modules along it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (module: string) => {
    const repeat = path.indexOf(module);
    if (repeat >= 0) return void cycles.push([...path.slice(repeat), module]);
    if (done.has(module)) return;
    path.push(module);
    for (const imported of graph.get(module) ?? []) visit(imported);
    path.pop();
    done.add(module);
  };
  for (const module of [...graph.keys()].sort()) visit(module);
  return cycles;
}

describe("the transpiler's modules", () => {
  it("import one another without cycles, so each layer builds on the ones below it", () => {
    expect(cyclesOf(importGraph(packagePath("src/transpile")))).toEqual([]);
  });
});
