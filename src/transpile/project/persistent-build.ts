import { join } from "node:path";
import { fromTypeScript } from "../diagnostics.js";
import { isHelperModulePath } from "../runtime/helper-module.js";
import { ts } from "../typescript.js";
import { contentHash, projectFolder, sourceListing, type StoredBuild } from "./build-cache.js";
import type { ProjectLayout } from "./project-layout.js";
import { emitProgram, type ModuleEmit, type TranspileOptions, type TranspileResult } from "./transpile-project.js";
import { compilerHost, programSetup, typescriptLibFolder } from "./ts-project.js";

/**
 * A build that picks up where the last one (of an earlier process) stopped: TypeScript's builder
 * program reads the stored build info, so semantic diagnostics are computed again only for files
 * an edit can affect (the edited file, and the importers of a file whose exported shape changed),
 * and only those files are transformed to Python again; the others' output comes from the store.
 * Without a stored build it is a full build that leaves one.
 */
export function buildOverStored(
  layout: ProjectLayout,
  options: TranspileOptions,
  stamp: string,
  stored: StoredBuild | undefined,
  warm?: WarmProgram,
): { result: TranspileResult; stored: StoredBuild } {
  const setup = programSetup({ tsconfig: layout.tsconfig, entry: layout.entry });
  // The build info lives in the store, not on disk: this name only ties it to the program.
  const buildInfoFile = join(projectFolder(layout), "build", "tsmp.tsbuildinfo");
  const compilerOptions: ts.CompilerOptions = { ...setup.options, incremental: true, tsBuildInfoFile: buildInfoFile };
  const host = compilerHost(compilerOptions, ts.createIncrementalCompilerHost);
  const readFile = host.readFile;
  host.readFile = (fileName) => (fileName === buildInfoFile ? stored?.buildInfo : readFile(fileName));
  const lastBuilder = warm && keepWarm(warm, compilerOptions, host);
  const builder = lastBuilder
    ? ts.createEmitAndSemanticDiagnosticsBuilderProgram(setup.rootNames, compilerOptions, host, lastBuilder, setup.configDiagnostics)
    : ts.createIncrementalProgram({
        rootNames: setup.rootNames,
        options: compilerOptions,
        host,
        configFileParsingDiagnostics: setup.configDiagnostics,
      });
  if (warm) warm.builder = builder;

  const affected = new Set<ts.SourceFile>();
  let everything = false;
  for (;;) {
    const next = builder.getSemanticDiagnosticsOfNextAffectedFile();
    if (!next) break;
    if ("fileName" in next.affected) affected.add(next.affected);
    else everything = true;
  }
  const version = (sourceFile: ts.SourceFile) => contentHash(sourceFile.text);
  const modules: StoredBuild["modules"] = {};
  const result = emitProgram(builder.getProgram(), layout, options, {
    semanticDiagnostics: (sourceFile) => builder.getSemanticDiagnostics(sourceFile),
    previous: (sourceFile): ModuleEmit | undefined => {
      const kept = stored?.modules[sourceFile.fileName];
      if (everything || affected.has(sourceFile) || kept?.version !== version(sourceFile)) return undefined;
      modules[sourceFile.fileName] = kept;
      return { file: kept.file, diagnostics: kept.diagnostics, usedHelpers: new Set(kept.usedHelpers) };
    },
    remember: (sourceFile, emit) =>
      (modules[sourceFile.fileName] = { version: version(sourceFile), ...emit, usedHelpers: [...emit.usedHelpers] }),
  });
  result.diagnostics.unshift(...setup.configDiagnostics.map(fromTypeScript).filter((diagnostic) => diagnostic.category === "error"));

  // A resident build has time between edits: it learns the shapes the next edit is compared with.
  if (warm) learnShapes(builder, host);

  // With noEmit the builder's emit writes only the build info.
  let buildInfo = "";
  builder.emit(undefined, (fileName, text) => {
    if (fileName === buildInfoFile) buildInfo = text;
  });
  const inputs = inputsOf(builder.getProgram(), setup.configFiles, result);
  return {
    result,
    stored: { stamp, entry: layout.entry, inputs, listing: sourceListing(projectFolder(layout)) ?? [], buildInfo, modules, result },
  };
}

/**
 * What a resident build (the build server) keeps between builds: the last builder program, and
 * the files it parsed by text. Each build reads every file again; a file whose text is the same
 * keeps its parsed and bound SourceFile, which is what a new process spends most of its build on.
 */
export interface WarmProgram {
  builder?: ts.EmitAndSemanticDiagnosticsBuilderProgram;
  /** The options the parses were made under: other options start afresh. */
  options?: string;
  parsed: Map<string, { text: string; sourceFile: ts.SourceFile }>;
}

/**
 * Makes `host` hand out the warm parses of unchanged files and returns the previous builder, or
 * nothing when the options changed (parsing and binding depend on them: everything starts afresh).
 * Module names are resolved again in every build: a file added beside an unchanged one can change
 * what its import means, and only a new resolution sees that.
 */
function keepWarm(
  warm: WarmProgram,
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): ts.EmitAndSemanticDiagnosticsBuilderProgram | undefined {
  const optionsKey = JSON.stringify({ ...options, configFile: undefined });
  if (warm.options !== optionsKey) {
    warm.options = optionsKey;
    warm.builder = undefined;
    warm.parsed.clear();
  }
  host.hasInvalidatedResolutions = () => true;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreateNewSourceFile) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    const kept = warm.parsed.get(key);
    // TypeScript's own lib files change only with its version, which the server's address includes.
    if (kept && fileName.startsWith(typescriptLibFolder)) return kept.sourceFile;
    const text = kept && host.readFile(fileName);
    if (kept && text === kept.text) return kept.sourceFile;
    const sourceFile = getSourceFile(fileName, languageVersion, onError, shouldCreateNewSourceFile);
    if (sourceFile) warm.parsed.set(key, { text: sourceFile.text, sourceFile });
    else warm.parsed.delete(key);
    return sourceFile;
  };
  return warm.builder;
}

/** The part of TypeScript's builder state that learnShapes reads and writes (internal to TypeScript 6.0). */
interface BuilderShapes {
  fileInfos: Map<string, { version: string; signature?: string }>;
}

type ComputeDtsSignature = (
  program: ts.Program,
  sourceFile: ts.SourceFile,
  cancellationToken: ts.CancellationToken | undefined,
  host: ts.CompilerHost,
  onNewSignature: (signature: string) => void,
) => void;

/**
 * Records the exported shape (the hash of its declaration output, as TypeScript's builder makes
 * it) of every file the builder knows only by its version. A build without a previous one (the
 * first, or one started from a store whose files were never edited) takes each file's version for
 * its shape, so the first edit of any file looks like a change of its exports, and every importer
 * is checked and transformed again: the entry of a 200-module project, a second or more. With the
 * shapes known, an edit inside a function body re-checks that file alone; one that changes an
 * exported type still re-checks its importers. Each file's shape is computed once, by the build
 * server between edits. Uses TypeScript's internal builder state: where that is missing (another
 * TypeScript), nothing is learned and builds stay correct, only slower on a first edit.
 */
function learnShapes(builder: ts.EmitAndSemanticDiagnosticsBuilderProgram, host: ts.CompilerHost): void {
  const compute = (ts as unknown as { BuilderState?: { computeDtsSignature?: ComputeDtsSignature } }).BuilderState?.computeDtsSignature;
  const state = (builder as unknown as { state?: BuilderShapes }).state;
  if (typeof compute !== "function" || !(state?.fileInfos instanceof Map)) return;
  const program = builder.getProgram();
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile) continue;
    const { resolvedPath, version } = sourceFile as ts.SourceFile & { resolvedPath: string; version?: string };
    const info = state.fileInfos.get(resolvedPath);
    if (info && (info.signature === undefined || info.signature === version)) {
      compute(program, sourceFile, undefined, host, (signature) => (info.signature = signature));
    }
  }
}

/** What the build read that can change between runs; TypeScript's own lib files change only with its version. */
function inputsOf(program: ts.Program, configFiles: readonly string[], result: TranspileResult): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const sourceFile of program.getSourceFiles()) {
    if (!sourceFile.fileName.startsWith(typescriptLibFolder)) inputs[sourceFile.fileName] = contentHash(sourceFile.text);
  }
  for (const path of configFiles) {
    const text = ts.sys.readFile(path);
    if (text !== undefined) inputs[path] = contentHash(text);
  }
  // Python modules the build copied as they are.
  for (const file of result.files) {
    if (file.sourcePath === undefined && !isHelperModulePath(file.path)) inputs[join(result.rootDir, file.path)] = contentHash(file.text);
  }
  return inputs;
}
