import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isLibrarySymbol } from "../builtins/library.js";
import { templateText } from "./literals.js";

/**
 * A tagged template, tag`a${x}b`, is a call of the tag with the strings array and the
 * substitutions. JavaScript builds the strings array once per call site, so it is a module
 * constant here (tpl_raw keeps its raw strings beside it: a Python list cannot hold a `raw`
 * attribute). String.raw`…` needs no array: it is the raw text with the substitutions.
 */
export function transformTaggedTemplate(node: ts.TaggedTemplateExpression, context: TransformationContext): py.Expression {
  if (node.typeArguments) context.report(diagnostics.unsupportedSyntax(node));
  if (isStringRaw(node.tag, context)) return templateText(node.template, context, rawText);
  const signature = context.checker.getResolvedSignature(node);
  const thisType = signature?.thisParameter && context.checker.getTypeOfSymbol(signature.thisParameter);
  if (thisType && !(thisType.flags & ts.TypeFlags.Void)) context.report(diagnostics.unsupportedSyntax(node));
  const pieces = ts.isNoSubstitutionTemplateLiteral(node.template)
    ? [node.template]
    : [node.template.head, ...node.template.templateSpans.map((span) => span.literal)];
  const cooked = pieces.map((piece) => (piece.text === undefined || invalidEscape(piece) ? py.none() : py.str(piece.text)));
  const strings = context.moduleConstant(
    "template",
    py.call(context.useHelper("tpl_raw"), [py.list(cooked), py.list(pieces.map((piece) => py.str(rawText(piece))))]),
  );
  const substitutions = ts.isNoSubstitutionTemplateLiteral(node.template) ? [] : node.template.templateSpans.map((span) => span.expression);
  const tag = context.transformExpression(node.tag);
  if (context.namesFixedValue(node.tag)) return py.call(tag, [strings, ...context.transformInOrder(substitutions)]);
  const { first, result } = context.transformAfter(tag, () => context.transformInOrder(substitutions));
  return py.call(first, [strings, ...result]);
}

/** The source text of a template piece, as JavaScript's `raw` gives it (line ends as \n). */
export function rawText(piece: ts.TemplateLiteralLikeNode): string {
  return (piece.rawText ?? "").replace(/\r\n?/g, "\n");
}

// TypeScript's TokenFlags.ContainsInvalidEscape, which its public declarations leave out.
const containsInvalidEscape = 2048;

/** A piece whose escape is invalid (`\unicode`) has no cooked text: undefined in the array. */
function invalidEscape(piece: ts.TemplateLiteralLikeNode): boolean {
  return (((piece as { templateFlags?: number }).templateFlags ?? 0) & containsInvalidEscape) !== 0;
}

function isStringRaw(tag: ts.Expression, context: TransformationContext): boolean {
  if (
    !ts.isPropertyAccessExpression(tag) ||
    tag.name.text !== "raw" ||
    !ts.isIdentifier(tag.expression) ||
    tag.expression.text !== "String"
  )
    return false;
  const symbol = context.symbolOf(tag.expression);
  return symbol !== undefined && isLibrarySymbol(symbol, context);
}
