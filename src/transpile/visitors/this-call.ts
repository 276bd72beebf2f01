import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { transformArguments } from "./arguments.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { memberAttribute } from "./static-names.js";
import { knownFunction } from "../builtins/function-members.js";
import { readsReceiver } from "./class-receivers.js";

/**
 * Functions declared with a `this` parameter (`function area(this: Shape)`) take `this` as the
 * keyword parameter `this=None` in Python (function.ts's thisParameter). Calls of such a
 * function, known by its own type, pass it by name: `area.call(s, 2)` → `area(2, this=s)`,
 * `area.apply(s, [2])` → `area(*[2], this=s)`, `area.bind(s)` → `lambda *args: area(*args,
 * this=s)`, `o.area()` → `o.area(this=o)`; a plain call `area()` passes nothing, so `this` is
 * undefined as in JavaScript. Being a keyword with a default, it cannot shift the other
 * arguments when the function travels through a type that does not mention `this` (`const f:
 * (s: string) => string = area`), and a call through a function type never passes it, so it
 * reaches only functions that take it. `call`/`apply`/`bind` of a user function without a
 * `this` parameter drop the `this` argument (TypeScript's noImplicitThis means such a function
 * never reads it).
 */
export function takesExplicitThis(node: ts.SignatureDeclaration): boolean {
  const [first] = node.parameters;
  return first !== undefined && ts.isIdentifier(first.name) && first.name.text === "this";
}

/**
 * The user function a callee's type calls, when that type is the function's own (not a
 * function type it was assigned to): then it is known to take the `this=` keyword.
 */
function userFunctionOf(callee: ts.Expression, context: TransformationContext): ts.SignatureDeclaration | undefined {
  return functionOfOwnType(callee, context) ?? functionHeldByConst(callee, context);
}

/**
 * `const f: (...args: any) => any = function (this: T, …) {…}`: the type forgot the function,
 * but the const holds that one function (function-members.ts follows it), so whether it takes
 * `this` is known.
 */
function functionHeldByConst(callee: ts.Expression, context: TransformationContext): ts.SignatureDeclaration | undefined {
  const declaration = knownFunction(callee, context)?.declaration;
  if (!declaration || !(ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)))
    return undefined;
  return declaration.getSourceFile().isDeclarationFile ? undefined : declaration;
}

function functionOfOwnType(callee: ts.Expression, context: TransformationContext): ts.SignatureDeclaration | undefined {
  // `f?.call(t)` on `typeof f | undefined`: the function's own type once undefined is set aside.
  const type = context.checker.getNonNullableType(context.checker.getTypeAtLocation(callee));
  const signatures = context.checker.getSignaturesOfType(type, ts.SignatureKind.Call);
  if (signatures.length !== 1) return undefined;
  const declaration = signatures[0]!.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (!declaration || !(ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)))
    return undefined;
  const symbol = context.checker.getSymbolAtLocation(declaration.name ?? declaration);
  if (symbol && !context.isDeclaredByUser(symbol)) return undefined;
  return declaration.getSourceFile().isDeclarationFile ? undefined : declaration;
}

/**
 * `o.m` naming a method of a class, interface or object literal: its type's signatures are the
 * method's own declarations, never a function's, so userFunctionOf would find none. Answered
 * from the member's symbol, which the checker keeps, instead of asking for the callee's type
 * (re-checked on every ask). A member of a union (`a | b`) has a synthetic property symbol
 * and takes the type query.
 */
function namesMethod(callee: ts.PropertyAccessExpression, context: TransformationContext): boolean {
  const symbol = context.symbolOf(callee.name);
  return (
    symbol !== undefined &&
    (symbol.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Property)) === ts.SymbolFlags.Method &&
    (symbol.declarations?.length ?? 0) > 0 &&
    symbol.declarations!.every((declaration) => ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))
  );
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
    if (!target) return transformCallOfValue(node, callee, context);
    const explicit = takesExplicitThis(target);
    const func = direct(context.transformExpression(callee.expression), explicit);
    const [thisArg, ...rest] = node.arguments;
    const thisValue = thisArg ? context.transformExpression(thisArg) : py.none();
    const thisKeyword: py.Keyword[] = explicit ? [{ name: "this", value: thisValue }] : [];
    if (!explicit && thisArg && !isEffectFree(thisValue)) context.addPrecedingStatements(py.expressionStatement(thisValue));
    const restArgs = context.transformInOrder(rest);
    const name = callee.name.text;
    if (name === "call") return py.call(func, restArgs, thisKeyword);
    if (name === "apply") return py.call(func, restArgs[0] ? [py.starred(restArgs[0])] : [], thisKeyword);
    const args = { name: "args", rest: true };
    return py.lambda([args], py.call(func, [...restArgs, py.starred(py.name("args"))], thisKeyword));
  }
  // `o.f(x)` of a function declaring `this` passes `o`; a plain call `f(x)` leaves it None.
  if (!ts.isPropertyAccessExpression(callee) || namesMethod(callee, context)) return undefined;
  const target = userFunctionOf(callee, context);
  if (!target || !takesExplicitThis(target)) return undefined;
  const receiver = context.transformExpression(callee.expression);
  const owner = isEffectFree(receiver) ? receiver : context.temporary("owner");
  if (owner !== receiver) context.addPrecedingStatements(py.assign(owner as py.Name, receiver));
  const { args, keywords } = transformArguments(node, context);
  return py.call(direct(py.attribute(owner, memberAttribute(callee.name, callee.name.text, context)), true), args, [
    ...keywords,
    { name: "this", value: owner },
  ]);
}

/**
 * A function declaring `this` is a JsThisFunction (function.ts): called where the build knows
 * it, its Python function is called directly, sparing the wrapper's `__call__`.
 */
function direct(func: py.Expression, declaresThis: boolean): py.Expression {
  return declaresThis ? py.attribute(func, "_js_fn") : func;
}

/**
 * `f.call(t, …)`, `f.apply(t, args)`, `f.bind(t, …)` where the build cannot tell which function
 * `f` holds: js_call decides when it runs, by the mark a function declaring `this` got where it
 * was defined (JsThisFunction) or an object literal's method bound to its object (JsMethod);
 * any other function ignores `this` as it would in JavaScript (an arrow function, a bound one,
 * one that never reads it). `a.m.call(b)` of a class's method runs the class's function with
 * `b` as `self`. A method taken off an interface or through a union stays rejected (TSMP1141):
 * its Python value is a bound method, whose object cannot be replaced.
 */
function transformCallOfValue(
  node: ts.CallExpression,
  callee: ts.PropertyAccessExpression,
  context: TransformationContext,
): py.Expression | undefined {
  const target = callee.expression;
  const name = callee.name.text;
  // `Object.prototype.hasOwnProperty.call(o, key)`, the idiom from before Object.hasOwn: the same test.
  if (name === "call" && node.arguments.length === 2 && isObjectPrototypeMember(target, "hasOwnProperty", context)) {
    return py.call(context.useHelper("obj_has_own"), context.transformInOrder([...node.arguments]));
  }
  if (ts.isPropertyAccessExpression(target) && namesMethod(target, context)) {
    const owner = methodOwner(target, context);
    if (owner === "class" && name !== "bind") return transformCallOfClassMethod(node, target, context);
    if (owner !== "object literal") return undefined;
  }
  if (name === "bind" && boundToItsOwner(node, target)) return undefined;
  if (mayHoldBoundMethod(target, context)) return undefined;
  const [func, thisValue = py.none(), ...restArgs] = context.transformInOrder([target, ...node.arguments]);
  if (name === "apply") return py.call(context.useHelper("js_call"), [func!, thisValue, restArgs[0] ?? py.tuple([])]);
  return py.call(context.useHelper(name === "call" ? "js_call" : "js_bind"), [func!, thisValue, py.tuple(restArgs)]);
}

/** `Object.prototype.<name>` of the library's Object. */
function isObjectPrototypeMember(node: ts.Expression, name: string, context: TransformationContext): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== name) return false;
  const prototype = node.expression;
  if (!ts.isPropertyAccessExpression(prototype) || prototype.name.text !== "prototype") return false;
  const object = prototype.expression;
  const declaration = ts.isIdentifier(object) && object.text === "Object" ? context.symbolOf(object)?.declarations?.[0] : undefined;
  return declaration !== undefined && declaration.getSourceFile().isDeclarationFile && !context.isDeclaredByUser(context.symbolOf(object)!);
}

/**
 * A value typed as a method's own type (`const { get } = counter`, `const g: typeof i.m`) holds
 * that method read off its object: a Python bound method, unless it is an object literal's
 * (a JsMethod or a plain function) or a class's that never reads `this` (its object is moot).
 */
function mayHoldBoundMethod(target: ts.Expression, context: TransformationContext): boolean {
  const type = context.checker.getNonNullableType(context.checker.getTypeAtLocation(target));
  return context.checker.getSignaturesOfType(type, ts.SignatureKind.Call).some((signature) => {
    const declaration = signature.getDeclaration() as ts.Declaration | undefined;
    if (!declaration || !(ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))) return false;
    if (ts.isMethodDeclaration(declaration) && ts.isObjectLiteralExpression(declaration.parent)) return false;
    return !(ts.isMethodDeclaration(declaration) && ts.isClassLike(declaration.parent) && !readsReceiver(declaration));
  });
}

/** `o.m.bind(o)`: builtins' transformBind keeps Python's bound method `o.m`. */
function boundToItsOwner(node: ts.CallExpression, target: ts.Expression): boolean {
  const [thisArg] = node.arguments;
  return node.arguments.length === 1 && ts.isPropertyAccessExpression(target) && target.expression.getText() === thisArg!.getText();
}

/** Where a method named by `o.m` is declared: all in classes (not static), all in object literals, or mixed/elsewhere. */
function methodOwner(node: ts.PropertyAccessExpression, context: TransformationContext): "class" | "object literal" | undefined {
  const declarations = context.symbolOf(node.name)?.declarations ?? [];
  const inClass = (declaration: ts.Declaration) =>
    ts.isMethodDeclaration(declaration) &&
    ts.isClassLike(declaration.parent) &&
    !ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
    ts.isIdentifier(declaration.name);
  if (declarations.every(inClass)) return "class";
  if (declarations.every((declaration) => ts.isMethodDeclaration(declaration) && ts.isObjectLiteralExpression(declaration.parent)))
    return "object literal";
  return undefined;
}

/** `a.m.call(b, x)` → `type(a).m(b, x)`: the class's function, found from `a` as JavaScript finds it, with `b` as `self`. */
function transformCallOfClassMethod(
  node: ts.CallExpression,
  target: ts.PropertyAccessExpression,
  context: TransformationContext,
): py.Expression {
  const [owner, thisValue = py.none(), ...restArgs] = context.transformInOrder([target.expression, ...node.arguments]);
  const method = py.attribute(py.call(py.name("type"), [owner!]), pythonSafeAttribute(target.name.text));
  if ((node.expression as ts.PropertyAccessExpression).name.text === "call") return py.call(method, [thisValue, ...restArgs]);
  return py.call(method, [thisValue, ...(restArgs[0] ? [py.starred(restArgs[0])] : [])]);
}

function isEffectFree(expression: py.Expression): boolean {
  return expression.kind === "Name" || expression.kind === "Constant";
}
