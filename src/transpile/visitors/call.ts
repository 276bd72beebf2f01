import { ts } from "../typescript.js";
import { transformDisposeCall } from "./using.js";
import { transformBuiltinCall } from "../builtins/index.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { superOf } from "./class-receivers.js";
import { memberAttribute } from "./static-names.js";
import { transformBinaryNew } from "../builtins/typed-arrays.js";
import { startCollectedCall, transformNewPromise } from "../builtins/promise.js";
import { transformNewRegExp } from "../builtins/regexp.js";
import { transformDynamicCall } from "./dynamic-access.js";
import { transformOptionalChain } from "./optional-chain.js";
import { transformThisCall } from "./this-call.js";
import { callsPython, transformArguments } from "./arguments.js";
import { nullValue } from "../nullish.js";
import { asFacadeBytes } from "./facade-bytes.js";
import { isUnresolvedConstructor } from "./dynamic-new.js";
import { mayHaveEffects } from "../effects.js";

export function transformCallExpression(node: ts.CallExpression, context: TransformationContext): py.Expression {
  return startCollectedCall(node, transformCall(node, context), context);
}

function transformCall(node: ts.CallExpression, context: TransformationContext): py.Expression {
  const chain = transformOptionalChain(node, context);
  if (chain) return chain;
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) {
    const { args, keywords } = transformArguments(node, context);
    return withoutErrorOptions(node, py.call(py.attribute(py.call(py.name("super")), "__init__"), args, keywords), context);
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.SuperKeyword) {
    const { args, keywords } = transformArguments(node, context);
    return py.call(py.attribute(superOf(callee, context), memberAttribute(callee.name, callee.name.text, context)), args, keywords);
  }
  const dispose = transformDisposeCall(node, context);
  if (dispose) return dispose;
  const thisCall = transformThisCall(node, context);
  if (thisCall) return thisCall;
  const dynamic = transformDynamicCall(node, context);
  if (dynamic) return dynamic;
  const builtin = transformBuiltinCall(node, context);
  if (builtin) return builtin;
  const call = withoutErrorOptions(node, callInOrder(node, callee, context), context);
  return asFacadeBytes(node, fromPythonNone(node, call, context), context);
}

/**
 * `new Error(message, { cause })`, `super(message, options)` in an Error subclass: a Python
 * exception would keep the options as a second argument, and its text would be the tuple's
 * (`('boom', <JsObject …>)`). tsmp does not read `cause` (TSMP1101), so the options are only
 * evaluated, in order, when they may have effects: `Exception((message, options)[0])`.
 */
function withoutErrorOptions(node: ts.CallExpression | ts.NewExpression, call: py.Call, context: TransformationContext): py.Call {
  const declaration = context.checker.getResolvedSignature(node)?.getDeclaration();
  if (!declaration || !ts.isInterfaceDeclaration(declaration.parent) || !declaration.parent.name.text.endsWith("ErrorConstructor"))
    return call;
  if (context.program.isUserFile(declaration.getSourceFile())) return call;
  const index = declaration.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === "options");
  const argumentNodes = node.arguments ?? [];
  if (index < 1 || argumentNodes.length <= index || argumentNodes.some(ts.isSpreadElement) || call.args.length !== argumentNodes.length)
    return call;
  const kept = call.args.slice(0, index);
  if (!argumentNodes.slice(index).some((argument) => mayHaveEffects(argument, context))) return py.call(call.func, kept, call.keywords);
  const last = py.subscript(py.tuple([kept[index - 1]!, ...call.args.slice(index)]), py.num(0));
  return py.call(call.func, [...kept.slice(0, -1), last], call.keywords);
}

/**
 * Python gives None, which is undefined: a Python module's function declared to return
 * `T | null` (and not undefined) has its None made null, so `=== null` finds it. (tsmp's own
 * facade declares such results `T | undefined`.)
 */
function fromPythonNone(node: ts.CallExpression, call: py.Expression, context: TransformationContext): py.Expression {
  if (!callsPython(node, context)) return call;
  const type = context.typeOf(node);
  const parts = type.isUnion() ? type.types : [type];
  const undefinedFlags = ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown;
  if (!parts.some((part) => part.flags & ts.TypeFlags.Null) || parts.some((part) => part.flags & undefinedFlags)) return call;
  const temporary = context.temporary("value");
  return py.ifExp(py.compare(py.namedExpr(temporary, call), "is", py.none()), nullValue(context), temporary);
}

/**
 * `new Pin(2, Pin.OUT)` is a plain call in Python; `new C(...)` of a constructor the checker
 * cannot resolve is `js_new(C, ...)`, which does what JavaScript's `new` does at run time.
 */
export function transformNewExpression(node: ts.NewExpression, context: TransformationContext): py.Expression {
  const binary = transformBinaryNew(node, context) ?? transformNewPromise(node, context) ?? transformNewRegExp(node, context);
  if (binary) return binary;
  const call = withoutErrorOptions(node, callInOrder(node, node.expression, context), context);
  if (!isUnresolvedConstructor(context.typeOf(node.expression), context)) return call;
  return py.call(context.useHelper("js_new"), [call.func, ...call.args], call.keywords);
}

/**
 * JS reads the callee (`boxes[i].add`, a bound method in Python) before the arguments, so an
 * argument that needs statements (`boxes[i].add(i++)`) gets it evaluated first. A declared
 * function, class, import or const is not re-read: no argument can change what it names.
 */
function callInOrder(node: ts.CallExpression | ts.NewExpression, callee: ts.Expression, context: TransformationContext): py.Call {
  const func = context.transformExpression(callee);
  if (context.namesFixedValue(callee)) {
    const { args, keywords } = transformArguments(node, context);
    return py.call(func, args, keywords);
  }
  const { first, result } = context.transformAfter(func, () => transformArguments(node, context));
  return py.call(first, result.args, result.keywords);
}
