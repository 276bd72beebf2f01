import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { TsmpError } from "../errors.js";

export class PythonSourceNotFound extends TsmpError {}

export interface StubsOptions {
  /** Write the declaration here instead of to stdout. */
  out?: string;
  stdout: (text: string) => void;
  /** Folders searched for a module given by name (default: the current folder, lib/, src/, src/lib/). */
  searchPath?: string[];
}

/** The source of a module given by name: `<name>.py(i)` or `<name>/__init__.py(i)` on the search path. */
function findModule(name: string, searchPath: string[]): string | undefined {
  const relative = name.split(".").join("/");
  for (const folder of searchPath) {
    for (const candidate of [`${relative}.pyi`, `${relative}.py`, `${relative}/__init__.pyi`, `${relative}/__init__.py`]) {
      if (existsSync(join(folder, candidate))) return join(folder, candidate);
    }
  }
  return undefined;
}

/**
 * `tsmp stubs <file.py | file.pyi | module-name> [-o file.d.ts]`: a TypeScript declaration of a
 * Python module. A file gets the `.d.ts` that sits beside it; a module name gets a
 * `declare module "board:<name>"` block, for a module the board provides. ts-morph, which
 * writes the declaration, is loaded only here.
 */
export async function writeStubs(input: string, options: StubsOptions): Promise<string> {
  const isFile = /\.pyi?$/.test(input);
  const searchPath = options.searchPath ?? [".", "lib", "src", "src/lib"];
  const path = isFile ? input : findModule(input, searchPath);
  if (path === undefined || !existsSync(path)) {
    throw new PythonSourceNotFound(
      isFile ? `${input}: no such file` : `${input}: no ${input.split(".").join("/")}.py or .pyi in ${searchPath.join(", ")}`,
    );
  }
  const { readPythonOutline } = await import("./stubs/python-outline.js");
  const { declarationText } = await import("./stubs/declarations.js");
  const outline = readPythonOutline(readFileSync(path, "utf8"));
  const text = declarationText(outline, {
    boardModule: isFile ? undefined : input,
    header: `// Declarations for ${basename(path)}, written by tsmp stubs: check the types marked unknown.`,
  });
  if (options.out !== undefined) writeFileSync(options.out, text);
  else options.stdout(text);
  return text;
}
