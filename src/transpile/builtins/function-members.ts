import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import * as libraryDiagnostics from "./diagnostics.js";

/**
 * `f.name` and `f.length` of a function or class: MicroPython functions carry neither a
 * JavaScript name nor an arity, so they are read from the declaration when building. Only a
 * value the build can follow to its one declaration qualifies: a function or class named
 * directly, a const holding one (or holding another such const), or a literal written in place.
 */

export interface KnownFunction {
  /** The function or class the value surely is. */
  declaration: ts.SignatureDeclaration | ts.ClassLikeDeclaration;
  /** Its JavaScript `name`: its own, else the variable it was first assigned to, else "". */
  name: string;
}

function stripParentheses(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function isFunctionValue(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression | ts.ClassExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node);
}

export function knownFunction(node: ts.Expression, context: TransformationContext, seen = new Set<ts.Symbol>()): KnownFunction | undefined {
  const value = stripParentheses(node);
  if (isFunctionValue(value)) return { declaration: value, name: value.name?.text ?? "" };
  if (!ts.isIdentifier(value)) return undefined;
  let symbol = context.symbolOf(value);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
  if (!symbol || seen.has(symbol)) return undefined;
  seen.add(symbol);
  const declarations = symbol.declarations ?? [];
  // The implementation of an overloaded function, the class itself (not a merged interface).
  const implementation = declarations.find((declaration) => ts.isFunctionDeclaration(declaration) && declaration.body !== undefined);
  if (implementation)
    return {
      declaration: implementation as ts.FunctionDeclaration,
      name: (implementation as ts.FunctionDeclaration).name?.text ?? "default",
    };
  const classDeclaration = declarations.find(ts.isClassDeclaration);
  if (classDeclaration) return { declaration: classDeclaration, name: classDeclaration.name?.text ?? "default" };
  const variable = declarations.find(ts.isVariableDeclaration);
  if (!variable?.initializer || !ts.isIdentifier(variable.name) || !(ts.getCombinedNodeFlags(variable) & ts.NodeFlags.Const))
    return undefined;
  const initializer = stripParentheses(variable.initializer);
  // `const foo = class {}` names the class "foo"; `const bar = foo` keeps foo's name.
  if (isFunctionValue(initializer)) return { declaration: initializer, name: initializer.name?.text ?? variable.name.text };
  return knownFunction(initializer, context, seen);
}

/** JavaScript's `length`: the parameters before the first one with a default or a rest, `this` not counted. */
function parameterCount(declaration: ts.SignatureDeclaration | ts.ClassLikeDeclaration): number {
  const signature = ts.isClassLike(declaration)
    ? declaration.members.find(
        (member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined,
      )
    : declaration;
  let count = 0;
  for (const parameter of signature?.parameters ?? []) {
    if (ts.isIdentifier(parameter.name) && parameter.name.text === "this") continue;
    if (parameter.initializer || parameter.dotDotDotToken) break;
    count += 1;
  }
  return count;
}

/** `name`/`length` of the library's Function interface, on `node.expression`. */
export function transformFunctionProperty(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression {
  const known = knownFunction(node.expression, context);
  if (!known) {
    context.report(libraryDiagnostics.functionPropertyUnknown(node, node.name.text));
    return py.none();
  }
  return node.name.text === "name" ? py.str(known.name) : py.num(parameterCount(known.declaration));
}
