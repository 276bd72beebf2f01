import { ts } from "../typescript.js";
import { instanceConstructor, instanceConstructorName } from "./constructor-property.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { classChainNames, isNumberType, typeOf } from "../types.js";
import * as libraryDiagnostics from "./diagnostics.js";
import { isWrittenTo, transformArgs } from "./arguments.js";
import { isLibrarySymbol, receiverKind } from "./library.js";
import { transformFunctionProperty } from "./function-members.js";
import { arrowCalling, libraryFunctionValue } from "./function-values.js";
import { filledNewArrayLength } from "./array.js";
import { globalCalls } from "./number.js";
import { rejectPromiseMember } from "./promise.js";
import { callMappings, namespaceGlobals, propertyMappings } from "./registry.js";
import { binaryGlobals, rejectBinaryGlobal } from "./typed-arrays.js";
import { surplusArity } from "../visitors/surplus-arguments.js";

/**
 * The JavaScript library as tsmp maps it: the call and property-access visitors ask here
 * first. A library member with no mapping is rejected (TSMP1101), never emitted as is.
 */

/** A table entry by name, never an inherited Object.prototype member (`toString`). */
function own<T>(table: Record<string, T> | undefined, name: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

function transformReceiver(node: ts.Expression, kind: string, context: TransformationContext): py.Expression {
  return namespaceGlobals.has(kind) ? py.name(kind) : context.transformExpression(node);
}

/** Class names to try for a receiver: its own, then its bases (`MyError` → `Error`). */
function kindsOf(node: ts.Expression, context: TransformationContext): string[] {
  const kind = receiverKind(node, context);
  if (!kind) return [];
  if (kind === "Array" || kind === "String" || kind === "Number" || namespaceGlobals.has(kind)) return [kind];
  // A tagged template's strings array is a list with `raw` beside it (tpl_raw).
  if (kind === "TemplateStringsArray") return [kind, "Array"];
  return [kind, ...classChainNames(typeOf(context, node)).slice(1)];
}

export function transformBuiltinCall(node: ts.CallExpression, context: TransformationContext): py.Expression | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    const symbol = context.symbolOf(callee);
    const mapping = symbol && isLibrarySymbol(symbol, context) ? own(globalCalls, callee.text) : undefined;
    return mapping?.(node, context, py.none());
  }
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return undefined;
  const member = context.symbolOf(callee.name);
  if (!member || !isLibrarySymbol(member, context)) return undefined;
  if (callee.name.text === "bind" && isFunctionMember(member)) return transformBind(node, callee, context);
  if ((callee.name.text === "call" || callee.name.text === "apply") && isFunctionMember(member)) {
    context.report(libraryDiagnostics.callOfUnknownFunction(callee));
    return py.none();
  }
  if (callee.name.text === "hasOwnProperty" && declaringInterface(member) === "Object") {
    return py.call(context.useHelper("obj_has_own"), [context.transformExpression(callee.expression), ...transformArgs(node, context)]);
  }
  // `value.toString()` of a value the checker knows only as an object: which toString runs is
  // the value's business (its class's own, an array's, Object's "[object Object]").
  if (callee.name.text === "toString" && declaringInterface(member) === "Object" && node.arguments.length === 0) {
    if (context.checker.getSignaturesOfType(typeOf(context, callee.expression), ts.SignatureKind.Call).length === 0)
      return py.call(context.useHelper("obj_to_string"), [context.transformExpression(callee.expression)]);
  }
  for (const kind of kindsOf(callee.expression, context)) {
    const mapping = own(callMappings[kind], callee.name.text);
    if (!mapping) continue;
    // `new Array(n).fill(v)` becomes `[v] * n`: the receiver is never built.
    const receiver =
      kind === "Array" && filledNewArrayLength(node, context) ? py.none() : transformReceiver(callee.expression, kind, context);
    // Namespaces (Math, console) and consts are names no argument can rebind.
    if (namespaceGlobals.has(kind) || context.namesFixedValue(callee.expression)) return mapping(node, context, receiver);
    return context.transformAround(receiver, () => mapping(node, context, receiver));
  }
  return undefined;
}

export function transformBuiltinProperty(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isIdentifier(node.name)) return undefined;
  const member = context.symbolOf(node.name);
  if (!member || !isLibrarySymbol(member, context)) return undefined;
  // `this.name = "MyError"`: a write is a plain attribute (reads are mapped).
  if (isWrittenTo(node)) return undefined;
  if ((node.name.text === "name" || node.name.text === "length") && isFunctionMember(member))
    return instanceConstructorName(node, context) ?? transformFunctionProperty(node, context);
  // `{ value, done }` from an iterator's next() is a JsObject (see iterators.ts).
  const owner = declaringInterface(member);
  if (owner === "Object") {
    const constructor = instanceConstructor(node, context);
    if (constructor) return constructor;
  }
  // So are Promise.allSettled's results; Promise.any's AggregateError holds its reasons in `errors`,
  // and the SuppressedError of a `using` block's disposal its two errors (using.ts).
  if (
    owner === "IteratorYieldResult" ||
    owner === "IteratorReturnResult" ||
    owner === "PromiseFulfilledResult" ||
    owner === "PromiseRejectedResult" ||
    // A match array (JsMatch) holds index, input and groups beside its items.
    owner === "RegExpExecArray" ||
    owner === "RegExpMatchArray" ||
    (owner === "AggregateError" && node.name.text === "errors") ||
    (owner === "SuppressedError" && (node.name.text === "error" || node.name.text === "suppressed"))
  ) {
    return py.attribute(context.transformExpression(node.expression), node.name.text);
  }
  for (const kind of kindsOf(node.expression, context)) {
    const mapping = own(propertyMappings[kind], node.name.text);
    if (mapping) return mapping(node, context, transformReceiver(node.expression, kind, context));
  }
  if (owner === "PromiseConstructor" || owner === "Promise") return rejectPromiseMember(node, node.name.text, context);
  const value = libraryMethodValue(node, member, context);
  if (value) return value;
  if (owner === "Date" || owner === "DateConstructor") {
    context.report(libraryDiagnostics.dateObject(node));
    return py.none();
  }
  if (owner === "SymbolConstructor") {
    context.report(libraryDiagnostics.symbolValue(node));
    return py.none();
  }
  // An anonymous class or object type (`__class`, `__object`) names nothing the programmer wrote.
  const kind = receiverKind(node.expression, context)?.replace(/^__\w*$/, "") || undefined;
  // A receiver of no single library type (a union) is named by the expression as written.
  context.report(
    diagnostics.unsupportedLibraryMember(
      node,
      kind ? `${kind}.${node.name.text}` : `\`${node.getText()}\` (${owner ?? "a library member"}.${node.name.text})`,
    ),
  );
  return py.none();
}

/**
 * `Math.abs`, `JSON.stringify` or `s.trim` read, not called. A namespace's or a global class's
 * function is the same function wherever it is read: a lambda of its mapped call
 * (function-values.ts). An instance's method read off its object throws a TypeError once called
 * in JavaScript (it gets no `this`): rejected.
 */
function libraryMethodValue(
  node: ts.PropertyAccessExpression,
  member: ts.Symbol,
  context: TransformationContext,
): py.Expression | undefined {
  if (isCallee(node)) return undefined;
  for (const kind of kindsOf(node.expression, context)) {
    const mapping = own(callMappings[kind], node.name.text);
    if (!mapping) continue;
    if (namespaceGlobals.has(kind))
      return libraryFunctionValue(node, member, mapping, transformReceiver(node.expression, kind, context), context);
    context.report(
      libraryDiagnostics.detachedLibraryMethod(node, node.getText(), `${kind}.prototype.${node.name.text}`, arrowCalling(node, member)),
    );
    return py.none();
  }
  return undefined;
}

function isCallee(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  return (ts.isCallExpression(current.parent) || ts.isNewExpression(current.parent)) && current.parent.expression === current;
}

/** `out.push.bind(out)`, `s.split.bind(s)`: a library method bound to its own object (function-values.ts). */
function boundLibraryMethod(
  bind: ts.CallExpression,
  target: ts.PropertyAccessExpression,
  context: TransformationContext,
): py.Expression | undefined {
  const member = context.symbolOf(target.name);
  if (!member || !isLibrarySymbol(member, context) || !ts.isIdentifier(target.name)) return undefined;
  for (const kind of kindsOf(target.expression, context)) {
    const mapping = own(callMappings[kind], target.name.text);
    if (!mapping) continue;
    // A namespace's function ignores `this`: bound, it is its value.
    if (namespaceGlobals.has(kind)) return undefined;
    return libraryFunctionValue(target, member, mapping, context.transformExpression(target.expression), context, bind);
  }
  return undefined;
}

/** Library globals a program may name directly; anything else from the library is rejected. */
const knownGlobals: Record<string, (node: ts.Identifier, context: TransformationContext) => py.Expression> = {
  undefined: () => py.none(),
  NaN: () => py.call(py.name("float"), [py.str("nan")]),
  Infinity: () => py.call(py.name("float"), [py.str("inf")]),
  // Error is Python's Exception: thrown, caught and subclassed the same way. A new one is an
  // instance of a subclass (JsError), which takes properties (`e.message = …`) as JavaScript's does.
  Error: (node, context) => (isConstructed(node) ? context.useHelper("JsError") : py.name("Exception")),
  TypeError: (node, context) => (isConstructed(node) ? context.useHelper("JsTypeError") : py.name("TypeError")),
  RangeError: (_node, context) => context.useHelper("RangeError"),
  SyntaxError: (node, context) => (isConstructed(node) ? context.useHelper("JsSyntaxError") : py.name("SyntaxError")),
  ReferenceError: (_node, context) => context.useHelper("ReferenceError"),
  URIError: (_node, context) => context.useHelper("URIError"),
  EvalError: (_node, context) => context.useHelper("EvalError"),
  AggregateError: (_node, context) => context.useHelper("AggregateError"),
  Map: (_node, context) => context.useHelper("JsMap"),
  Set: (_node, context) => context.useHelper("JsSet"),
  WeakMap: (_node, context) => context.useHelper("JsWeakMap"),
  WeakSet: (_node, context) => context.useHelper("JsWeakSet"),
  Array(node, context) {
    if (ts.isNewExpression(node.parent) && node.parent.expression === node) return transformNewArrayCallee(node.parent, context);
    return context.useHelper("new_array");
  },
  // `x instanceof RegExp`; other uses of the constructor as a value have no JsRegExp to call.
  RegExp(node, context) {
    const parent = node.parent;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && parent.right === node)
      return context.useHelper("JsRegExp");
    context.report(diagnostics.unsupportedLibraryMember(node, "RegExp (other than new RegExp(…) and instanceof RegExp)"));
    return py.none();
  },
  // Used as values, for instance `.map(String)`.
  String: (_node, context) => context.useHelper("js_str"),
  Number: (_node, context) => context.useHelper("to_num"),
  Boolean: (_node, context) => context.useHelper("js_truthy"),
};

/** `new Error(m)` or `Error(m)`: the error class called, not named as a value (`instanceof Error`, `extends Error`). */
function isConstructed(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isNewExpression(parent) || ts.isCallExpression(parent)) && parent.expression === node;
}

/** `new Array(n)` alone leaves holes; only `new Array(n).fill(v)` (mapped by fill) is accepted. */
function transformNewArrayCallee(node: ts.NewExpression, context: TransformationContext): py.Expression {
  const parent = node.parent;
  const filled = ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
  const single = node.arguments?.length === 1 && isNumberType(typeOf(context, node.arguments[0]!));
  if (single && !(filled && filledNewArrayLength(parent.parent, context))) context.report(libraryDiagnostics.arrayWithHoles(node));
  return context.useHelper("new_array");
}

export function transformBuiltinIdentifier(node: ts.Identifier, context: TransformationContext): py.Expression | undefined {
  return transformGlobalName(node, context.symbolOf(node), context);
}

/**
 * A library global named by `node`, whose value is `symbol` (which differs from the name's own
 * symbol in a shorthand property, `{ NaN }`); undefined for the program's own names.
 */
export function transformGlobalName(
  node: ts.Identifier,
  symbol: ts.Symbol | undefined,
  context: TransformationContext,
): py.Expression | undefined {
  if (!symbol) return own(knownGlobals, node.text)?.(node, context);
  if (!isLibrarySymbol(symbol, context)) return undefined;
  const known = own(knownGlobals, node.text) ?? own(binaryGlobals, node.text);
  if (known) return known(node, context);
  const rejected = rejectBinaryGlobal(node, context);
  if (rejected) return rejected;
  if (node.text === "Promise") return rejectPromiseMember(node, "Promise", context);
  if (node.text === "Date") {
    context.report(libraryDiagnostics.dateObject(node));
    return py.none();
  }
  if (node.text === "Symbol") {
    context.report(libraryDiagnostics.symbolValue(node));
    return py.none();
  }
  const call = own(globalCalls, node.text);
  if (call && !isCallee(node)) return libraryFunctionValue(node, symbol, call, py.none(), context);
  context.report(diagnostics.unsupportedLibraryMember(node, node.text));
  return py.none();
}

/** The library interface or class declaring a member (`IteratorYieldResult` for `done`). */
function declaringInterface(member: ts.Symbol): string | undefined {
  const owner = member.declarations?.[0]?.parent;
  return owner && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) ? owner.name?.text : undefined;
}

function isFunctionMember(member: ts.Symbol): boolean {
  const owner = member.declarations?.[0]?.parent;
  return owner !== undefined && ts.isInterfaceDeclaration(owner) && ["Function", "CallableFunction"].includes(owner.name.text);
}

/**
 * `obj.method.bind(obj)`: a Python bound method is already bound to its object. Binding to
 * another object, or binding arguments, is rejected.
 */
function transformBind(node: ts.CallExpression, callee: ts.PropertyAccessExpression, context: TransformationContext): py.Expression {
  const target = callee.expression;
  const [thisArg] = node.arguments;
  const boundToOwner =
    node.arguments.length === 1 &&
    ts.isPropertyAccessExpression(target) &&
    thisArg !== undefined &&
    target.expression.getText() === thisArg.getText();
  if (!boundToOwner) context.report(libraryDiagnostics.unsupportedArguments(node, "Function.bind (other than obj.method.bind(obj))"));
  const method = boundToOwner && ts.isPropertyAccessExpression(target) ? boundLibraryMethod(node, target, context) : undefined;
  if (method) return method;
  const bound = context.transformExpression(target);
  // Handed where more arguments are offered than the method takes (an emitter's listener, an
  // IRQ handler given its pin): JavaScript drops the surplus, Python would raise TypeError.
  const member = ts.isPropertyAccessExpression(target) ? context.symbolOf(target.name) : undefined;
  const arity = member && context.isDeclaredByUser(member) ? surplusArity(node, member.declarations ?? [], context) : undefined;
  return arity === undefined ? bound : py.call(context.useHelper("js_arity"), [bound, py.num(arity)]);
}
