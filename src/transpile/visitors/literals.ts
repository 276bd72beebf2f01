import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { asFormattedValue } from "../conversions.js";
import * as py from "../python-ast.js";
import { isStringType } from "../types.js";
import { nullValue } from "../nullish.js";

/** JS has one number type: an integral literal (`2.0`, `1e3`) becomes a Python int. */
export function transformNumericLiteral(node: ts.NumericLiteral): py.Expression {
  const value = Number(node.text);
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) {
    const spelling = node.getText();
    // Keep hex/binary/octal as written: a register mask reads better as 0xff.
    return py.num(/^0[xob]/i.test(spelling) ? spelling.toLowerCase().replace(/_/g, "") : String(value));
  }
  // A literal past the largest double (`1e309`) is Infinity in JS: Python's spelling of it.
  if (!Number.isFinite(value)) return py.call(py.name("float"), [py.str("inf")]);
  // Past 2^53 the literal is the double it rounds to (`9007199254740993` is 2^53): the int of
  // its exact value, as integer arithmetic past 2^53 gives (js_int), so `===` agrees.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return py.num(BigInt(value).toString());
  return py.num(String(value));
}

export function transformStringLiteral(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): py.Expression {
  return py.str(node.text);
}

export const transformTrue = (): py.Expression => py.bool(true);
export const transformFalse = (): py.Expression => py.bool(false);
export const transformNull = (_node: ts.Node, context: TransformationContext): py.Expression => nullValue(context);

/**
 * Template literals become `%` formatting (`"%s #%s" % (level, i)`), the form hand-written
 * MicroPython uses: measured on the VM it runs at least as fast as an f-string (which
 * MicroPython compiles to `str.format`) and allocates less, and it has no f-string limits on
 * the embedded expressions (quotes, `:`, braces). The parts are already text or integers, never
 * tuples, so a single one needs no tuple.
 */
export function transformTemplateExpression(node: ts.TemplateExpression, context: TransformationContext): py.Expression {
  return templateText(node, context, (piece) => piece.text);
}

/** A template's text with each piece read by `text` (cooked, or raw for String.raw). */
export function templateText(
  node: ts.TemplateLiteral,
  context: TransformationContext,
  text: (piece: ts.TemplateLiteralLikeNode) => string,
): py.Expression {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return py.str(text(node));
  let format = escapePercent(text(node.head));
  const values: py.Expression[] = [];
  for (const span of node.templateSpans) {
    const value = context.transformExpression(span.expression);
    const formatted = asFormattedValue(context, span.expression, value);
    // `${x}` alone is its text: x itself when it is a string (or already converted), else str(x).
    if (format === "" && text(span.literal) === "" && node.templateSpans.length === 1) {
      return formatted !== value || isStringType(context.classifiedTypeOf(span.expression))
        ? formatted
        : py.call(py.name("str"), [formatted]);
    }
    values.push(formatted);
    format += "%s" + escapePercent(text(span.literal));
  }
  return py.binOp(py.str(format), "%", values.length === 1 ? values[0]! : py.tuple(values));
}

const escapePercent = (text: string): string => text.replace(/%/g, "%%");
