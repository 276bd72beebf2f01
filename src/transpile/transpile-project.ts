import { basename, dirname, relative, sep } from "node:path";
import type { Project, ts } from "ts-morph";
import type { ProgramInfo } from "./context.js";
import { fromTypeScript, type Diagnostic } from "./diagnostics.js";
import { printModule } from "./printer.js";
import { findProjectLayout, type ProjectLayout } from "./project-layout.js";
import { emitHelperModule, helperModuleName } from "./runtime-helpers.js";
import { buildSourceMap } from "./source-map.js";
import { transformSourceFile } from "./transform-module.js";
import { createTsProject, facadeDirectory } from "./ts-project.js";

export type { Diagnostic } from "./diagnostics.js";

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
  const project = createTsProject({ tsconfig: layout.tsconfig, projectDir: layout.tsconfig ? dirname(layout.tsconfig) : layout.rootDir });
  if (layout.entry) {
    project.addSourceFileAtPath(layout.entry);
  } else {
    project.addSourceFilesFromTsConfig(layout.tsconfig!);
  }
  project.resolveSourceFileDependencies();
  return emitProject(project, layout, options);
}

/** The user's files to emit: the entry and what it imports, or every non-test source. */
function filesToEmit(program: ts.Program, info: ProgramInfo, layout: ProjectLayout): ts.SourceFile[] {
  return program
    .getSourceFiles()
    .filter((file) => info.isUserFile(file))
    .filter((file) => layout.entry !== undefined || !/\.(test|spec)\.ts$/.test(file.fileName));
}

export function emitProject(project: Project, layout: ProjectLayout, options: TranspileOptions = {}): TranspileResult {
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const rootDir = layout.rootDir;
  const info: ProgramInfo = {
    program,
    checker,
    facadeDirectory: facadeDirectory + sep,
    isUserFile: (file) =>
      !file.isDeclarationFile && !file.fileName.startsWith(facadeDirectory + "/") && !file.fileName.includes("/node_modules/"),
    pythonModuleOf: (fileName) => pythonModuleOf(rootDir, fileName),
  };
  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of program.getOptionsDiagnostics()) diagnostics.push(fromTypeScript(diagnostic));
  const files: EmittedFile[] = [];
  const usedHelpers = new Set<string>();
  for (const sourceFile of filesToEmit(program, info, layout)) {
    for (const diagnostic of program.getSyntacticDiagnostics(sourceFile)) diagnostics.push(fromTypeScript(diagnostic));
    for (const diagnostic of program.getSemanticDiagnostics(sourceFile)) diagnostics.push(fromTypeScript(diagnostic));
    const transformed = transformSourceFile(sourceFile, info);
    diagnostics.push(...transformed.diagnostics);
    for (const helper of transformed.usedHelpers) usedHelpers.add(helper);
    const path = outputPathOf(rootDir, sourceFile.fileName);
    const printed = printModule(transformed.module);
    const file: EmittedFile = { path, text: printed.text, sourcePath: sourceFile.fileName };
    if (options.sourceMaps !== false) {
      const sourceRelative = relative(dirname(`${rootDir}/${path}`), sourceFile.fileName).split(sep).join("/");
      file.sourceMap = buildSourceMap(basename(path), sourceRelative, printed.mappings);
    }
    files.push(file);
  }
  if (usedHelpers.size > 0) files.push({ path: `${helperModuleName}.py`, text: emitHelperModule(usedHelpers) });
  const entry = layout.entry ? outputPathOf(rootDir, layout.entry) : undefined;
  return { rootDir, entry, files, diagnostics: diagnostics.filter((diagnostic) => diagnostic.category === "error") };
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
  if (path.startsWith("../") || !path.endsWith(".ts")) return undefined;
  const segments = path.replace(/\.ts$/, "").replace(/^lib\//, "").split("/");
  return segments.every((segment) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) ? segments.join(".") : undefined;
}
