import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { moduleFacts } from "../module-facts.js";
import type * as py from "../python-ast.js";

/** Every declaration that has parameters and a body. */
export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.AccessorDeclaration;

/**
 * JS ignores surplus arguments; Python raises TypeError. A function that may be called with
 * more arguments than it declares takes the rest as `*_`:
 * - a function expression passed where its caller's signature offers more (an IRQ handler that
 *   ignores the pin it is given), or to a callee typed `any`;
 * - a declaration with an overload that declares more (`m(a): T; m(a, b): T; m(a) {…}`);
 * - a function declaration, or a `const` holding a function expression, that the module uses as
 *   a value where more arguments are offered (`apply(g)` with `apply(f: (a, b) => …)`);
 * - a `toJSON` method or property of a class or object literal, which JSON.stringify calls with
 *   the property's name.
 * Library mappings (builtins/) call callbacks with the arguments they declare, so a function
 * passed to a library member needs nothing.
 */
export function extraArguments(node: FunctionLike, context: TransformationContext): py.Parameter[] {
  if (node.parameters.some((parameter) => parameter.dotDotDotToken)) return [];
  const declared = node.parameters.filter((parameter) => !isThisParameter(parameter)).length;
  return mostOffered(node, context) > declared ? [{ name: "_", rest: true }] : [];
}

/**
 * A function value that is no function expression (`o.m.bind(o)`, a bound Python method): the
 * arguments its declarations take, when `expression`'s context may offer more, so that its use
 * can drop the surplus (`js_arity`); undefined when no more are offered or it takes a rest.
 */
export function surplusArity(
  expression: ts.Expression,
  declarations: readonly ts.Declaration[],
  context: TransformationContext,
): number | undefined {
  const signatures = declarations.filter((declaration): declaration is ts.SignatureDeclaration => ts.isFunctionLike(declaration));
  if (signatures.length === 0) return undefined;
  const declared = Math.max(...signatures.map(parameterCount));
  return offeredAt(expression, context) > declared ? declared : undefined;
}

function mostOffered(node: FunctionLike, context: TransformationContext): number {
  return Math.max(offeredBySerializer(node), offeredByUse(node, context));
}

function offeredByUse(node: FunctionLike, context: TransformationContext): number {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const holder = node.parent;
    const held =
      ts.isVariableDeclaration(holder) && holder.initializer === node && ts.isIdentifier(holder.name)
        ? offeredByValueUses(context).get(context.checker.getSymbolAtLocation(holder.name)!)
        : undefined;
    return Math.max(offeredAt(node, context), held ?? 0);
  }
  if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent)) return offeredToMethod(node, node.parent, context);
  const symbol = node.name
    ? context.checker.getSymbolAtLocation(node.name)
    : ts.isConstructorDeclaration(node)
      ? constructorSymbol(node, context)
      : undefined;
  if (!symbol) return 0;
  const overloads = (symbol.declarations ?? [])
    .filter(
      (declaration): declaration is ts.SignatureDeclaration =>
        ts.isFunctionLike(declaration) && declaration !== node && !("body" in declaration && declaration.body),
    )
    .map(parameterCount);
  const uses = ts.isFunctionDeclaration(node) ? (offeredByValueUses(context).get(symbol) ?? 0) : 0;
  return Math.max(0, uses, ...overloads);
}

function constructorSymbol(node: ts.ConstructorDeclaration, context: TransformationContext): ts.Symbol | undefined {
  return context.checker.getSymbolAtLocation(node.parent.name ?? node.parent)?.members?.get(ts.InternalSymbolName.Constructor);
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === "this";
}

/** The arguments a signature declares (Infinity with a rest parameter), `this` aside. */
function parameterCount(signature: ts.SignatureDeclaration): number {
  if (signature.parameters.some((parameter) => parameter.dotDotDotToken)) return Infinity;
  return signature.parameters.filter((parameter) => !isThisParameter(parameter)).length;
}

/**
 * JSON.stringify calls a value's `toJSON` with one argument (the key): a method or function
 * named so (for `{ toJSON }`), or a function held by a property named so (`{ toJSON: () => … }`,
 * `toJSON = f` in a class), is offered one.
 */
function offeredBySerializer(node: ts.Node): number {
  let position = node;
  while (ts.isParenthesizedExpression(position.parent)) position = position.parent;
  const holder = ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) ? node : position.parent;
  const named =
    (((ts.isMethodDeclaration(holder) || ts.isFunctionDeclaration(holder)) && holder === node) ||
      (ts.isPropertyAssignment(holder) && holder.initializer === position) ||
      (ts.isPropertyDeclaration(holder) && holder.initializer === position) ||
      (ts.isShorthandPropertyAssignment(holder) && holder.name === position)) &&
    holder.name !== undefined &&
    (ts.isIdentifier(holder.name) || ts.isStringLiteral(holder.name)) &&
    holder.name.text === "toJSON";
  return named ? 1 : 0;
}

/** The most arguments the context of a function-valued expression may call it with. */
function offeredAt(expression: ts.Expression, context: TransformationContext): number {
  return Math.max(offeredBySerializer(expression), offeredByContext(expression, context));
}

function offeredByContext(expression: ts.Expression, context: TransformationContext): number {
  let position: ts.Node = expression;
  while (ts.isParenthesizedExpression(position.parent)) position = position.parent;
  const call = position.parent;
  if (
    (ts.isCallExpression(call) || ts.isNewExpression(call)) &&
    call.expression !== position &&
    ts.isPropertyAccessExpression(call.expression)
  ) {
    const callee = context.symbolOf(call.expression.name);
    if (callee && !context.isDeclaredByUser(callee) && !context.isDeclaredByFacade(callee)) return 0;
  }
  const contextual = context.checker.getContextualType(expression);
  if (!contextual) return 0;
  if (contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return Infinity;
  const offered = context.checker
    .getNonNullableType(contextual)
    .getCallSignatures()
    .map((signature) => {
      const declaration = signature.getDeclaration();
      return declaration ? parameterCount(declaration) : signature.parameters.length;
    });
  return Math.max(0, ...offered);
}

/** The most arguments an object literal's method may be called with: what the literal's type declares for it. */
function offeredToMethod(method: ts.MethodDeclaration, literal: ts.ObjectLiteralExpression, context: TransformationContext): number {
  const contextual = context.checker.getContextualType(literal);
  if (!contextual) return 0;
  if (contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return Infinity;
  const name = ts.isIdentifier(method.name) || ts.isStringLiteral(method.name) ? method.name.text : undefined;
  const property = name === undefined ? undefined : context.checker.getNonNullableType(contextual).getProperty(name);
  if (!property) return 0;
  const offered = context.checker
    .getNonNullableType(context.checker.getTypeOfSymbol(property))
    .getCallSignatures()
    .map((signature) => {
      const declaration = signature.getDeclaration();
      return declaration ? parameterCount(declaration) : signature.parameters.length;
    });
  return Math.max(0, ...offered);
}

const valueUses = new WeakMap<TransformationContext, Map<ts.Symbol, number>>();

/**
 * For each function of this module used as a value (not called by name), the most arguments
 * those uses offer; found from the module's value uses (module-facts.ts), remembered per transformation.
 */
function offeredByValueUses(context: TransformationContext): Map<ts.Symbol, number> {
  let uses = valueUses.get(context);
  if (uses) return uses;
  const found = new Map<ts.Symbol, number>();
  for (const node of moduleFacts(context.sourceFile).valueUses) {
    const symbol = context.symbolOf(node);
    if (symbol && holdsUserFunction(symbol, context)) {
      const offered = offeredAt(node, context);
      if (offered > (found.get(symbol) ?? 0)) found.set(symbol, offered);
    }
  }
  uses = found;
  valueUses.set(context, uses);
  return uses;
}

function holdsUserFunction(symbol: ts.Symbol, context: TransformationContext): boolean {
  const declaration = symbol.valueDeclaration;
  if (!declaration || declaration.getSourceFile() !== context.sourceFile) return false;
  if (ts.isFunctionDeclaration(declaration)) return true;
  return (
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
  );
}
