import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import * as diagnostics from "../diagnostics.js";

/**
 * An enum is a Python class of constants, but in JavaScript it is an object whose numeric
 * members also map back (`E[0] === "A"`). The members are constants, so the object's own
 * properties are known when transpiling: Object.keys/values/entries of an enum and reverse
 * lookups are built from them.
 */
export function enumProperties(
  node: ts.Expression,
  context: TransformationContext,
  membersOnly = false,
): [string, string | number][] | undefined {
  return enumSymbolProperties(context.checker.getTypeAtLocation(node).getSymbol(), context, membersOnly);
}

/**
 * The enum object's properties of an enum's symbol, in JavaScript's key order. An enum merged
 * with a namespace has none here (the namespace's members are on the object too), unless
 * `membersOnly` asks for the members' own (a reverse mapping `E[v]` reads only those).
 */
export function enumSymbolProperties(
  symbol: ts.Symbol | undefined,
  context: TransformationContext,
  membersOnly = false,
): [string, string | number][] | undefined {
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Enum) || symbol.flags & ts.SymbolFlags.EnumMember) return undefined;
  const created: [string, string | number][] = [];
  for (const declaration of symbol.declarations ?? []) {
    if (membersOnly && ts.isModuleDeclaration(declaration)) continue;
    if (!ts.isEnumDeclaration(declaration)) return undefined;
    for (const member of declaration.members) {
      const value = context.checker.getConstantValue(member);
      if (value === undefined) return undefined;
      const name = enumMemberName(member);
      if (name === undefined) return undefined;
      created.push([name, value]);
      if (typeof value === "number") created.push([String(value), name]);
    }
  }
  // JavaScript lists integer-like keys first, ascending, then the others in creation order.
  const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
  const byKey = new Map<string, string | number>();
  for (const [key, value] of created) byKey.set(key, value);
  const keys = [...byKey.keys()];
  const ordered = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isIndex(key))];
  return ordered.map((key) => [key, byKey.get(key)!]);
}

/** A member's key: `A`, `"my key"`, `["A"]` (the only computed name TypeScript allows in an enum). */
export function enumMemberName(member: ts.EnumMember): string | undefined {
  const name = ts.isComputedPropertyName(member.name) ? member.name.expression : member.name;
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}

const constant = (value: string | number): py.Expression => (typeof value === "string" ? py.str(value) : py.num(value));

export function enumKeys(properties: [string, string | number][]): py.Expression {
  return py.list(properties.map(([key]) => py.str(key)));
}

export function enumValues(properties: [string, string | number][]): py.Expression {
  return py.list(properties.map(([, value]) => constant(value)));
}

export function enumEntries(properties: [string, string | number][]): py.Expression {
  return py.list(properties.map(([key, value]) => py.list([py.str(key), constant(value)])));
}

/** `E[value]` for a numeric value: the member's name, or undefined. */
export function enumReverseLookup(properties: [string, string | number][], index: py.Expression): py.Expression {
  const reverse = properties.filter(([key, value]) => typeof value === "string" && !Number.isNaN(Number(key)));
  return py.call(
    py.attribute(py.dict(reverse.map(([key, value]) => ({ key: py.num(Number(key)), value: py.str(value as string) }))), "get"),
    [index],
  );
}

/** `E[name]` for a name typed as one of the members' names: the member's value. */
export function enumForwardLookup(properties: [string, string | number][], index: py.Expression): py.Expression {
  const forward = properties.filter(([key]) => Number.isNaN(Number(key)));
  // `.get`: a name cast to `keyof typeof E` that names no member (text parsed into a member,
  // then checked against undefined) is undefined in JavaScript, not an error.
  return py.call(py.attribute(py.dict(forward.map(([key, value]) => ({ key: py.str(key), value: constant(value) }))), "get"), [index]);
}

/**
 * JavaScript's object of an enum (its members and reverse mappings) where the enum is used as a
 * value of its own (printed, passed on, stored in a namespace object): enum.ts's class holds
 * only the members, and Python's class attributes besides.
 */
export function enumObject(properties: [string, string | number][], context: TransformationContext): py.Expression {
  return py.call(
    context.useHelper("JsObject"),
    properties.flatMap(([key, value]) => [py.str(key), constant(value)]),
  );
}

/** An enum named by `node` (`E`, `NS.E`) used as a value: not `E.A`, `E[x]` or a merged namespace's object. */
export function enumUsedAsValue(
  node: ts.Expression,
  symbol: ts.Symbol | undefined,
  context: TransformationContext,
): [string, string | number][] | undefined {
  const parent = node.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) return undefined;
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Enum)) return undefined;
  if (symbol.flags & ts.SymbolFlags.ValueModule) {
    context.report(diagnostics.mergedEnumAsValue(node, symbol.name));
    return undefined;
  }
  return enumProperties(node, context);
}
