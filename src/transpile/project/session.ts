import { emitProgram, type TranspileOptions, type TranspileResult } from "./transpile-project.js";
import { boardGlobals, compilerHost, defaultOptions, imposedOptions } from "./ts-project.js";
import { ts } from "../typescript.js";

/** Transpiles many small programs with one warm TypeScript project (tests, the REPL-like uses). */
export interface Transpiler {
  /** One file, `main.ts`. */
  transpileSource(text: string): TranspileResult;
  /** Several files by relative path; `main.ts` is the entry. */
  transpileFiles(files: Record<string, string>): TranspileResult;
}

// Snippets live only in memory, in a folder that does not exist on disk.
const snippetRoot = "/__tsmp_snippet__";

/**
 * A compiler host serving the current snippets from memory and every file on disk (lib files,
 * board globals, the facade) from a cache: each is parsed once per session, and the next
 * program reuses the same SourceFile objects, as an old program expects.
 */
function createSnippetHost(options: ts.CompilerOptions, snippets: Map<string, string>): ts.CompilerHost {
  const disk = compilerHost(options);
  const parsedFromDisk = new Map<string, ts.SourceFile | undefined>();
  const isSnippetFolder = (path: string) => path === snippetRoot || [...snippets.keys()].some((file) => file.startsWith(`${path}/`));
  return {
    ...disk,
    fileExists: (fileName) => snippets.has(fileName) || disk.fileExists(fileName),
    readFile: (fileName) => snippets.get(fileName) ?? disk.readFile(fileName),
    directoryExists: (path) => isSnippetFolder(path) || (disk.directoryExists?.(path) ?? false),
    getSourceFile: (fileName, languageVersion, onError) => {
      const text = snippets.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion);
      if (!parsedFromDisk.has(fileName)) parsedFromDisk.set(fileName, disk.getSourceFile(fileName, languageVersion, onError));
      return parsedFromDisk.get(fileName);
    },
  };
}

export function createTranspiler(options: TranspileOptions = {}): Transpiler {
  const compilerOptions = { ...defaultOptions, ...imposedOptions() };
  const snippets = new Map<string, string>();
  const host = createSnippetHost(compilerOptions, snippets);
  let program: ts.Program | undefined;
  const transpileFiles = (files: Record<string, string>): TranspileResult => {
    snippets.clear();
    for (const [path, text] of Object.entries(files)) snippets.set(`${snippetRoot}/${path}`, text);
    // A snippet's `.py` files are Python modules its `.d.ts` files describe, not TypeScript.
    const rootNames = [boardGlobals, ...[...snippets.keys()].filter((path) => path.endsWith(".ts"))];
    program = ts.createProgram({ rootNames, options: compilerOptions, host, oldProgram: program });
    return emitProgram(program, { rootDir: snippetRoot, entry: `${snippetRoot}/main.ts` }, options, undefined, host);
  };
  return {
    transpileFiles,
    transpileSource: (text) => transpileFiles({ "main.ts": text }),
  };
}
