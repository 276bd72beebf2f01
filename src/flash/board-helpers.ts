import { minifyPython, readPythonHelper, splitDefinitions, withDependencies } from "../python-helpers.js";

export { minifyPython };

/**
 * A board-side helper file split into its preamble (imports and other top-level statements)
 * and one definition per `def`, so a connection sends only the helpers its commands use.
 */
export class BoardHelpers {
  private constructor(
    readonly preamble: string,
    private readonly definitions: Map<string, string>,
  ) {}

  /** Several files make one set: a helper in one may call a helper of another. */
  static load(...files: string[]): BoardHelpers {
    const code = files.map((file) => readPythonHelper(file).code).join("\n");
    const { preamble, definitions } = splitDefinitions(minifyPython(code));
    return new BoardHelpers(preamble, definitions);
  }

  /** Definitions `code` needs (directly or through other helpers) that are not in `loaded`, what they need first. */
  missingFor(code: string, loaded: ReadonlySet<string>): { names: string[]; code: string } {
    const missing = (source: string) =>
      [...source.matchAll(/\b(_tsmp_\w+)\b/g)].map((match) => match[1]!).filter((name) => this.definitions.has(name) && !loaded.has(name));
    const names = withDependencies(missing(code), (name) => missing(this.definitions.get(name)!));
    // Python resolves a helper's globals when it runs, so definition order does not matter.
    return { names, code: names.map((name) => this.definitions.get(name)!).join("\n") };
  }
}
