import { dirname } from "node:path";
import { TsmpError } from "../../errors.js";
import { packagePath } from "../../package-paths.js";
import { fromTypeScript } from "../../transpile/diagnostics.js";
import { formatDiagnostic } from "../../transpile/project/format-diagnostic.js";
import { findProjectLayout } from "../../transpile/project/project-layout.js";
import { emitProgram } from "../../transpile/project/transpile-project.js";
import { programSetup } from "../../transpile/project/ts-project.js";
import { ts } from "../../transpile/typescript.js";

/**
 * A program `tsmp build` refuses must not pass an off-device run either: Node would happily run
 * a construct MicroPython cannot have, and a green test would then promise a firmware that
 * does not build. Runs tsmp's checks (TypeScript's errors and tsmp's own diagnostics) first.
 */
export class NotBuildable extends TsmpError {
  constructor(
    input: string,
    readonly diagnostics: readonly string[],
  ) {
    super(
      `${input} was not run: tsmp build refuses it, so it could not be flashed (${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}):\n${diagnostics.join("\n")}`,
    );
  }
}

/** Files that cannot change while tsmp runs: TypeScript's lib files and tsmp's own facade. */
const unchangingFolders = [dirname(ts.getDefaultLibFilePath({})), packagePath("src")].map((folder) => `${folder}/`);
const unchangingFiles = new Map<string, ts.SourceFile | undefined>();
let previous: ts.Program | undefined;

/**
 * The errors `tsmp build` would report. A test file runs many programs: each is checked with
 * the lib and facade files parsed once (a fresh parse costs more than the check itself).
 */
function buildErrors(input: string): string[] {
  const layout = findProjectLayout(input);
  const setup = programSetup({ tsconfig: layout.tsconfig, entry: layout.entry });
  const disk = ts.createCompilerHost(setup.options);
  const host: ts.CompilerHost = {
    ...disk,
    getSourceFile: (fileName, languageVersion, onError) => {
      if (!unchangingFolders.some((folder) => fileName.startsWith(folder))) return disk.getSourceFile(fileName, languageVersion, onError);
      const key = `${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}:${fileName}`;
      if (!unchangingFiles.has(key)) unchangingFiles.set(key, disk.getSourceFile(fileName, languageVersion, onError));
      return unchangingFiles.get(key);
    },
  };
  previous = ts.createProgram({ rootNames: setup.rootNames, options: setup.options, host, oldProgram: previous });
  const diagnostics = [...setup.configDiagnostics.map(fromTypeScript), ...emitProgram(previous, layout, { sourceMaps: false }).diagnostics];
  return diagnostics.filter((diagnostic) => diagnostic.category === "error").map((diagnostic) => formatDiagnostic(diagnostic));
}

/** Throws NotBuildable, listing the errors as `tsmp build` prints them, when the program does not build. */
export function requireBuildable(input: string): void {
  const errors = buildErrors(input);
  if (errors.length > 0) throw new NotBuildable(input, errors);
}
