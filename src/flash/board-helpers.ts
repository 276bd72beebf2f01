import { readFileSync } from "node:fs";
import { packagePath } from "../package-paths.js";

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

/**
 * A board-side helper file split into its preamble (imports and other top-level statements)
 * and one definition per `def`, so a connection sends only the helpers its commands use.
 */
export class BoardHelpers {
  private constructor(
    readonly preamble: string,
    private readonly definitions: Map<string, string>,
  ) {}

  static load(file: string): BoardHelpers {
    const blocks: string[] = [];
    for (const line of minifyPython(readFileSync(packagePath(file), "utf8")).split("\n")) {
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
    return new BoardHelpers(preamble.join("\n"), definitions);
  }

  /** Definitions `code` needs (directly or through other helpers) that are not in `loaded`, in order. */
  missingFor(code: string, loaded: ReadonlySet<string>): { names: string[]; code: string } {
    const names: string[] = [];
    const visit = (source: string) => {
      for (const [, name] of source.matchAll(/\b(_tsmp_\w+)\b/g)) {
        const definition = this.definitions.get(name!);
        if (!definition || loaded.has(name!) || names.includes(name!)) continue;
        names.push(name!);
        visit(definition);
      }
    };
    visit(code);
    // Python resolves a helper's globals when it runs, so definition order does not matter.
    return { names, code: names.map((name) => this.definitions.get(name)!).join("\n") };
  }
}
