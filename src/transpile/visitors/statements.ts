import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { destructure } from "./destructuring.js";
import { isPromiseType, typeOf } from "../types.js";
import { producesJsPromise, startDroppedCall, startedAtCall, transformReturnedValue } from "../builtins/promise.js";
import { transformAssignmentStatement, isAssignmentOperator } from "./assignment.js";
import { functionDefinition, functionWrapper } from "./function.js";
import { classDefinition } from "./class.js";
import { skipParentheses } from "./transparent.js";
import { transformUpdateStatement } from "./unary.js";
import { usingDeclarations } from "./using.js";

export function transformVariableStatement(node: ts.VariableStatement, context: TransformationContext): py.Statement[] {
  if (node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  return transformVariableDeclarationList(node.declarationList, context);
}

export function transformVariableDeclarationList(list: ts.VariableDeclarationList, context: TransformationContext): py.Statement[] {
  // `using` and `await using` (AwaitUsing includes Using's bit).
  if (list.flags & ts.NodeFlags.Using) return usingDeclarations(list, context);
  const statements: py.Statement[] = [];
  for (const declaration of list.declarations) {
    if (!ts.isIdentifier(declaration.name)) {
      statements.push(
        ...destructure(
          declaration.name,
          declaration.initializer ? context.transformExpression(declaration.initializer) : py.none(),
          declaration.initializer ?? declaration,
          context,
        ),
      );
      continue;
    }
    const name = context.pythonName(declaration.name);
    const initializer = declaration.initializer && skipParentheses(declaration.initializer);
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) {
      // `const add = (a, b) => a + b` reads best as `def add(a, b):`. A named function
      // expression calls itself by its own name, which must exist too.
      const ownName = ts.isFunctionExpression(initializer) && initializer.name ? context.pythonName(initializer.name) : name;
      statements.push(functionDefinition(ownName, initializer, context));
      const wrapper = functionWrapper(initializer, context);
      if (wrapper) statements.push(py.assign(py.name(ownName), py.call(context.useHelper(wrapper), [py.name(ownName)])));
      if (ownName !== name) statements.push(py.assign(py.name(name), py.name(ownName)));
      continue;
    }
    if (initializer && ts.isClassExpression(initializer) && !initializer.name) {
      // `const Shape = class { … }` reads best as `class Shape:`.
      statements.push(...classDefinition(initializer, name, context));
      continue;
    }
    const target = py.name(name);
    // `let x;` is undefined in JS: give the Python name a value so reading it works the same.
    const value = declaration.initializer
      ? startedAtCall(declaration, context.transformExpression(declaration.initializer), context)
      : py.none();
    statements.push(py.assign(target, value));
  }
  return statements;
}

export function transformExpressionStatement(node: ts.ExpressionStatement, context: TransformationContext): py.Statement[] {
  return transformExpressionAsStatements(node.expression, context);
}

/** An expression evaluated for its effect (a statement, a for-loop incrementor). */
export function transformExpressionAsStatements(node: ts.Expression, context: TransformationContext): py.Statement[] {
  const expression = skipParentheses(node);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.CommaToken) {
    return [...transformExpressionAsStatements(expression.left, context), ...transformExpressionAsStatements(expression.right, context)];
  }
  if (ts.isBinaryExpression(expression) && isAssignmentOperator(expression.operatorToken.kind)) {
    return transformAssignmentStatement(expression, context);
  }
  if (
    (ts.isPrefixUnaryExpression(expression) || ts.isPostfixUnaryExpression(expression)) &&
    (expression.operator === ts.SyntaxKind.PlusPlusToken || expression.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    return transformUpdateStatement(expression, context);
  }
  if (
    ts.isCallExpression(expression) &&
    isPromiseType(callResultType(expression, context)) &&
    !isTopLevelBlockingRun(expression, context) &&
    !producesJsPromise(expression, context)
  ) {
    return [py.expressionStatement(startDroppedCall(expression, context.transformExpression(expression), context))];
  }
  return [py.expressionStatement(context.transformExpression(expression))];
}

/**
 * What a call gives, for telling whether it is a promise: the return type of the signature the
 * checker resolved while checking the module (it keeps it), rather than a type query, which
 * checks the callee again. `super(…)` (void) and `import(…)` (a promise of the module) are
 * typed by their syntax, not by a signature: they take the type query.
 */
function callResultType(call: ts.CallExpression, context: TransformationContext): ts.Type {
  const callee = call.expression.kind;
  const signature =
    callee === ts.SyntaxKind.SuperKeyword || callee === ts.SyntaxKind.ImportKeyword
      ? undefined
      : context.checker.getResolvedSignature(call);
  return signature ? context.checker.getReturnTypeOfSignature(signature) : typeOf(context, call);
}

/** `asyncio.run(main())` and friends block on a board; they are written without await. */
function isTopLevelBlockingRun(call: ts.CallExpression, context: TransformationContext): boolean {
  const symbol = context.symbolOf(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
  return symbol !== undefined && context.isDeclaredByFacade(symbol);
}

export function transformReturnStatement(node: ts.ReturnStatement, context: TransformationContext): py.Statement[] {
  return [py.returnStatement(node.expression ? transformReturnedValue(node.expression, context) : undefined)];
}

export function transformBlock(node: ts.Block, context: TransformationContext): py.Statement[] {
  // A nested block only scopes `let`; Python scopes by function, so its statements are inlined.
  return context.transformStatements(node.statements);
}

export const transformEmptyStatement = (): py.Statement[] => [];

/** Type-only declarations vanish. */
export const transformErasedDeclaration = (): py.Statement[] => [];

/**
 * Interfaces vanish too, but one extending an array type (`interface Row extends Array<number>`)
 * names lists that the type-directed mappings would not see as arrays (`row?.[1]` read as an
 * attribute): rejected rather than mistranslated.
 */
export function transformInterfaceDeclaration(node: ts.InterfaceDeclaration, context: TransformationContext): py.Statement[] {
  const bases = node.heritageClauses?.flatMap((clause) => clause.types) ?? [];
  const checker = context.checker;
  if (bases.some((base) => checker.isArrayType(checker.getTypeAtLocation(base)) || checker.isTupleType(checker.getTypeAtLocation(base)))) {
    context.report(diagnostics.interfaceExtendingArray(node));
  }
  return [];
}
