import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import * as libraryDiagnostics from "./diagnostics.js";
import type { CallMapping } from "./mapping.js";
import { isLibrarySymbol } from "./library.js";
import { skipParentheses } from "../visitors/transparent.js";

/**
 * A library function used as a value, not called: `xs.map(Math.abs)`, `const f = parseFloat`,
 * `{ round: Math.round }`. tsmp maps calls, not functions, so the value is a lambda whose body
 * is the mapping's call of the lambda's parameters: the value and a call cannot disagree.
 *
 * Like the JavaScript function, the lambda takes any number of arguments: a missing one is
 * undefined (None), surplus ones are ignored (`*_`), a rest parameter takes them all. The
 * parameters are typed any, so the mapping converts them as it converts a value of unknown type
 * (`isNaN("x")` converts the string); a number parameter is converted as ToNumber does (to_num)
 * unless the type the value is given to passes numbers there. A rest parameter of numbers
 * (Math.max, String.fromCharCode) converts each argument (js_nums): `xs.map(Math.max)` on an
 * `any` array passes the array too.
 * A mapping that needs its arguments' shapes (a literal, a known type) reports a diagnostic or
 * needs statements first, and one taking a callback calls what it is given; the value is then
 * rejected, pointing at an arrow function.
 */
export function libraryFunctionValue(
  node: ts.PropertyAccessExpression | ts.Identifier,
  member: ts.Symbol,
  mapping: CallMapping,
  receiver: py.Expression,
  context: TransformationContext,
  boundBy?: ts.CallExpression,
): py.Expression {
  const shape = parameterShape(member, context);
  // Where the type it is given to offers fewer arguments (`(value: unknown) => string` for
  // JSON.stringify), TypeScript lets no call pass more: parameters past those need no mapping.
  const offered = offeredArguments(boundBy ?? node, context);
  if (offered.most < shape.count) shape.count = offered.most;
  if (offered.most <= shape.count) shape.rest = undefined;
  // A mapping takes a callback it is given as one to call (Array.from's mapfn), where JavaScript
  // lets undefined stand for none.
  if (shape.callbacks.slice(0, shape.count).some(Boolean)) {
    context.report(
      libraryDiagnostics.functionValueUnmapped(boundBy ?? node, (boundBy ?? node).getText(), node.getText(), arrowCalling(node, member)),
    );
    return py.none();
  }
  const standIns = new Map<ts.Node, { value: py.Expression; type: ts.Type }>();
  const parameters: py.Parameter[] = [];
  const args: ts.Expression[] = [];
  const any = context.checker.getAnyType();
  const number = context.checker.getNumberType();
  for (let index = 0; index < shape.count; index++) {
    const name = `_a${index}`;
    const standIn = ts.factory.createIdentifier(name);
    // A number parameter given what may not be a number (JSON data, an any) converts it as the
    // function does (ToNumber); given numbers, it is read as one.
    const given = offered.types[index];
    const value = !shape.numbers[index]
      ? { value: py.name(name), type: any }
      : given && isNumberLike(given)
        ? { value: py.name(name), type: number }
        : { value: py.call(context.useHelper("to_num"), [py.name(name)]), type: number };
    standIns.set(standIn, value);
    parameters.push({ name, default: py.none() });
    args.push(standIn);
  }
  if (shape.rest) {
    const standIn = ts.factory.createIdentifier("_r");
    const numbers = shape.rest === "numbers";
    standIns.set(standIn, { value: numbers ? py.call(context.useHelper("js_nums"), [py.name("_r")]) : py.name("_r"), type: any });
    args.push(ts.factory.createSpreadElement(standIn));
  }
  parameters.push({ name: shape.rest ? "_r" : "_", rest: true });
  // `s.split.bind(s)`: the object is read once, when bound (a keyword default), as bind does.
  if (boundBy) parameters.push({ name: "_this", default: receiver, keywordOnly: true });
  const calledOn = boundBy ? py.name("_this") : receiver;
  const call = ts.factory.createCallExpression(node, undefined, args);
  // Diagnostics and parent walks find the source through the value's own node.
  placeAt(call, node, node);
  for (const arg of args) {
    placeAt(arg, call, node);
    if (ts.isSpreadElement(arg)) placeAt(arg.expression, arg, node);
  }
  const reported = context.diagnostics.length;
  const { result, preceding } = context.collectPreceding(() => context.withStandIns(standIns, () => mapping(call, context, calledOn)));
  if (context.diagnostics.length > reported || preceding.length > 0) {
    context.diagnostics.splice(reported);
    context.report(
      libraryDiagnostics.functionValueUnmapped(boundBy ?? node, (boundBy ?? node).getText(), node.getText(), arrowCalling(node, member)),
    );
    return py.none();
  }
  // Built once per module: a function read twice is one value there (`f === Math.abs`), and a
  // callback in a loop is not made anew on each pass.
  const lambda = py.lambda(parameters, result);
  if (boundBy) return lambda;
  const key = JSON.stringify(lambda);
  let built = moduleValues.get(context);
  if (!built) moduleValues.set(context, (built = new Map()));
  let name = built.get(key);
  if (!name) built.set(key, (name = context.moduleConstant(node.getText().replace(/\W/g, "_"), lambda)));
  return name;
}

/** Per module, each lambda built by its text. */
const moduleValues = new WeakMap<TransformationContext, Map<string, py.Name>>();

/** A made-up node placed in the tree under `parent`, spanning `source`'s text. */
function placeAt(node: ts.Node, parent: ts.Node, source: ts.Node): void {
  ts.setTextRange(node, source);
  (node as { parent: ts.Node }).parent = parent;
}

/**
 * The most arguments the type a function value is given to may call it with (Infinity when it
 * says nothing), and, where every call passes exactly those (one signature, no optional or rest
 * parameter), their types.
 */
function offeredArguments(node: ts.Expression, context: TransformationContext): { most: number; types: ts.Type[] } {
  // A type asserted (`Array.from as (s: string) => string[]`) says nothing of the calls to come.
  let holder: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(holder)) holder = holder.parent;
  if (ts.isAsExpression(holder) || ts.isTypeAssertionExpression(holder)) return { most: Infinity, types: [] };
  const contextual = context.checker.getContextualType(node);
  if (!contextual || contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { most: Infinity, types: [] };
  const signatures = context.checker.getNonNullableType(contextual).getCallSignatures();
  const counts = signatures.map((signature) => {
    const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
    return declaration?.parameters.some((parameter) => parameter.dotDotDotToken) ? Infinity : signature.parameters.length;
  });
  if (counts.length === 0) return { most: Infinity, types: [] };
  const declaration = signatures[0]!.getDeclaration() as ts.SignatureDeclaration | undefined;
  const required = declaration?.parameters.every(
    (parameter) => !parameter.questionToken && !parameter.initializer && !parameter.dotDotDotToken,
  );
  const exact = signatures.length === 1 && required === true;
  return {
    most: Math.max(...counts),
    types: exact ? signatures[0]!.parameters.map((parameter) => context.checker.getTypeOfSymbol(parameter)) : [],
  };
}

function isNumberLike(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.NumberLike) !== 0 && !type.isUnion();
}

/**
 * The parameters a library function declares, over its overloads (JSON.stringify's value,
 * replacer and space), `this` aside: how many, which take numbers (in every overload), and
 * whether it ends with a rest parameter, of numbers or of any values.
 */
function parameterShape(
  member: ts.Symbol,
  context: TransformationContext,
): { count: number; numbers: boolean[]; callbacks: boolean[]; rest?: "numbers" | "values" } {
  let count = 0;
  let rest: "numbers" | "values" | undefined;
  const numbers: boolean[] = [];
  const callbacks: boolean[] = [];
  for (const declaration of member.declarations ?? []) {
    if (!ts.isFunctionLike(declaration)) continue;
    const parameters = declaration.parameters.filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"));
    const last = parameters[parameters.length - 1];
    if (last?.dotDotDotToken) {
      const element = context.checker.getIndexTypeOfType(context.checker.getTypeAtLocation(last), ts.IndexKind.Number);
      rest = element && isNumberLike(element) && rest !== "values" ? "numbers" : "values";
      parameters.pop();
    }
    parameters.forEach((parameter, index) => {
      const type = context.checker.getTypeAtLocation(parameter);
      numbers[index] = (numbers[index] ?? true) && isNumberLike(type);
      callbacks[index] = (callbacks[index] ?? false) || context.checker.getNonNullableType(type).getCallSignatures().length > 0;
    });
    count = Math.max(count, parameters.length);
  }
  return { count, numbers, callbacks, rest };
}

/**
 * Whether `node` names a library function (`Math.max`, `console.log`): used as a value it is a
 * lambda that takes any number of arguments, so a library member calling it back may pass all
 * it has, whatever the declaration says.
 */
export function isLibraryFunctionValue(node: ts.Expression, context: TransformationContext): boolean {
  // `out.push.bind(out)`, `Math.max.bind(null)`: what is bound is such a lambda too.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "bind") {
    return isLibraryFunctionValue(skipParentheses(node.expression.expression), context);
  }
  const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  const symbol = name && context.symbolOf(name);
  return (
    symbol !== undefined &&
    isLibrarySymbol(symbol, context) &&
    (symbol.declarations ?? []).length > 0 &&
    symbol.declarations!.every((declaration) => ts.isFunctionDeclaration(declaration) || ts.isMethodSignature(declaration))
  );
}

/** The arrow function to write instead of a library function value: `(x) => Math.abs(x)`, its required parameters named. */
export function arrowCalling(node: ts.Expression, member: ts.Symbol): string {
  const declaration = member.declarations?.find(ts.isFunctionLike);
  const parameters = (declaration?.parameters ?? []).filter(
    (parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"),
  );
  const required = parameters.filter((parameter) => !parameter.questionToken && !parameter.initializer && !parameter.dotDotDotToken).length;
  // One argument at least where it takes any (`out.push`), none where it takes none (`s.trim`).
  const count = Math.max(required, Math.min(parameters.length, 1));
  const names = count === 1 ? ["x"] : ["a", "b", "c", "d", "e"].slice(0, count);
  return `(${names.join(", ")}) => ${node.getText()}(${names.join(", ")})`;
}
