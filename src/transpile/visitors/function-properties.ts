import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";

/**
 * Functions that hold properties. JavaScript functions are objects (`tally.calls = 0`,
 * `const f: { (): void; label: string } = () => {}`); MicroPython functions and closures
 * cannot hold attributes, so such a function is made, where it is defined, a `JsFunction`:
 * an object called through `__call__` that can. A function is one when the checker gives it
 * properties of the program's: assigned to it (`f.x = …` after `function f` or `const f =
 * () => …`), or declared by the function type it is written for (`: { (): void; x: T }`,
 * `as T`), or copied onto it by `Object.assign(() => …, { x })`.
 */
export function holdsProperties(
  node: ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction,
  context: TransformationContext,
): boolean {
  const holder = ts.isFunctionDeclaration(node)
    ? node.name
    : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
      ? node.parent.name
      : undefined;
  const symbol = holder && context.symbolOf(holder);
  if (symbol && context.checker.getTypeOfSymbol(symbol).getProperties().some(isAssignedProperty)) return true;
  // `function f() {}` + `namespace f { export const x = 1 }`: the namespace's object is the function.
  if (symbol && ts.isFunctionDeclaration(node) && symbol.flags & ts.SymbolFlags.ValueModule) return true;
  if (ts.isFunctionDeclaration(node)) return false;
  if (isAssignedTo(node, context)) return true;
  const written = context.checker.getContextualType(node);
  return (
    written !== undefined &&
    written.getCallSignatures().length > 0 &&
    written.getProperties().some((property) => declaresOwnProperty(property, context))
  );
}

/** A property the program assigns to a function (`f.x = 1`): TypeScript declares it there. */
function isAssignedProperty(property: ts.Symbol): boolean {
  const declarations = property.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every(
      (declaration) =>
        ts.isPropertyAccessExpression(declaration) || ts.isBinaryExpression(declaration) || ts.isElementAccessExpression(declaration),
    )
  );
}

/** A property a function type of the program declares beside its call signature. */
function declaresOwnProperty(property: ts.Symbol, context: TransformationContext): boolean {
  return context.isDeclaredByUser(property) && (property.declarations ?? []).every(ts.isPropertySignature);
}

/**
 * Whether a property of a callable value is one `holdsProperties` gave its function a place
 * for: assigned to a function of the program, or declared by a function type of the program.
 */
export function isFunctionProperty(property: ts.Symbol, context: TransformationContext): boolean {
  return (
    isAssignedProperty(property) ||
    declaresOwnProperty(property, context) ||
    isCopiedOnto(property, context) ||
    isMergedNamespaceMember(property, context)
  );
}

/** An export of a namespace merged with a function (`namespace f { export const x }`). */
function isMergedNamespaceMember(property: ts.Symbol, context: TransformationContext): boolean {
  const declarations = property.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const namespace = ts.findAncestor(declaration, ts.isModuleDeclaration);
      const symbol = namespace && context.symbolOf(namespace.name);
      return symbol !== undefined && (symbol.flags & ts.SymbolFlags.Function) !== 0;
    })
  );
}

/** A property of `{ … }` in `Object.assign(() => …, { … })`, which `holdsProperties` made a JsFunction. */
function isCopiedOnto(property: ts.Symbol, context: TransformationContext): boolean {
  const declarations = property.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const literal = declaration.parent;
      if (
        !(ts.isPropertyAssignment(declaration) || ts.isShorthandPropertyAssignment(declaration)) ||
        !ts.isObjectLiteralExpression(literal)
      )
        return false;
      const call = literal.parent;
      const target = ts.isCallExpression(call) && call.arguments.indexOf(literal) > 0 ? call.arguments[0] : undefined;
      return target !== undefined && (ts.isArrowFunction(target) || ts.isFunctionExpression(target)) && isAssignedTo(target, context);
    })
  );
}

/** `Object.assign(() => …, { x: 1 })`: the library copies properties onto the function. */
function isAssignedTo(node: ts.Expression, context: TransformationContext): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== node || !ts.isPropertyAccessExpression(call.expression)) return false;
  const callee = context.symbolOf(call.expression.name);
  return call.expression.getText() === "Object.assign" && callee !== undefined && !context.isDeclaredByUser(callee);
}
