import { readFileSync } from "node:fs";
import { packagePath } from "./package-paths.js";

/**
 * tsmp's own Python helper files, read one way for both their uses: the runtime helpers a
 * transpiled program imports (`src/transpile/runtime/*.py`, one helper per file, whose
 * `# requires:` lines name the helpers it needs) and the helpers the flasher sends to a board
 * (`src/flash/board/*.py`, many `def`s per file, each needing the `_tsmp_*` helpers it calls).
 */
export interface PythonHelperFile {
  /** The names its `# requires:` lines list. */
  requires: string[];
  /** The source without comment lines: every byte costs RAM on a board. */
  code: string;
}

const files = new Map<string, PythonHelperFile>();

/** Reads a helper file (a path inside the package) once. */
export function readPythonHelper(path: string): PythonHelperFile {
  const cached = files.get(path);
  if (cached) return cached;
  const requires: string[] = [];
  const code: string[] = [];
  for (const line of readFileSync(packagePath(path), "utf8").split("\n")) {
    const requirement = /^#\s*requires:\s*(.*)$/.exec(line);
    if (requirement)
      requires.push(
        ...requirement[1]!
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean),
      );
    else if (!/^\s*#/.test(line)) code.push(line);
  }
  const file = { requires, code: code.join("\n").trim() };
  files.set(path, file);
  return file;
}

/**
 * Drops comments and blank lines and indents by one space per level: helper code crosses the
 * wire on every connection, and at 115200 baud each kilobyte costs 90 ms. Only for our own
 * helper files, which indent by four spaces and hold no multi-line strings.
 */
export function minifyPython(source: string): string {
  return source
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
    .map((line) => {
      const indent = line.length - line.trimStart().length;
      return " ".repeat(indent / 4) + line.trimStart();
    })
    .join("\n");
}

/** Source split into its top-level `def`s, by name, and everything else (imports, probes): the preamble. */
export function splitDefinitions(source: string): { preamble: string; definitions: Map<string, string> } {
  const blocks: string[] = [];
  for (const line of source.split("\n")) {
    const topLevel = !/^\s/.test(line) && !/^(except|else|finally)\b/.test(line);
    if (topLevel || blocks.length === 0) blocks.push(line);
    else blocks[blocks.length - 1] += `\n${line}`;
  }
  const definitions = new Map<string, string>();
  const preamble: string[] = [];
  for (const block of blocks) {
    const name = /^def (\w+)\(/.exec(block)?.[1];
    if (name) definitions.set(name, block);
    else preamble.push(block);
  }
  return { preamble: preamble.join("\n"), definitions };
}

/** The names asked for and everything they need, each once and after what it needs. */
export function withDependencies<Name extends string>(names: Iterable<Name>, needs: (name: Name) => Iterable<Name>): Name[] {
  const ordered: Name[] = [];
  const seen = new Set<Name>();
  const visit = (name: Name) => {
    // Marked on entry, so a helper that calls itself (or a ring of them) ends the walk.
    if (seen.has(name)) return;
    seen.add(name);
    for (const dependency of needs(name)) visit(dependency);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}
