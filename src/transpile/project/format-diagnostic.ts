import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";

/**
 * `file:line:col - error TSMP1001: message`, then the offending line with a caret, the way
 * tsc prints it. `source` lets callers pass text that is not on disk.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source?: string): string {
  const head = `${diagnostic.category} ${diagnostic.code}: ${diagnostic.message}`;
  if (!diagnostic.file) return head;
  const file = relative(process.cwd(), diagnostic.file) || diagnostic.file;
  if (diagnostic.line === undefined) return `${file} - ${head}`;
  const location = `${file}:${diagnostic.line}:${diagnostic.column ?? 1}`;
  const frame = codeFrame(diagnostic, source);
  return frame ? `${location} - ${head}\n\n${frame}\n` : `${location} - ${head}`;
}

function codeFrame(diagnostic: Diagnostic, source: string | undefined): string | undefined {
  let text = source;
  if (text === undefined) {
    try {
      text = readFileSync(diagnostic.file!, "utf8");
    } catch {
      return undefined;
    }
  }
  const line = text.split(/\r?\n/)[diagnostic.line! - 1];
  if (line === undefined) return undefined;
  const number = String(diagnostic.line);
  const gutter = " ".repeat(number.length);
  const caret = " ".repeat(Math.max(0, (diagnostic.column ?? 1) - 1)) + "^";
  return `${number} ${line}\n${gutter} ${caret}`;
}
