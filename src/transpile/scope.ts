import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { moduleFacts } from "./module-facts.js";

/**
 * Scope questions answered with checker symbols (never names): where a variable is declared
 * and which functions assign it, to place `global`/`nonlocal` and to keep loops native.
 */

function isUpdate(node: ts.Node): node is ts.PrefixUnaryExpression | ts.PostfixUnaryExpression {
  return (
    (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
  );
}

function isAssignment(node: ts.Node): node is ts.BinaryExpression {
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

/** A function, or a static block, which runs as a function of its own (visitors/class.ts). */
export type FunctionScope = ts.SignatureDeclaration | ts.ClassStaticBlockDeclaration;

export function isFunctionScope(node: ts.Node): node is FunctionScope {
  return ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node);
}

/** Identifiers written by an assignment, `++`/`--` or a for-of header directly inside `root`. */
function assignedIdentifiers(root: ts.Node, enterFunctions: boolean): ts.Identifier[] {
  const file = root.getSourceFile();
  // A node made by the transform, in no parsed file: walked on its own.
  if (!file || root.pos < 0) return walkAssignedIdentifiers(root, enterFunctions);
  const found: ts.Identifier[] = [];
  for (const write of moduleFacts(file).writes) {
    if (write.node.pos < root.pos || write.node.end > root.end || !within(write.node, root, enterFunctions)) continue;
    const target = writtenIdentifier(write.target);
    if (target) found.push(target);
  }
  return found;
}

/**
 * Whether `node` is `root` or inside it (for `enterFunctions` false: not inside a function or
 * namespace nested in `root`), found through its parents as the walk would find it from `root`.
 */
function within(node: ts.Node, root: ts.Node, enterFunctions: boolean): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (current === root) return true;
    if (!enterFunctions && (isFunctionScope(current) || ts.isModuleDeclaration(current))) return false;
  }
  return false;
}

function writtenIdentifier(target: ts.Expression): ts.Identifier | undefined {
  while (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target)) target = target.expression;
  return ts.isIdentifier(target) ? target : undefined;
}

function walkAssignedIdentifiers(root: ts.Node, enterFunctions: boolean): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (!enterFunctions && node !== root && (isFunctionScope(node) || ts.isModuleDeclaration(node))) return;
    let target: ts.Expression | undefined;
    if (isAssignment(node)) target = node.left;
    else if (isUpdate(node)) target = node.operand;
    else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) {
      target = node.initializer as ts.Expression;
    }
    const identifier = target && writtenIdentifier(target);
    if (identifier) found.push(identifier);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The function (or source file) whose Python scope holds a declaration. */
export function scopeOf(declaration: ts.Node): ts.Node {
  let current = declaration.parent;
  // A namespace body runs as a function of its own (visitors/namespace.ts).
  while (current && !ts.isSourceFile(current) && !isFunctionScope(current) && !ts.isModuleDeclaration(current)) current = current.parent;
  // A parameter belongs to its own function.
  if (ts.isParameter(declaration)) return declaration.parent;
  return current ?? declaration.getSourceFile();
}

/** `global` and `nonlocal` names a Python function needs for the outer variables it assigns. */
export function capturedAssignments(fn: FunctionScope, context: TransformationContext): { global: string[]; nonlocal: string[] } {
  const global = new Set<string>();
  const nonlocal = new Set<string>();
  for (const identifier of assignedIdentifiers(fn, false)) {
    const symbol = context.symbolOf(identifier);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    // An exported namespace variable is a property of the namespace object, not a name.
    if (!declaration || !context.isDeclaredByUser(symbol!) || exportingNamespace(declaration)) continue;
    const scope = scopeOf(declaration);
    if (scope === fn) continue;
    const name = context.pythonName(identifier);
    if (ts.isSourceFile(scope)) global.add(name);
    else nonlocal.add(name);
  }
  return { global: [...global], nonlocal: [...nonlocal] };
}

export function hasExport(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/** The namespace whose body declares `declaration` as an export, if any. */
export function exportingNamespace(declaration: ts.Node): ts.ModuleDeclaration | undefined {
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  if (!statement || !hasExport(statement)) return undefined;
  const block = statement.parent;
  return block && ts.isModuleBlock(block) ? block.parent : undefined;
}

/** Whether `symbol` is written anywhere inside `root` (including nested functions). */
export function isAssignedWithin(symbol: ts.Symbol, root: ts.Node, context: TransformationContext): boolean {
  return assignedIdentifiers(root, true).some((identifier) => context.symbolOf(identifier) === symbol);
}

/**
 * Whether a function body reads `arguments` (its own, not a nested function's): such a function
 * sees every argument a caller passes, so its parameters say nothing about how it is called.
 */
export function readsArguments(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === "arguments") found = true;
    else if (!ts.isFunctionDeclaration(node) && !ts.isFunctionExpression(node)) ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}
