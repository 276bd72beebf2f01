import { createHash } from "node:crypto";
import { dirname } from "node:path";
import { fromTypeScript } from "../diagnostics.js";
import { ts } from "../typescript.js";
import { packagePath } from "../../package-paths.js";
import { findProjectLayout, type ProjectLayout } from "./project-layout.js";
import { emitProgram, type ModuleEmit, type TranspileOptions, type TranspileResult } from "./transpile-project.js";
import { compilerHost, programSetup } from "./ts-project.js";

/** Rebuilds one project again and again (`tsmp dev`), each time doing only what the edits require. */
export interface IncrementalBuild {
  readonly layout: ProjectLayout;
  /** Reads the project as it is on disk now and transpiles it. */
  rebuild(): TranspileResult;
}

/** Files that cannot change while tsmp runs: TypeScript's lib files and tsmp's own facade. */
const unchangingFolders = [dirname(ts.getDefaultLibFilePath({})), packagePath("src")].map((folder) => `${folder}/`);

/**
 * An incremental build over a TypeScript builder program: the next program reuses the previous
 * one's parsed files (a file is parsed again only when its text changed), semantic diagnostics
 * are recomputed only for files an edit can affect (the edited file, and the importers of a file
 * whose exported shape changed), and only those files are transformed to Python again.
 */
export function createIncrementalBuild(
  input: string,
  options: TranspileOptions = {},
  /** Where a file's current text comes from before the disk: an editor's unsaved buffers. */
  unsaved: (fileName: string) => string | undefined = () => undefined,
): IncrementalBuild {
  const layout = findProjectLayout(input);
  const parsed = new Map<string, { text: string; sourceFile: ts.SourceFile }>();
  const emitted = new WeakMap<ts.SourceFile, ModuleEmit>();
  let builder: ts.SemanticDiagnosticsBuilderProgram | undefined;

  const rebuild = (): TranspileResult => {
    // Read again each time: a new file in the project, or an edited tsconfig, changes the roots.
    const setup = programSetup({ tsconfig: layout.tsconfig, entry: layout.entry });
    const host = cachingHost(setup.options, parsed, unsaved);
    builder = ts.createSemanticDiagnosticsBuilderProgram(setup.rootNames, setup.options, host, builder, setup.configDiagnostics);
    const affected = new Set<ts.SourceFile>();
    let everything = false;
    for (;;) {
      const next = builder.getSemanticDiagnosticsOfNextAffectedFile();
      if (!next) break;
      if ("fileName" in next.affected) affected.add(next.affected);
      else everything = true;
    }
    const current = builder;
    const result = emitProgram(current.getProgram(), layout, options, {
      semanticDiagnostics: (sourceFile) => current.getSemanticDiagnostics(sourceFile),
      previous: (sourceFile) => (everything || affected.has(sourceFile) ? undefined : emitted.get(sourceFile)),
      remember: (sourceFile, emit) => emitted.set(sourceFile, emit),
    });
    result.diagnostics.unshift(...setup.configDiagnostics.map(fromTypeScript).filter((diagnostic) => diagnostic.category === "error"));
    return result;
  };
  return { layout, rebuild };
}

/**
 * A compiler host that hands out the same SourceFile object for a file whose text has not
 * changed (so the builder sees it as unchanged) and versions every file by its text's hash.
 */
function cachingHost(
  options: ts.CompilerOptions,
  parsed: Map<string, { text: string; sourceFile: ts.SourceFile }>,
  unsaved: (fileName: string) => string | undefined,
): ts.CompilerHost {
  const host = compilerHost(options);
  return {
    ...host,
    // A new file can change where an unchanged file's import leads (`./values` → values.ts before
    // values/index.ts); without this TypeScript keeps the old program's resolutions for every
    // file whose text did not change. Resolving again costs little next to checking.
    hasInvalidatedResolutions: () => true,
    getSourceFile: (fileName, languageVersion, onError) => {
      const cached = parsed.get(fileName);
      if (cached && unchangingFolders.some((folder) => fileName.startsWith(folder))) return cached.sourceFile;
      const text = unsaved(fileName) ?? host.readFile(fileName);
      if (text === undefined) {
        onError?.(`cannot read ${fileName}`);
        parsed.delete(fileName);
        return undefined;
      }
      if (cached?.text === text) return cached.sourceFile;
      const sourceFile = ts.createSourceFile(fileName, text, languageVersion);
      // Builder programs tell changed files apart by this version (TypeScript's watch host sets it too).
      (sourceFile as ts.SourceFile & { version?: string }).version = createHash("sha1").update(text).digest("hex");
      parsed.set(fileName, { text, sourceFile });
      return sourceFile;
    },
  };
}
