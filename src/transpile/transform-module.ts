import { ts } from "./typescript.js";
import { TransformationContext, type ProgramInfo } from "./context.js";
import type { Diagnostic } from "./diagnostics.js";
import * as py from "./python-ast.js";
import { helperModuleName } from "./runtime/helper-module.js";
import type { HelperName } from "./runtime/helper-names.js";
import { visitors } from "./visitors/index.js";
import { reportSymbolKeys } from "./symbol-keys.js";

export interface TransformedModule {
  module: py.Module;
  usedHelpers: Set<HelperName>;
  diagnostics: Diagnostic[];
}

/** One TypeScript source file → one Python module (plus the runtime helpers it asked for). */
export function transformSourceFile(sourceFile: ts.SourceFile, program: ProgramInfo): TransformedModule {
  const context = new TransformationContext(program, sourceFile, visitors);
  reportSymbolKeys(sourceFile, context);
  // An ES module's imports (and re-exports) run before any statement of its body, wherever
  // they are written; a Python import runs where it stands.
  const isImport = (statement: ts.Statement) =>
    ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined);
  const statements = [...sourceFile.statements.filter(isImport), ...sourceFile.statements.filter((statement) => !isImport(statement))];
  const body = context.transformStatements(statements);
  // Promise callbacks queued by the top-level code run once it ends, as JavaScript's microtasks.
  if (context.usedHelpers.has("JsPromise")) {
    body.push(py.expressionStatement(py.call(py.attribute(py.name("JsPromise"), "jobs"))));
  }
  // After the module's own imports, as a person would place it.
  let index = 0;
  while (index < body.length && (body[index]!.kind === "Import" || body[index]!.kind === "ImportFrom")) index++;
  body.splice(index, 0, ...context.moduleConstants);
  if (context.usedHelpers.size > 0) {
    const names = [...context.usedHelpers].sort().map((name) => ({ name }));
    body.splice(index, 0, { kind: "ImportFrom", module: helperModuleName, names });
  }
  return { module: { body }, usedHelpers: context.usedHelpers, diagnostics: context.diagnostics };
}
