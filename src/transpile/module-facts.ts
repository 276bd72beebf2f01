import { ts } from "./typescript.js";

/**
 * What the transform asks about a whole module, collected in one walk of its syntax tree. Eight
 * questions (renames.ts, symbol-keys.ts, scope.ts, integers.ts, operators/numeric.ts,
 * magnitudes.ts, undefined-text.ts, surplus-arguments.ts, builtins/async-start.ts) each walked the
 * module on their own: about 15 % of a cold transform (`--cpu-prof` of the bench project). Each
 * list keeps the nodes in the order those walks met them, so each question asks the checker the
 * same things in the same order. Syntax only: the checker is asked by the questions, on use.
 */
export interface ModuleFacts {
  /**
   * `x = …`, `x += …`, `++x`, `x--` (any target), and `for (x of …)` / `for (x in …)` with a
   * target that is not a declaration, each with the expression it writes.
   */
  readonly writes: readonly WriteFact[];
  /** Array and object literals that are the left side of a binary expression (`[a, b] = …`). */
  readonly patternTargets: readonly (ts.ArrayLiteralExpression | ts.ObjectLiteralExpression)[];
  /** Calls and `new` with at least one argument. */
  readonly callsWithArguments: readonly (ts.CallExpression | ts.NewExpression)[];
  /** Nodes that may declare a name (variables, parameters, binding elements, functions, classes, enums). */
  readonly declarations: readonly ts.Node[];
  /** Element accesses, computed names, `in` and calls: keys that may be symbols, outside type declarations. */
  readonly propertyKeys: readonly ts.Node[];
  /** Identifiers read as a value (not called, declared, or a member name), outside types. */
  readonly valueUses: readonly ts.Identifier[];
  /** Function and method declarations, variables and properties with an initializer: async names. */
  readonly namedFunctions: readonly ts.Node[];
}

export interface WriteFact {
  /** The assignment, `++`/`--`, or for-of / for-in statement. */
  readonly node: ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression | ts.ForOfStatement | ts.ForInStatement;
  /** The written expression as written (`x`, `(x)`, `this.x`, `[a, b]`). */
  readonly target: ts.Expression;
}

const factsByFile = new WeakMap<ts.SourceFile, ModuleFacts>();

/** The facts of a parsed module, collected on first use and kept as long as the file is. */
export function moduleFacts(file: ts.SourceFile): ModuleFacts {
  let facts = factsByFile.get(file);
  if (!facts) {
    facts = collect(file);
    factsByFile.set(file, facts);
  }
  return facts;
}

function collect(file: ts.SourceFile): ModuleFacts {
  const writes: WriteFact[] = [];
  const patternTargets: (ts.ArrayLiteralExpression | ts.ObjectLiteralExpression)[] = [];
  const callsWithArguments: (ts.CallExpression | ts.NewExpression)[] = [];
  const declarations: ts.Node[] = [];
  const propertyKeys: ts.Node[] = [];
  const valueUses: ts.Identifier[] = [];
  const namedFunctions: ts.Node[] = [];
  // Inside a type node (value uses skip these); inside a type node other than `extends C<T>`,
  // an interface or a type alias (symbol keys skip these).
  let inType = false;
  let inTypeDeclaration = false;
  const visit = (node: ts.Node): void => {
    const outerType = inType;
    const outerTypeDeclaration = inTypeDeclaration;
    switch (node.kind) {
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) {
          writes.push({ node: binary, target: binary.left });
        }
        if (operator === ts.SyntaxKind.InKeyword && !inTypeDeclaration) propertyKeys.push(node);
        break;
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        const update = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
        if (update.operator === ts.SyntaxKind.PlusPlusToken || update.operator === ts.SyntaxKind.MinusMinusToken) {
          writes.push({ node: update, target: update.operand });
        }
        break;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const loop = node as ts.ForOfStatement | ts.ForInStatement;
        if (!ts.isVariableDeclarationList(loop.initializer)) writes.push({ node: loop, target: loop.initializer });
        break;
      }
      case ts.SyntaxKind.ArrayLiteralExpression:
      case ts.SyntaxKind.ObjectLiteralExpression: {
        const parent = node.parent;
        if (ts.isBinaryExpression(parent) && parent.left === node) patternTargets.push(node as ts.ArrayLiteralExpression);
        break;
      }
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression: {
        const call = node as ts.CallExpression | ts.NewExpression;
        if (call.arguments && call.arguments.length > 0) callsWithArguments.push(call);
        if (ts.isCallExpression(call) && !inTypeDeclaration) propertyKeys.push(node);
        break;
      }
      case ts.SyntaxKind.ElementAccessExpression:
      case ts.SyntaxKind.ComputedPropertyName:
        if (!inTypeDeclaration) propertyKeys.push(node);
        break;
      case ts.SyntaxKind.Identifier:
        if (!inType && isValueUse(node as ts.Identifier)) valueUses.push(node as ts.Identifier);
        break;
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        inTypeDeclaration = true;
        break;
    }
    switch (node.kind) {
      case ts.SyntaxKind.BindingElement:
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.Parameter:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ClassExpression:
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.EnumDeclaration:
        declarations.push(node);
    }
    switch (node.kind) {
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.PropertyDeclaration:
      case ts.SyntaxKind.PropertyAssignment:
        namedFunctions.push(node);
    }
    if (ts.isTypeNode(node)) {
      inType = true;
      if (!ts.isExpressionWithTypeArguments(node)) inTypeDeclaration = true;
    }
    ts.forEachChild(node, visit);
    inType = outerType;
    inTypeDeclaration = outerTypeDeclaration;
  };
  visit(file);
  return { writes, patternTargets, callsWithArguments, declarations, propertyKeys, valueUses, namedFunctions };
}

/** An identifier read as a value, not called, declared, or a member name. */
function isValueUse(node: ts.Identifier): boolean {
  let position: ts.Node = node;
  while (ts.isParenthesizedExpression(position.parent)) position = position.parent;
  const parent = position.parent;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === position) return false;
  if ((ts.isTaggedTemplateExpression(parent) && parent.tag === position) || ts.isPropertyAccessExpression(parent)) return false;
  // The name a declaration (or a `{ g }` shorthand, `o.g`) gives: no use of a value.
  if ((parent as ts.NamedDeclaration).name === node) return false;
  return !(ts.isExportSpecifier(parent) || ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isTypeOfExpression(parent));
}
