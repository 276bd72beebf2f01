import { isAbsolute, relative, resolve, dirname } from "node:path";

/** The parts of an emitted file (the transpiler's EmittedFile) a traceback is mapped with. */
export interface MappedFile {
  /** Posix path relative to the output root, as the board knows it: "main.py", "lib/util.py". */
  path: string;
  /** Source map v3 JSON. */
  sourceMap?: string;
  /** Absolute path of the .ts file the module came from. */
  sourcePath?: string;
}

export interface MapTracebackOptions {
  /** TypeScript paths are shown relative to this folder (default: the current directory). */
  relativeTo?: string;
}

interface SourceLocation {
  source: string;
  line: number; // 1-based
}

/** `  File "main.py", line 12, in blink` as MicroPython prints a traceback frame. */
const FRAME = /^(\s*)File "([^"]+)", line (\d+)(.*)$/;

/**
 * Rewrites the frames of a MicroPython traceback that point into emitted Python so they point
 * at the TypeScript line instead: `File "main.py", line 30, in blink` becomes
 * `File "src/main.ts", line 12, in blink`. The Python frame shape is
 * kept, so it still reads as a MicroPython traceback and terminals still link the location.
 * Frames in files without a source map (runtime helpers, built-in modules) are left as they are.
 */
export function mapTraceback(traceback: string, files: readonly MappedFile[], options: MapTracebackOptions = {}): string {
  const maps = new Map<string, LineTable>();
  const tableFor = (file: MappedFile): LineTable | undefined => {
    if (!file.sourceMap) return undefined;
    let table = maps.get(file.path);
    if (!table) {
      table = LineTable.parse(file.sourceMap);
      maps.set(file.path, table);
    }
    return table;
  };
  const base = options.relativeTo ?? process.cwd();

  return traceback
    .split("\n")
    .map((line) => {
      const frame = FRAME.exec(line);
      if (!frame) return line;
      const [, indent, pythonPath, lineText, rest] = frame as unknown as [string, string, string, string, string];
      const file = findFile(files, pythonPath);
      const table = file && tableFor(file);
      const location = table?.lookup(Number(lineText));
      if (!file || !location) return line;
      const sourcePath = file.sourcePath ?? resolveSource(file.path, location.source);
      return `${indent}File "${displayPath(sourcePath, base)}", line ${location.line}${rest}`;
    })
    .join("\n");
}

function findFile(files: readonly MappedFile[], pythonPath: string): MappedFile | undefined {
  // A board names a module by the path it was imported from: "main.py", "/lib/util.py", "./x.py".
  const wanted = pythonPath.replace(/^\.?\//, "");
  return (
    files.find((file) => file.path === wanted) ?? files.find((file) => wanted.endsWith(`/${file.path}`) || file.path.endsWith(`/${wanted}`))
  );
}

function resolveSource(pythonPath: string, source: string): string {
  return isAbsolute(source) ? source : resolve(dirname(`/${pythonPath}`), source).slice(1);
}

function displayPath(path: string, base: string): string {
  if (!isAbsolute(path)) return path;
  const shown = relative(base, path);
  return shown.startsWith("..") ? path : shown;
}

/** For each generated line, the first source location mapped on it (or the nearest line above). */
class LineTable {
  private constructor(private readonly lines: (SourceLocation | undefined)[]) {}

  static parse(json: string): LineTable {
    let map: { sources?: string[]; sourceRoot?: string; mappings?: string };
    try {
      map = JSON.parse(json) as typeof map;
    } catch {
      // A damaged map only costs the mapping; the traceback is still shown as the board printed it.
      return new LineTable([]);
    }
    const sources = (map.sources ?? []).map((source) => (map.sourceRoot ? `${map.sourceRoot.replace(/\/?$/, "/")}${source}` : source));
    const lines: (SourceLocation | undefined)[] = [];
    let sourceIndex = 0;
    let sourceLine = 0;
    (map.mappings ?? "").split(";").forEach((segmentsText, generatedLine) => {
      for (const segmentText of segmentsText.split(",")) {
        if (!segmentText) continue;
        const fields = decodeVlqSegment(segmentText);
        if (fields.length < 4) continue;
        sourceIndex += fields[1]!;
        sourceLine += fields[2]!;
        lines[generatedLine] ??= { source: sources[sourceIndex] ?? "", line: sourceLine + 1 };
      }
    });
    return new LineTable(lines);
  }

  lookup(generatedLine: number): SourceLocation | undefined {
    for (let line = Math.min(generatedLine - 1, this.lines.length - 1); line >= 0; line--) {
      const location = this.lines[line];
      if (location) return location;
    }
    return undefined;
  }
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlqSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) break;
    value += (digit & 0b11111) << shift;
    if (digit & 0b100000) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
