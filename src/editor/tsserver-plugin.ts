import type * as TS from "typescript";
import { createEditorChecker } from "./editor-checker.js";

/**
 * The part of tsmp's TypeScript language-service plugin that knows tsmp: for a file the editor
 * shows, tsmp's TSMP diagnostics as the editor's own diagnostic objects (made with the editor's
 * TypeScript, whose version may differ from tsmp's). Loaded by `tsserver-plugin/index.js`.
 */
export function tsmpDiagnostics(info: TS.server.PluginCreateInfo, typescript: typeof TS): (fileName: string) => TS.Diagnostic[] {
  const checker = createEditorChecker();
  const unsaved = (fileName: string): string | undefined => {
    const snapshot = info.languageServiceHost.getScriptSnapshot(fileName);
    return snapshot?.getText(0, snapshot.getLength());
  };
  return (fileName) => {
    const sourceFile = info.languageService.getProgram()?.getSourceFile(fileName);
    if (!sourceFile) return [];
    try {
      return checker.diagnosticsFor(fileName, unsaved).map((diagnostic) => {
        const start = sourceFile.getPositionOfLineAndCharacter((diagnostic.line ?? 1) - 1, (diagnostic.column ?? 1) - 1);
        // tsmp reports a position; the editor underlines the word there.
        const word = /^[\w$]+/.exec(sourceFile.text.slice(start))?.[0] ?? "";
        return {
          file: sourceFile,
          start,
          length: Math.max(1, word.length),
          messageText: diagnostic.message,
          category: typescript.DiagnosticCategory.Error,
          code: Number(diagnostic.code.replace(/^TSMP/, "")),
          source: "tsmp",
        };
      });
    } catch (error) {
      // A plugin that throws takes the editor's other diagnostics down with it.
      info.project.projectService.logger.info(`tsmp: checking ${fileName} failed: ${(error as Error).stack ?? String(error)}`);
      return [];
    }
  };
}
