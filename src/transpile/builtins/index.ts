import { ts } from "ts-morph";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { classChainNames, typeOf } from "../types.js";
import { isLibrarySymbol, receiverKind } from "./library.js";
import { callMappings, namespaceGlobals, propertyMappings } from "./registry.js";

/**
 * The JavaScript library as tsmp maps it: the call and property-access visitors ask here
 * first. A library member with no mapping is rejected (TSMP1101), never emitted as is.
 */

function transformReceiver(node: ts.Expression, kind: string, context: TransformationContext): py.Expression {
  return namespaceGlobals.has(kind) ? py.name(kind) : context.transformExpression(node);
}

/** Class names to try for a receiver: its own, then its bases (`MyError` → `Error`). */
function kindsOf(node: ts.Expression, context: TransformationContext): string[] {
  const kind = receiverKind(node, context);
  if (!kind) return [];
  if (kind === "Array" || kind === "String" || namespaceGlobals.has(kind)) return [kind];
  return [kind, ...classChainNames(typeOf(context, node)).slice(1)];
}

export function transformBuiltinCall(node: ts.CallExpression, context: TransformationContext): py.Expression | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return undefined;
  const member = context.symbolOf(callee.name);
  if (!member || !isLibrarySymbol(member, context)) return undefined;
  for (const kind of kindsOf(callee.expression, context)) {
    const mapping = callMappings[kind]?.[callee.name.text];
    if (mapping) return mapping(node, context, transformReceiver(callee.expression, kind, context));
  }
  return undefined;
}

export function transformBuiltinProperty(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isIdentifier(node.name)) return undefined;
  const member = context.symbolOf(node.name);
  if (!member || !isLibrarySymbol(member, context)) return undefined;
  for (const kind of kindsOf(node.expression, context)) {
    const mapping = propertyMappings[kind]?.[node.name.text];
    if (mapping) return mapping(node, context, transformReceiver(node.expression, kind, context));
  }
  context.report(diagnostics.unsupportedLibraryMember(node, `${receiverKind(node.expression, context) ?? "This object"}.${node.name.text}`));
  return py.none();
}

/** Library globals a program may name directly; anything else from the library is rejected. */
const knownGlobals: Record<string, () => py.Expression> = {
  undefined: () => py.none(),
  NaN: () => py.call(py.name("float"), [py.str("nan")]),
  Infinity: () => py.call(py.name("float"), [py.str("inf")]),
  // Error is Python's Exception: thrown, caught and subclassed the same way.
  Error: () => py.name("Exception"),
  TypeError: () => py.name("TypeError"),
  RangeError: () => py.name("ValueError"),
};

export function transformBuiltinIdentifier(node: ts.Identifier, context: TransformationContext): py.Expression | undefined {
  const symbol = context.symbolOf(node);
  if (!symbol) return knownGlobals[node.text]?.();
  if (!isLibrarySymbol(symbol, context)) return undefined;
  const known = knownGlobals[node.text];
  if (known) return known();
  context.report(diagnostics.unsupportedLibraryMember(node, node.text));
  return py.none();
}
