import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { transformArguments } from "./arguments.js";

/**
 * Functions declared with a `this` parameter (`function area(this: Shape)`) take `this` as a
 * first positional parameter in Python, named `this`. Calls pass it explicitly:
 * `area.call(s, 2)` → `area(s, 2)`, `area.apply(s, [2])` → `area(s, *[2])`,
 * `area.bind(s)` → `lambda *args: area(s, *args)`, `o.area()` → `o.area(o)`, `area()` →
 * `area(None)`. `call`/`apply`/`bind` of a user function without a `this` parameter drop
 * the `this` argument (TypeScript's noImplicitThis means such a function never reads it).
 */
export function takesExplicitThis(node: ts.SignatureDeclaration): boolean {
  const [first] = node.parameters;
  return first !== undefined && ts.isIdentifier(first.name) && first.name.text === "this";
}

/** The user function a callee's type calls, when it is a plain function (not a method or a library function). */
function userFunctionOf(callee: ts.Expression, context: TransformationContext): ts.SignatureDeclaration | undefined {
  const signatures = context.checker.getSignaturesOfType(context.checker.getTypeAtLocation(callee), ts.SignatureKind.Call);
  if (signatures.length !== 1) return undefined;
  const declaration = signatures[0]!.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (!declaration || !(ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)))
    return undefined;
  const symbol = context.checker.getSymbolAtLocation(declaration.name ?? declaration);
  if (symbol && !context.isDeclaredByUser(symbol)) return undefined;
  return declaration.getSourceFile().isDeclarationFile ? undefined : declaration;
}

function isFunctionPrototypeMember(callee: ts.PropertyAccessExpression, context: TransformationContext): boolean {
  const owner = context.symbolOf(callee.name)?.declarations?.[0]?.parent;
  return owner !== undefined && ts.isInterfaceDeclaration(owner) && ["Function", "CallableFunction"].includes(owner.name.text);
}

export function transformThisCall(node: ts.CallExpression, context: TransformationContext): py.Expression | undefined {
  const callee = node.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    ["call", "apply", "bind"].includes(callee.name.text) &&
    isFunctionPrototypeMember(callee, context)
  ) {
    const target = userFunctionOf(callee.expression, context);
    if (!target) return undefined;
    const explicit = takesExplicitThis(target);
    const func = context.transformExpression(callee.expression);
    const [thisArg, ...rest] = node.arguments;
    const thisValue = thisArg ? context.transformExpression(thisArg) : py.none();
    const thisArgs = explicit ? [thisValue] : [];
    if (!explicit && thisArg && !isEffectFree(thisValue)) context.addPrecedingStatements(py.expressionStatement(thisValue));
    const restArgs = context.transformInOrder(rest);
    const name = callee.name.text;
    if (name === "call") return py.call(func, [...thisArgs, ...restArgs]);
    if (name === "apply") return py.call(func, [...thisArgs, ...(restArgs[0] ? [py.starred(restArgs[0])] : [])]);
    const args = { name: "args", rest: true };
    return py.lambda([args], py.call(func, [...thisArgs, ...restArgs, py.starred(py.name("args"))]));
  }
  const target = userFunctionOf(callee, context);
  if (!target || !takesExplicitThis(target)) return undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = context.transformExpression(callee.expression);
    const owner = isEffectFree(receiver) ? receiver : context.temporary("owner");
    if (owner !== receiver) context.addPrecedingStatements(py.assign(owner as py.Name, receiver));
    const { args } = transformArguments(node, context);
    return py.call(py.attribute(owner, callee.name.text), [owner, ...args]);
  }
  const func = context.transformExpression(callee);
  const { args } = transformArguments(node, context);
  return py.call(func, [py.none(), ...args]);
}

function isEffectFree(expression: py.Expression): boolean {
  return expression.kind === "Name" || expression.kind === "Constant";
}
