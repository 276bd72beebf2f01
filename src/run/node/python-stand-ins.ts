import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BOARD_MODULE_PREFIX } from "../../transpile/python-modules.js";
import { ts } from "../../transpile/typescript.js";

/**
 * How a program compiled for Node imports a Python module: an ES module in its place whose
 * exports read the test's stand-in (runtime-shim/python-modules.ts). Its export names come from
 * the module's declaration, the `.d.ts` beside the `.py` or the `declare module "board:…"` block.
 */
export interface PythonModuleImport {
  /** The Python module name: "drivers.bme280", "umqtt.simple". */
  name: string;
  /** For the message when nothing stands in: "src/drivers/bme280.py", "declared as board:neopixel". */
  origin: string;
  /** The names its declaration exports. */
  exports: string[];
}

function exportedNames(statements: readonly ts.Statement[]): string[] {
  const names = new Set<string>();
  for (const statement of statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.add(element.name.text);
    }
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      names.add(statement.name.text);
    }
  }
  return [...names];
}

/** The value exports of a local Python module's declaration file. */
export function declarationExports(declarationFile: string): string[] {
  const source = ts.createSourceFile(declarationFile, readFileSync(declarationFile, "utf8"), ts.ScriptTarget.ES2022);
  return exportedNames(source.statements);
}

function declarationFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return declarationFiles(path);
    return entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every `declare module "board:…"` block under `folder`: module name → value exports. */
export function boardModuleDeclarations(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of declarationFiles(folder)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes(BOARD_MODULE_PREFIX)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
    for (const statement of source.statements) {
      if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name) || !statement.name.text.startsWith(BOARD_MODULE_PREFIX))
        continue;
      const body = statement.body && ts.isModuleBlock(statement.body) ? statement.body.statements : [];
      const name = statement.name.text.slice(BOARD_MODULE_PREFIX.length);
      found.set(name, [...new Set([...(found.get(name) ?? []), ...exportedNames(body)])]);
    }
  }
  return found;
}

/** The ES module that stands in for a Python module in the program compiled for Node. */
export function standInModuleSource(module: PythonModuleImport, pythonModulesUrl: string): string {
  const lines = [
    `import { pythonModule, pythonModuleMember } from ${JSON.stringify(pythonModulesUrl)};`,
    `const module = pythonModule(${JSON.stringify(module.name)}, ${JSON.stringify(module.origin)});`,
  ];
  // Bound under a local name and exported by the Python one, which may be a JS reserved word.
  module.exports.forEach((name, index) => {
    lines.push(`const member${index} = pythonModuleMember(module, ${JSON.stringify(module.name)}, ${JSON.stringify(name)});`);
    lines.push(`export { member${index} as ${name} };`);
  });
  return `${lines.join("\n")}\n`;
}
