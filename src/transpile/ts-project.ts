import { existsSync } from "node:fs";
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { packagePath } from "../package-paths.js";

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

export function createTsProject(options: { tsconfig?: string; projectDir: string }): Project {
  const imposed = imposedOptions(options.projectDir);
  if (options.tsconfig) {
    const project = new Project({ tsConfigFilePath: options.tsconfig, skipAddingFilesFromTsConfig: true });
    project.compilerOptions.set({ ...imposed, skipLibCheck: true });
    return project;
  }
  return new Project({ compilerOptions: { ...defaultOptions, ...imposed }, skipAddingFilesFromTsConfig: true });
}

