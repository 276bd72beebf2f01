/**
 * The public shape of a Python module (`.py` or `.pyi`), read without running Python: its
 * classes (constructor, methods, properties, constants), functions and constants, with the
 * parameters, defaults and type hints as written. Enough of Python's grammar for what `def`,
 * `class` and assignments look like; bodies are skipped.
 */
export interface PythonParameter {
  name: string;
  annotation?: string;
  hasDefault: boolean;
  /** The default as written (`0x76`, `None`). */
  defaultValue?: string;
  /** Keyword-only parameters come after `*` or `*args`. */
  kind: "positional" | "keyword" | "varargs" | "kwargs";
}

export interface PythonFunction {
  name: string;
  parameters: PythonParameter[];
  returns?: string;
  isAsync: boolean;
  decorators: string[];
}

export interface PythonConstant {
  name: string;
  annotation?: string;
  /** The expression assigned, as written. */
  value: string;
}

export interface PythonClass {
  name: string;
  /** Base classes as written (`SSD1306`, `framebuf.FrameBuffer`). */
  bases: string[];
  methods: PythonFunction[];
  constants: PythonConstant[];
}

export interface PythonOutline {
  classes: PythonClass[];
  functions: PythonFunction[];
  constants: PythonConstant[];
}

interface LogicalLine {
  indent: number;
  text: string;
}

/** Physical lines joined while brackets are open or a line ends in `\`, without comments or strings' contents. */
function logicalLines(source: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let current = "";
  let indent = 0;
  let depth = 0;
  let quote: string | undefined;
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    if (current === "" && quote === undefined) indent = raw.length - raw.trimStart().length;
    let line = "";
    for (let i = 0; i < raw.length; i++) {
      const char = raw[i]!;
      if (quote !== undefined) {
        if (char === "\\") i++;
        else if (raw.startsWith(quote, i)) {
          line += quote;
          i += quote.length - 1;
          quote = undefined;
        }
        continue;
      }
      if (char === "#") break;
      if (char === '"' || char === "'") {
        quote = raw.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
        line += quote;
        i += quote.length - 1;
        continue;
      }
      if ("([{".includes(char)) depth++;
      if (")]}".includes(char)) depth = Math.max(0, depth - 1);
      line += char;
    }
    // A one-quote string cannot span lines (without a backslash); a lost quote must not swallow the file.
    if (quote !== undefined && quote.length === 1) quote = undefined;
    current += ` ${line.trim()}`;
    if (quote !== undefined || depth > 0 || current.endsWith("\\")) {
      current = current.replace(/\\$/, "");
      continue;
    }
    if (current.trim() !== "") lines.push({ indent, text: current.trim() });
    current = "";
  }
  return lines;
}

/** Splits at top-level commas (not inside brackets or strings). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote !== undefined) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/** The text between the bracket at `open` and its match. */
function bracketed(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if ("([{".includes(text[i]!)) depth++;
    if (")]}".includes(text[i]!)) depth--;
    if (depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

function parseParameters(list: string): PythonParameter[] {
  const parameters: PythonParameter[] = [];
  let keywordOnly = false;
  for (const part of splitTopLevel(list)) {
    if (part === "/") continue;
    if (part === "*") {
      keywordOnly = true;
      continue;
    }
    const match = /^(\*{0,2})([A-Za-z_]\w*)\s*(?::\s*([^=]+?))?\s*(=.*)?$/.exec(part);
    if (!match) continue;
    const [, stars, name, annotation, assigned] = match;
    const kind = stars === "**" ? "kwargs" : stars === "*" ? "varargs" : keywordOnly ? "keyword" : "positional";
    if (stars === "*") keywordOnly = true;
    parameters.push({
      name: name!,
      annotation: annotation?.trim(),
      hasDefault: assigned !== undefined,
      defaultValue: assigned?.slice(1).trim(),
      kind,
    });
  }
  return parameters;
}

function parseFunction(text: string, decorators: string[]): PythonFunction | undefined {
  const match = /^(async\s+)?def\s+([A-Za-z_]\w*)\s*\(/.exec(text);
  if (!match) return undefined;
  const open = match[0].length - 1;
  const list = bracketed(text, open);
  const after = text.slice(open + list.length + 2);
  const returns = /^\s*->\s*(.+?)\s*:/.exec(after)?.[1];
  return { name: match[2]!, parameters: parseParameters(list), returns, isAsync: match[1] !== undefined, decorators };
}

function parseConstant(text: string): PythonConstant | undefined {
  const match = /^([A-Za-z_]\w*)\s*(?::\s*([^=]+?))?\s*=\s*(.+)$/.exec(text);
  if (!match || match[3]!.startsWith("=")) return undefined;
  return { name: match[1]!, annotation: match[2]?.trim(), value: match[3]!.trim() };
}

/** Reads the outline of a Python module's source. */
export function readPythonOutline(source: string): PythonOutline {
  const outline: PythonOutline = { classes: [], functions: [], constants: [] };
  const lines = logicalLines(source);
  let currentClass: { entry: PythonClass; indent: number; bodyIndent?: number } | undefined;
  let decorators: string[] = [];
  for (const line of lines) {
    if (currentClass && line.indent <= currentClass.indent) currentClass = undefined;
    const inClassBody = currentClass !== undefined && line.indent === (currentClass.bodyIndent ??= line.indent);
    if (line.indent !== 0 && !inClassBody) continue;
    if (line.text.startsWith("@")) {
      decorators.push(line.text.slice(1).split("(")[0]!.trim());
      continue;
    }
    const classMatch = /^class\s+([A-Za-z_]\w*)\s*(\(([^)]*)\))?/.exec(line.text);
    if (classMatch && line.indent === 0) {
      const bases = splitTopLevel(classMatch[3] ?? "").filter((base) => !base.includes("="));
      const entry: PythonClass = { name: classMatch[1]!, bases, methods: [], constants: [] };
      outline.classes.push(entry);
      currentClass = { entry, indent: line.indent };
    } else if (/^(async\s+)?def\s/.test(line.text)) {
      const parsed = parseFunction(line.text, decorators);
      if (parsed) (inClassBody ? currentClass!.entry.methods : outline.functions).push(parsed);
    } else {
      const constant = parseConstant(line.text);
      if (constant) (inClassBody ? currentClass!.entry.constants : outline.constants).push(constant);
    }
    decorators = [];
  }
  return outline;
}
