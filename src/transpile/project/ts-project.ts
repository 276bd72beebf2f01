import { dirname, relative } from "node:path";
import { TsmpError } from "../../errors.js";
import { packagePath } from "../../package-paths.js";
import { ts } from "../typescript.js";

/** The facade sources users import as `tsmp/*`. */
export const facadeDirectory = packagePath("src", "runtime-shim");
/** `tsmp/testing` runs programs on Node, so it lives with the runners, not in the facade. */
export const testingModule = packagePath("src", "run", "testing.ts");

/**
 * Options tsmp imposes whatever the user's tsconfig says: `tsmp/*` resolves to the facade
 * sources, and imports resolve like a bundler (`./util` and `./util.js` both work).
 */
export function imposedOptions(): ts.CompilerOptions {
  return {
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    paths: { "tsmp/testing": [testingModule], "tsmp/*": [`${facadeDirectory}/*`] },
  };
}

/**
 * Defaults for a program without a tsconfig.json (single-file mode, snippets): no Node types
 * (a board has no process, Buffer or setTimeout); board-globals.d.ts declares console.
 */
export const defaultOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
  strict: true,
  skipLibCheck: true,
  types: [],
};

export const boardGlobals = packagePath("src", "transpile", "project", "board-globals.d.ts");

/** TypeScript's own lib files: they change only with its version. */
export const typescriptLibFolder = `${dirname(ts.getDefaultLibFilePath({}))}/`;

/**
 * A tsconfig.json that is not valid JSON (a missing comma, an unclosed brace): tsc refuses it,
 * and a build from half of it would silently use other options, so tsmp refuses it too.
 */
export class InvalidTsconfig extends TsmpError {
  constructor(diagnostic: ts.Diagnostic) {
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const where = `${relative(process.cwd(), diagnostic.file!.fileName) || diagnostic.file!.fileName}:${line + 1}:${character + 1}`;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").replace(/\.$/, "");
    super(`${where}: ${message} (TS${diagnostic.code}): this tsconfig.json is not valid JSON, and tsc refuses it too.`);
  }
}

/** What a project's program is made of: its root files and options, and any tsconfig problems. */
export interface ProgramSetup {
  rootNames: string[];
  options: ts.CompilerOptions;
  configDiagnostics: readonly ts.Diagnostic[];
  /** The tsconfig.json and the files it extends. */
  configFiles: readonly string[];
}

/**
 * The roots and options of a project on disk: the tsconfig's files (they bring ambient
 * declarations such as a globals.d.ts) plus the entry, with tsmp's options imposed.
 */
export function programSetup(options: { tsconfig?: string; entry?: string }): ProgramSetup {
  const imposed = imposedOptions();
  let rootNames: string[] = [boardGlobals];
  let compilerOptions: ts.CompilerOptions = { ...defaultOptions, ...imposed };
  let configDiagnostics: readonly ts.Diagnostic[] = [];
  const configFiles: string[] = [];
  if (options.tsconfig) {
    configFiles.push(options.tsconfig);
    const parsed = ts.getParsedCommandLineOfConfigFile(
      options.tsconfig,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          configDiagnostics = [diagnostic];
        },
      },
    );
    if (parsed) {
      rootNames = parsed.fileNames;
      compilerOptions = { ...parsed.options, ...imposed, skipLibCheck: true };
      // JSON syntax errors (a missing comma) are the config file's own parse diagnostics, not
      // among parsed.errors: tsc reports both, and so does tsmp.
      configDiagnostics = ts.getConfigFileParsingDiagnostics(parsed);
      const syntaxError = configDiagnostics.find((diagnostic) => !parsed.errors.includes(diagnostic));
      if (syntaxError) throw new InvalidTsconfig(syntaxError);
      configFiles.push(...((parsed.options.configFile as ts.TsConfigSourceFile | undefined)?.extendedSourceFiles ?? []));
    }
  }
  if (options.entry && !rootNames.includes(options.entry)) rootNames = [...rootNames, options.entry];
  return { rootNames, options: compilerOptions, configDiagnostics, configFiles };
}

/**
 * The compiler host every tsmp program is read through: doc comments are parsed only where
 * type errors need them, as tsc does (tsmp reads none; lib.es5.d.ts alone is mostly doc comments).
 */
export function compilerHost(
  options: ts.CompilerOptions,
  create: (options: ts.CompilerOptions) => ts.CompilerHost = ts.createCompilerHost,
): ts.CompilerHost {
  const host = create(options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  return host;
}

/** The program for a project on disk: a plain TypeScript program, costing what `tsc` itself pays. */
export function createProgram(options: { tsconfig?: string; entry?: string }): {
  program: ts.Program;
  configDiagnostics: readonly ts.Diagnostic[];
} {
  const setup = programSetup(options);
  const host = compilerHost(setup.options);
  return {
    program: ts.createProgram({ rootNames: setup.rootNames, options: setup.options, host }),
    configDiagnostics: setup.configDiagnostics,
  };
}
