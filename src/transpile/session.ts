import type { SourceFile } from "ts-morph";
import { emitProgram, type TranspileOptions, type TranspileResult } from "./transpile-project.js";
import { createSnippetProject } from "./ts-project.js";

/** Transpiles many small programs with one warm TypeScript project (tests, the REPL-like uses). */
export interface Transpiler {
  /** One file, `main.ts`. */
  transpileSource(text: string): TranspileResult;
  /** Several files by relative path; `main.ts` is the entry. */
  transpileFiles(files: Record<string, string>): TranspileResult;
}

// Snippets live only in memory, in a folder that does not exist on disk.
const snippetRoot = "/__tsmp_snippet__";

export function createTranspiler(options: TranspileOptions = {}): Transpiler {
  const project = createSnippetProject();
  let current: SourceFile[] = [];
  const transpileFiles = (files: Record<string, string>): TranspileResult => {
    for (const file of current) project.removeSourceFile(file);
    current = Object.entries(files).map(([path, text]) => project.createSourceFile(`${snippetRoot}/${path}`, text, { overwrite: true }));
    return emitProgram(project.getProgram().compilerObject, { rootDir: snippetRoot, entry: `${snippetRoot}/main.ts` }, options);
  };
  return {
    transpileFiles,
    transpileSource: (text) => transpileFiles({ "main.ts": text }),
  };
}
