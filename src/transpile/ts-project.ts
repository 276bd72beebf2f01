import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Project, ts } from "ts-morph";
import { packagePath } from "../package-paths.js";

const typescriptLibDirectory = dirname(createRequire(import.meta.url).resolve("typescript"));

/** The facade sources users import as `tsmp/*`. */
export const facadeDirectory = packagePath("src", "runtime-shim");

/**
 * Options tsmp imposes whatever the user's tsconfig says: `tsmp/*` resolves to the facade
 * sources, and imports resolve like a bundler (`./util` and `./util.js` both work).
 */
function imposedOptions(projectDir: string): ts.CompilerOptions {
  const typeRoots = [join(projectDir, "node_modules", "@types"), packagePath("node_modules", "@types")].filter((dir) => existsSync(dir));
  return {
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    paths: { "tsmp/*": [`${facadeDirectory}/*`] },
    typeRoots,
  };
}

/** Defaults for a program without a tsconfig.json (single-file mode, snippets). */
const defaultOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  strict: true,
  skipLibCheck: true,
  types: ["node"],
};

/** A ts-morph project holding in-memory files (snippets), with tsmp's options. */
export function createSnippetProject(projectDir: string): Project {
  return new Project({ compilerOptions: { ...defaultOptions, ...imposedOptions(projectDir) }, skipAddingFilesFromTsConfig: true });
}

/**
 * The program for a project on disk: the tsconfig's files (they bring ambient declarations
 * such as a globals.d.ts) plus the entry, with tsmp's options imposed. A plain TypeScript
 * program: building it costs what `tsc` itself pays.
 */
export function createProgram(options: { tsconfig?: string; projectDir: string; entry?: string }): {
  program: ts.Program;
  configDiagnostics: readonly ts.Diagnostic[];
} {
  const imposed = imposedOptions(options.projectDir);
  let rootNames: string[] = [];
  let compilerOptions: ts.CompilerOptions = { ...defaultOptions, ...imposed };
  let configDiagnostics: readonly ts.Diagnostic[] = [];
  if (options.tsconfig) {
    const parsed = ts.getParsedCommandLineOfConfigFile(options.tsconfig, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        configDiagnostics = [diagnostic];
      },
    });
    if (parsed) {
      rootNames = parsed.fileNames;
      compilerOptions = { ...parsed.options, ...imposed, skipLibCheck: true };
      configDiagnostics = parsed.errors;
    }
  }
  if (options.entry && !rootNames.includes(options.entry)) rootNames = [...rootNames, options.entry];
  const host = ts.createCompilerHost(compilerOptions);
  // ts-morph's bundled TypeScript keeps its lib files in memory; a plain program reads them
  // from the typescript package (a dependency of tsmp, the same 6.0 release).
  host.getDefaultLibLocation = () => typescriptLibDirectory;
  host.getDefaultLibFileName = (libOptions) => join(typescriptLibDirectory, ts.getDefaultLibFileName(libOptions));
  return { program: ts.createProgram({ rootNames, options: compilerOptions, host }), configDiagnostics };
}
