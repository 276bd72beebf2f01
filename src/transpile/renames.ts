import { ts } from "./typescript.js";
import { moduleFacts } from "./module-facts.js";
import { pythonSafeName } from "./reserved-names.js";

/**
 * Python scopes by function, JS by block: `let x` in an inner block shadows an outer `x` in
 * JS but would overwrite it in Python. Such inner declarations get a numbered name (`x_2`).
 * Sibling blocks (`if {const r} else {const r}`) never overlap, so they keep their names.
 */
export function shadowingRenames(file: ts.SourceFile, checker: ts.TypeChecker): Map<ts.Symbol, string> {
  const byScope = new Map<ts.Node, Declared[]>();
  for (const node of moduleFacts(file).declarations) {
    const declared = declarationOf(node, checker);
    if (declared) {
      const list = byScope.get(declared.pythonScope) ?? [];
      list.push(declared);
      byScope.set(declared.pythonScope, list);
    }
  }
  const renames = new Map<ts.Symbol, string>();
  for (const declarations of byScope.values()) {
    const taken = new Set(declarations.map((declared) => declared.name));
    const kept: Declared[] = [];
    // Outer blocks first, so the inner (shadowing) declaration is the one renamed.
    const outerFirst = [...declarations].sort((a, b) => depth(a.block) - depth(b.block) || a.block.pos - b.block.pos);
    for (const declared of outerFirst) {
      const clash = kept.find(
        (other) => other.name === declared.name && other.symbol !== declared.symbol && overlaps(other.block, declared.block),
      );
      if (clash) {
        let index = 2;
        while (taken.has(`${declared.name}_${index}`)) index++;
        declared.name = `${declared.name}_${index}`;
        taken.add(declared.name);
        renames.set(declared.symbol, declared.name);
      }
      kept.push(declared);
    }
  }
  return renames;
}

interface Declared {
  symbol: ts.Symbol;
  name: string;
  /** The function (or file) whose Python scope holds the name. */
  pythonScope: ts.Node;
  /** The JS block the name is visible in. */
  block: ts.Node;
}

function depth(node: ts.Node): number {
  let count = 0;
  for (let current = node.parent; current; current = current.parent) count++;
  return count;
}

function overlaps(a: ts.Node, b: ts.Node): boolean {
  return (a.pos <= b.pos && b.end <= a.end) || (b.pos <= a.pos && a.end <= b.end);
}

function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  // A static block runs as a function of its own (visitors/class.ts).
  while (!ts.isSourceFile(current) && !ts.isFunctionLike(current) && !ts.isClassStaticBlockDeclaration(current)) current = current.parent;
  return current;
}

function declarationOf(node: ts.Node, checker: ts.TypeChecker): Declared | undefined {
  let name: ts.Node | undefined;
  let block: ts.Node | undefined;
  let pythonScope: ts.Node | undefined;
  // A name bound by a pattern (`let [x] = …`, `for (const { x } of …)`) is scoped as the
  // declaration or parameter the pattern belongs to.
  let root: ts.Node = node;
  if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) {
    while (ts.isBindingElement(root) || ts.isObjectBindingPattern(root) || ts.isArrayBindingPattern(root)) root = root.parent;
  }
  if (ts.isVariableDeclaration(root) && (root !== node || ts.isIdentifier(root.name))) {
    name = node === root ? root.name : (node as ts.BindingElement).name;
    const list = root.parent;
    pythonScope = enclosingFunction(root);
    if (ts.isCatchClause(list)) block = list;
    else if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) block = pythonScope;
    else block = ts.isVariableStatement(list.parent) ? list.parent.parent : list.parent;
  } else if (ts.isParameter(root) && (root !== node || ts.isIdentifier(root.name))) {
    name = node === root ? root.name : (node as ts.BindingElement).name;
    pythonScope = root.parent;
    block = root.parent;
  } else if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
    // JavaScript scopes a function (class) expression's own name to its body; its def is hoisted
    // into the enclosing function, where it lives as long as that runs: it clashes with every
    // other declaration there of the same name (`const f = 1; g(function f() { … f() … })`).
    name = node.name;
    pythonScope = enclosingFunction(node);
    block = pythonScope;
  } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) {
    name = node.name;
    pythonScope = enclosingFunction(node);
    block = node.parent;
  }
  if (!name || !block || !pythonScope) return undefined;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return undefined;
  return { symbol, name: pythonSafeName((name as ts.Identifier).text), pythonScope, block };
}
