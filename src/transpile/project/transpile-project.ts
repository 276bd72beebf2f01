import { basename, dirname, relative, sep } from "node:path";
import { ts } from "../typescript.js";
import type { ProgramInfo } from "../context.js";
import { fromTypeScript, invalidModuleName, moduleNameClash, type Diagnostic } from "../diagnostics.js";
import { isPythonModuleName } from "../reserved-names.js";
import { printModule } from "../printer.js";
import { findProjectLayout, type ProjectLayout } from "./project-layout.js";
import { emitHelperModules, isHelperModulePath } from "../runtime/helper-module.js";
import type { HelperName } from "../runtime/helper-names.js";
import { buildSourceMap } from "../../sourcemap/source-map.js";
import { transformSourceFile } from "../transform-module.js";
import { pythonSourceBeside } from "../python-modules.js";
import { packagePath } from "../../package-paths.js";
import { createProgram, facadeDirectory } from "./ts-project.js";

export type { Diagnostic } from "../diagnostics.js";

export interface TranspileOptions {
  /** Emit `.py.map` source maps (default true). */
  sourceMaps?: boolean;
}

export interface EmittedFile {
  /** posix, relative to the output root: "main.py", "lib/util.py", "_tsmp.py" */
  path: string;
  text: string;
  /** JSON, source map v3 */
  sourceMap?: string;
  /** absolute path of the .ts source */
  sourcePath?: string;
}

export interface TranspileResult {
  rootDir: string;
  /** "main.py" */
  entry?: string;
  files: EmittedFile[];
  diagnostics: Diagnostic[];
}

/** Transpiles a project folder (tsconfig.json or src/main.ts) or a single .ts file. */
export function transpileProject(input: string, options: TranspileOptions = {}): TranspileResult {
  const layout = findProjectLayout(input);
  const { program, configDiagnostics } = createProgram({ tsconfig: layout.tsconfig, entry: layout.entry });
  const result = emitProgram(program, layout, options);
  result.diagnostics.unshift(...configDiagnostics.map(fromTypeScript).filter((diagnostic) => diagnostic.category === "error"));
  return result;
}

/**
 * The user's files to emit: the entry and the local modules it imports (tests beside the
 * sources are not firmware), or every non-test source when there is no entry.
 */
function filesToEmit(program: ts.Program, info: ProgramInfo, layout: ProjectLayout, importsOf: ImportedFiles): ts.SourceFile[] {
  if (!layout.entry) {
    return program.getSourceFiles().filter((file) => info.isUserFile(file) && !/\.(test|spec)\.ts$/.test(file.fileName));
  }
  const entry = program.getSourceFile(layout.entry);
  if (!entry) return [];
  const reached = new Set<ts.SourceFile>([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    for (const target of importsOf(file)) {
      if (info.isUserFile(target) && !reached.has(target)) {
        reached.add(target);
        pending.push(target);
      }
    }
  }
  return [...reached];
}

/** The source files a module's imports and re-exports name. */
type ImportedFiles = (file: ts.SourceFile) => readonly ts.SourceFile[];

/** Asked twice per module (what to emit, which `.py` to copy): the checker resolves each specifier once. */
function rememberedImports(info: ProgramInfo): ImportedFiles {
  const imports = new Map<ts.SourceFile, readonly ts.SourceFile[]>();
  return (file) => {
    let targets = imports.get(file);
    if (!targets) {
      targets = importedFiles(file, info);
      imports.set(file, targets);
    }
    return targets;
  };
}

/** The source file each import and re-export of `file` names. */
function importedFiles(file: ts.SourceFile, info: ProgramInfo): ts.SourceFile[] {
  const targets: ts.SourceFile[] = [];
  for (const statement of file.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
    const target = info.checker.getSymbolAtLocation(statement.moduleSpecifier)?.valueDeclaration;
    if (target && ts.isSourceFile(target)) targets.push(target);
  }
  return targets;
}

/** The local `.py` modules (with a `.d.ts` beside them) the emitted files import, copied as they are. */
function pythonModulesImported(
  emitted: ts.SourceFile[],
  info: ProgramInfo,
  importsOf: ImportedFiles,
  rootDir: string,
  sources: SourceReader,
): EmittedFile[] {
  const paths = new Set(emitted.flatMap(importsOf).map((target) => info.pythonSourceOf(target)));
  return [...paths]
    .filter((path): path is string => path !== undefined && info.pythonModuleOf(path) !== undefined)
    .map((path) => ({ path: relative(rootDir, path).split(sep).join("/"), text: sources.readFile(path) ?? "" }));
}

const packageSources = packagePath("src") + "/";

/** Modules built into MicroPython ports: a user module of the same name would be shadowed. */
const micropythonModules = new Set([
  "array",
  "asyncio",
  "binascii",
  "bluetooth",
  "btree",
  "builtins",
  "cmath",
  "collections",
  "cryptolib",
  "deflate",
  "errno",
  "esp",
  "esp32",
  "framebuf",
  "gc",
  "hashlib",
  "heapq",
  "io",
  "json",
  "machine",
  "math",
  "micropython",
  "network",
  "neopixel",
  "os",
  "platform",
  "pyb",
  "random",
  "re",
  "rp2",
  "select",
  "socket",
  "ssl",
  "struct",
  "sys",
  "time",
  "uasyncio",
  "uctypes",
  "vfs",
  "websocket",
  "_thread",
  "_tsmp",
]);

/** What emitting one module produced; an incremental build keeps it for files that did not change. */
export interface ModuleEmit {
  file: EmittedFile;
  diagnostics: Diagnostic[];
  usedHelpers: ReadonlySet<HelperName>;
}

/**
 * Lets an incremental build skip work: semantic diagnostics from a builder program (which keeps
 * those of files no change can affect), and the previous emit of such files.
 */
export interface EmitReuse {
  semanticDiagnostics(sourceFile: ts.SourceFile): readonly ts.Diagnostic[];
  previous(sourceFile: ts.SourceFile): ModuleEmit | undefined;
  remember(sourceFile: ts.SourceFile, emit: ModuleEmit): void;
}

/** How emitProgram reads the project's Python sources (from disk, or a snippet session's memory). */
export interface SourceReader {
  fileExists(path: string): boolean;
  readFile(path: string): string | undefined;
}

export function emitProgram(
  program: ts.Program,
  layout: ProjectLayout,
  options: TranspileOptions = {},
  reuse?: EmitReuse,
  sources: SourceReader = ts.sys,
): TranspileResult {
  const checker = program.getTypeChecker();
  const rootDir = layout.rootDir;
  // Asked for the declaring file of every library member a module uses: one look on disk per file.
  const pythonSources = new Map<ts.SourceFile, string | undefined>();
  const info: ProgramInfo = {
    program,
    checker,
    facadeDirectory: facadeDirectory + sep,
    // tsmp's own sources (the facade and what it imports) are not the user's.
    isUserFile: (file) => !file.isDeclarationFile && !file.fileName.startsWith(packageSources) && !file.fileName.includes("/node_modules/"),
    pythonModuleOf: (fileName) => pythonModuleOf(rootDir, fileName),
    pythonSourceOf: (file) => {
      if (pythonSources.has(file)) return pythonSources.get(file);
      const beside = file.isDeclarationFile ? pythonSourceBeside(file.fileName) : undefined;
      const source = beside !== undefined && sources.fileExists(beside) ? beside : undefined;
      pythonSources.set(file, source);
      return source;
    },
  };
  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of program.getOptionsDiagnostics()) diagnostics.push(fromTypeScript(diagnostic));
  const files: EmittedFile[] = [];
  const usedHelpers = new Set<HelperName>();
  const importsOf = rememberedImports(info);
  const emitted = filesToEmit(program, info, layout, importsOf);
  for (const sourceFile of emitted) {
    let emit = reuse?.previous(sourceFile);
    if (!emit) {
      emit = emitModule(
        sourceFile,
        info,
        rootDir,
        options,
        reuse ? reuse.semanticDiagnostics(sourceFile) : program.getSemanticDiagnostics(sourceFile),
      );
      reuse?.remember(sourceFile, emit);
    }
    diagnostics.push(...emit.diagnostics);
    for (const helper of emit.usedHelpers) usedHelpers.add(helper);
    files.push(emit.file);
  }
  files.push(...pythonModulesImported(emitted, info, importsOf, rootDir, sources));
  const programTexts = files.map((file) => file.text);
  if (usedHelpers.size > 0) files.push(...emitHelperModules(usedHelpers, programTexts));
  const entry = layout.entry ? outputPathOf(rootDir, layout.entry) : undefined;
  return { rootDir, entry, files, diagnostics: diagnostics.filter((diagnostic) => diagnostic.category === "error") };
}

function emitModule(
  sourceFile: ts.SourceFile,
  info: ProgramInfo,
  rootDir: string,
  options: TranspileOptions,
  semanticDiagnostics: readonly ts.Diagnostic[],
): ModuleEmit {
  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of info.program.getSyntacticDiagnostics(sourceFile)) diagnostics.push(fromTypeScript(diagnostic));
  for (const diagnostic of semanticDiagnostics) diagnostics.push(fromTypeScript(diagnostic));
  const module = pythonModuleOf(rootDir, sourceFile.fileName);
  if (module && (micropythonModules.has(module.split(".")[0]!) || isHelperModulePath(`${module}.py`)))
    diagnostics.push(moduleNameClash(sourceFile, module));
  const invalidSegment = module ? undefined : invalidModuleSegment(rootDir, sourceFile.fileName);
  if (invalidSegment !== undefined) diagnostics.push(invalidModuleName(sourceFile.statements[0] ?? sourceFile, invalidSegment));
  const transformed = transformSourceFile(sourceFile, info);
  diagnostics.push(...transformed.diagnostics);
  const path = outputPathOf(rootDir, sourceFile.fileName);
  const printed = printModule(transformed.module);
  const file: EmittedFile = { path, text: printed.text, sourcePath: sourceFile.fileName };
  if (options.sourceMaps !== false) {
    const sourceRelative = relative(dirname(`${rootDir}/${path}`), sourceFile.fileName)
      .split(sep)
      .join("/");
    file.sourceMap = buildSourceMap(basename(path), sourceRelative, printed.mappings);
  }
  return { file, diagnostics, usedHelpers: transformed.usedHelpers };
}

function outputPathOf(rootDir: string, fileName: string): string {
  return relative(rootDir, fileName).split(sep).join("/").replace(/\.ts$/, ".py");
}

/**
 * The name a board imports a module by. The board's root and `lib/` are both on sys.path, so
 * `lib/util.py` is `util`; other folders are packages (`drivers/motor.py` is `drivers.motor`).
 */
export function pythonModuleOf(rootDir: string, fileName: string): string | undefined {
  const path = relative(rootDir, fileName).split(sep).join("/");
  if (path.startsWith("../") || !/\.(ts|py)$/.test(path)) return undefined;
  const segments = path
    .replace(/\.(ts|py)$/, "")
    .replace(/^lib\//, "")
    .split("/");
  return segments.every(isPythonModuleName) ? segments.join(".") : undefined;
}

/** The part of a source path inside the root that cannot be a Python module name (`my-utils`, `import`). */
export function invalidModuleSegment(rootDir: string, fileName: string): string | undefined {
  const path = relative(rootDir, fileName).split(sep).join("/");
  if (path.startsWith("../") || !/\.ts$/.test(path)) return undefined;
  return path
    .replace(/\.ts$/, "")
    .replace(/^lib\//, "")
    .split("/")
    .find((segment) => !isPythonModuleName(segment));
}
