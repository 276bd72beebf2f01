import { readFileSync } from "node:fs";
import { packagePath } from "../package-paths.js";
import { minifyPython } from "./board-helpers.js";
import { pythonString, pythonText } from "./python-literal.js";
import type { RawRepl } from "./raw-repl.js";

/** A Python module of a program, as the transpiler emits it. */
export interface ProgramFile {
  /** Posix path relative to the output root: "main.py", "lib/util.py", "_tsmp.py". */
  path: string;
  text: string;
  sourceMap?: string;
  sourcePath?: string;
}

export interface RunProgramOptions {
  entry: string;
  /** Program output, with the board's \r\n turned into \n. */
  stdout: (text: string) => void;
  /** Receives the board's traceback text, if the program raised. */
  stderr: (text: string) => void;
}

/**
 * Runs a program on the board without writing files: the non-entry modules are defined in RAM
 * (one exec each, in dependency order, so their source is freed before the next arrives) and
 * the entry module's source is then executed as the raw-REPL code itself, its output streamed.
 * Resolves with whether it raised (its traceback went to `stderr`).
 */
export async function runProgram(repl: RawRepl, files: ProgramFile[], options: RunProgramOptions): Promise<{ raised: boolean }> {
  const entry = files.find((f) => f.path === options.entry);
  if (!entry) throw new Error(`entry ${options.entry} is not among the program's files`);
  const modules = orderByImports(files.filter((f) => f !== entry));
  if (modules.length > 0) {
    await repl.execOrThrow(minifyPython(readFileSync(packagePath("src/flash/board/run_loader.py"), "utf8")));
    for (const module of modules) {
      await repl.execOrThrow(
        `_tsmp_define(${pythonString(moduleName(module.path))},${pythonText(module.text)},${pythonString(module.path)})`,
        {
          idleTimeoutMs: 30_000,
        },
      );
    }
  }
  const stdout = lineEndingsToNewline(options.stdout);
  let stderrText = "";
  const stderrDecoder = new TextDecoder();
  await repl.exec(entry.text, {
    onStdout: (bytes) => stdout.write(bytes),
    onStderr: (bytes) => (stderrText += stderrDecoder.decode(bytes, { stream: true })),
  });
  stdout.end();
  stderrText += stderrDecoder.decode();
  if (stderrText.length > 0) {
    // The entry ran as the REPL's own input, so MicroPython names it <stdin>.
    options.stderr(stderrText.replace(/\r\n/g, "\n").replaceAll('File "<stdin>"', `File "${entry.path}"`));
  }
  return { raised: stderrText.length > 0 };
}

/**
 * The name a module is imported by on a board: "util/math.py" → "util.math",
 * "pkg/__init__.py" → "pkg", and "lib/util.py" → "util", since /lib is on a board's sys.path.
 */
export function moduleName(path: string): string {
  return path
    .replace(/^lib\//, "")
    .replace(/\.py$/, "")
    .replace(/\/__init__$/, "")
    .split("/")
    .join(".");
}

/** Dependencies first, so a module's imports are registered before its code runs. */
export function orderByImports(files: ProgramFile[]): ProgramFile[] {
  const byName = new Map(files.map((f) => [moduleName(f.path), f]));
  const ordered: ProgramFile[] = [];
  const state = new Map<ProgramFile, "visiting" | "done">();
  const visit = (file: ProgramFile) => {
    if (state.has(file)) return; // done, or an import cycle: the cycle's order stays as found
    state.set(file, "visiting");
    for (const name of importedNames(file.text)) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency);
    }
    state.set(file, "done");
    ordered.push(file);
  };
  for (const file of files) visit(file);
  return ordered;
}

function importedNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w., ]+))/gm)) {
    if (match[1]) names.push(match[1]);
    else for (const part of match[2]!.split(",")) names.push(part.trim().split(/\s+/)[0]!);
  }
  return names;
}

/** Decodes streamed UTF-8 and folds \r\n into \n even when a chunk ends between the two. */
function lineEndingsToNewline(write: (text: string) => void): { write(bytes: Uint8Array): void; end(): void } {
  const decoder = new TextDecoder();
  let heldCarriageReturn = false;
  const emit = (text: string) => {
    let chunk = (heldCarriageReturn ? "\r" : "") + text;
    heldCarriageReturn = chunk.endsWith("\r");
    if (heldCarriageReturn) chunk = chunk.slice(0, -1);
    chunk = chunk.replace(/\r\n/g, "\n");
    if (chunk.length > 0) write(chunk);
  };
  return {
    write: (bytes) => emit(decoder.decode(bytes, { stream: true })),
    end: () => {
      emit(decoder.decode());
      if (heldCarriageReturn) write("\r");
    },
  };
}
