import { ts } from "../typescript.js";
import * as py from "../python-ast.js";
import { compilePattern, type Entry } from "../regex/compile.js";
import { PatternRefused } from "../regex/pattern.js";
import { isStringLiteralLike, transformArgs } from "./arguments.js";
import * as diagnostics from "./diagnostics.js";
import { typeOf } from "../types.js";
import type { CallMapping, CallMappings, PropertyMapping, PropertyMappings } from "./mapping.js";
import type { TransformationContext } from "../context.js";

/**
 * Regular expressions: the pattern is checked and compiled when building (Node validates it
 * and gives `source` and `flags`), and runs on the board in re_run, JavaScript's backtracking
 * semantics over code points, independent of the port's `re` module (see docs/semantics.md).
 */

const refusedFlags: Record<string, string> = {
  u: "the u flag (Unicode mode): write the pattern without it; tsmp strings hold code points, and \\u{…}, \\p{…} and u's case folding are not supported",
  v: "the v flag (Unicode sets): write the pattern without it, with classes of plain ranges",
  d: "the d flag (match indices): compute a group's position from the match's index and texts",
};

/** `JsRegExp(source, flags, program, groups, slots[, names])` for a pattern known when building. */
export function regExpValue(node: ts.Node, pattern: string, flags: string, context: TransformationContext): py.Expression {
  let native: RegExp;
  try {
    native = new RegExp(pattern, flags);
  } catch (error) {
    context.report(diagnostics.regExpRefused(node, (error as Error).message));
    return py.none();
  }
  const refused = [...flags].find((flag) => flag in refusedFlags);
  if (refused) {
    context.report(diagnostics.regExpRefused(node, refusedFlags[refused]!));
    return py.none();
  }
  try {
    const compiled = compilePattern(pattern, {
      ignoreCase: native.ignoreCase,
      multiline: native.multiline,
      dotAll: native.dotAll,
    });
    const names =
      compiled.groupNames.length > 0
        ? [py.tuple(Array.from(compiled.groupNames, (name) => (name === undefined ? py.none() : py.str(name))))]
        : [];
    return py.call(context.useHelper("JsRegExp"), [
      py.str(native.source),
      py.str(native.flags),
      py.tuple(compiled.program.map(entryExpression)),
      py.num(compiled.groupCount),
      py.num(compiled.slots),
      ...names,
    ]);
  } catch (error) {
    if (!(error instanceof PatternRefused)) throw error;
    context.report(diagnostics.regExpRefused(node, error.message));
    return py.none();
  }
}

function entryExpression(entry: Entry): py.Expression {
  if (typeof entry === "number") return py.num(entry);
  if (Array.isArray(entry)) return py.tuple(entry.map((bound) => py.num(bound)));
  return bytesLiteral(entry.bytes);
}

/** An ASCII bytes literal, written through a constant's verbatim spelling (the AST has no bytes constant). */
function bytesLiteral(ascii: string): py.Expression {
  let spelled = "";
  for (const char of ascii) {
    const code = char.charCodeAt(0);
    if (char === "\\" || char === '"') spelled += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) spelled += `\\x${code.toString(16).padStart(2, "0")}`;
    else spelled += char;
  }
  return py.num(`b"${spelled}"`);
}

/** A string whose value the build knows: a literal, or a name of a string literal type. */
function knownText(node: ts.Expression | undefined, context: TransformationContext): string | undefined {
  if (node === undefined) return "";
  if (isStringLiteralLike(node)) return node.text;
  const type = typeOf(context, node);
  return type.isStringLiteral() && !ts.isSpreadElement(node) ? type.value : undefined;
}

/** `new RegExp(text, flags)` with texts the build knows; other texts are refused (no compiler on the board). */
export function transformNewRegExp(node: ts.NewExpression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== "RegExp") return undefined;
  const symbol = context.symbolOf(node.expression);
  if (!symbol || context.isDeclaredByUser(symbol)) return undefined;
  const [patternNode, flagsNode] = node.arguments ?? [];
  const pattern = knownText(patternNode, context);
  const flags = knownText(flagsNode, context);
  if (pattern === undefined || flags === undefined || (patternNode && ts.isRegularExpressionLiteral(patternNode))) {
    context.report(diagnostics.regExpAtRunTime(node));
    return py.none();
  }
  return regExpValue(node, pattern, flags, context);
}

export function isRegExpValue(node: ts.Expression | undefined, context: TransformationContext): boolean {
  if (node === undefined) return false;
  if (ts.isRegularExpressionLiteral(node)) return true;
  return typeOf(context, node).getSymbol()?.getName() === "RegExp";
}

const attribute: PropertyMapping = (node, _context, receiver) => py.attribute(receiver, node.name.text);
const flag =
  (letter: string): PropertyMapping =>
  (_node, _context, receiver) =>
    py.compare(py.str(letter), "in", py.attribute(receiver, "flags"));

export const regExpProperties: PropertyMappings = {
  source: attribute,
  flags: attribute,
  lastIndex: attribute,
  global: flag("g"),
  ignoreCase: flag("i"),
  multiline: flag("m"),
  dotAll: flag("s"),
  sticky: flag("y"),
  unicode: flag("u"),
  unicodeSets: flag("v"),
  hasIndices: flag("d"),
};

const method =
  (name: string): CallMapping =>
  (node, context, receiver) =>
    py.call(py.attribute(receiver, name), transformArgs(node, context));

export const regExpCalls: CallMappings = {
  test: method("test"),
  exec: method("exec"),
  toString: method("toString"),
};

/**
 * How many of (match, groups…, offset, text, groups object) a replacement function declares,
 * -1 for all of them (a rest parameter, or a function whose declaration the build cannot see).
 */
function replacerArity(node: ts.Expression, context: TransformationContext): number | undefined {
  const signatures = context.checker.getSignaturesOfType(typeOf(context, node), ts.SignatureKind.Call);
  if (signatures.length === 0) return undefined;
  const declaration = signatures[0]!.getDeclaration();
  if (!declaration || !("parameters" in declaration)) return -1;
  const parameters = declaration.parameters as ts.NodeArray<ts.ParameterDeclaration>;
  return parameters.some((parameter) => parameter.dotDotDotToken) ? -1 : parameters.length;
}

/** `s.replace(re, by)` / `s.replaceAll(re, by)`; replaceAll of a regular expression without g throws, as in JavaScript. */
export function regExpReplace(
  node: ts.CallExpression,
  context: TransformationContext,
  receiver: py.Expression,
  every: boolean,
): py.Expression {
  const [, by] = node.arguments;
  const args = transformArgs(node, context);
  const arity = by ? replacerArity(by, context) : undefined;
  const extra: py.Expression[] = [];
  if (arity !== undefined || every) extra.push(py.num(arity ?? -1));
  if (every) extra.push(py.bool(true));
  return py.call(context.useHelper("re_replace"), [receiver, ...args, ...extra]);
}

export const regExpStringCalls = {
  match: (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression) =>
    py.call(context.useHelper("re_match"), [receiver, ...transformArgs(node, context)]),
  matchAll: (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression) =>
    py.call(context.useHelper("re_match_all"), [receiver, ...transformArgs(node, context)]),
  search: (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression) =>
    py.call(context.useHelper("re_search"), [receiver, ...transformArgs(node, context)]),
  split: (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression) =>
    py.call(context.useHelper("re_split"), [receiver, ...transformArgs(node, context)]),
};
