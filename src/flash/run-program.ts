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
  const modules = orderByImports(
    files.filter((f) => f !== entry),
    importedNames(entry.text),
  );
  const stdout = lineEndingsToNewline(options.stdout);
  // What a module prints at load time is the program's output too; a traceback ends the run.
  const run = async (code: string, idleTimeoutMs?: number): Promise<boolean> => {
    let stderrText = "";
    const stderrDecoder = new TextDecoder();
    await repl.exec(code, {
      onStdout: (bytes) => stdout.write(bytes),
      onStderr: (bytes) => (stderrText += stderrDecoder.decode(bytes, { stream: true })),
      ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
    });
    stderrText += stderrDecoder.decode();
    if (stderrText.length === 0) return false;
    stdout.end();
    // The entry ran as the REPL's own input, so MicroPython names it <stdin>.
    options.stderr(stderrText.replace(/\r\n/g, "\n").replaceAll('File "<stdin>"', `File "${entry.path}"`));
    return true;
  };
  if (modules.length > 0) {
    await repl.execOrThrow(minifyPython(readFileSync(packagePath("src/flash/board/run_loader.py"), "utf8")));
    // All of them in sys.modules first, so a module of an import cycle finds the other.
    await repl.execOrThrow(`_tsmp_declare([${modules.map((module) => pythonString(moduleName(module.path))).join(",")}])`);
    for (const module of modules) {
      const define = `_tsmp_define(${pythonString(moduleName(module.path))},${pythonText(module.text)},${pythonString(module.path)})`;
      if (await run(define, 30_000)) return { raised: true };
    }
  }
  const raised = await run(entry.text);
  if (!raised) stdout.end();
  return { raised };
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

/**
 * Dependencies first, so a module's imports are registered before its code runs. Starting from
 * what the entry imports (`first`), in its order, a cycle's modules run in the order Python's
 * imports would run them from files.
 */
export function orderByImports(files: ProgramFile[], first: string[] = []): ProgramFile[] {
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
  for (const name of first) {
    const file = byName.get(name);
    if (file) visit(file);
  }
  for (const file of files) visit(file);
  return ordered;
}

/**
 * The modules a source imports when it loads, in order: its unindented imports (one inside a
 * function, `from _tsmp_float_str import …`, runs later). `from util import a` may import the
 * module `util.a`.
 */
function importedNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^(?:from\s+([\w.]+)\s+import\s+([\w, ]+)|import\s+([\w., ]+))/gm)) {
    if (match[1]) {
      names.push(match[1]);
      for (const part of match[2]!.split(",")) names.push(`${match[1]}.${part.trim().split(/\s+/)[0]!}`);
    } else for (const part of match[3]!.split(",")) names.push(part.trim().split(/\s+/)[0]!);
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
