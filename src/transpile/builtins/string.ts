import { ts } from "../typescript.js";
import * as py from "../python-ast.js";
import {
  asIndex,
  asIndexes,
  isNonNegativeIntegerLiteral,
  isRegularExpression,
  isStringLiteralLike,
  slice,
  transformArgs,
  valueAsString,
} from "./arguments.js";
import { isIntegral, isNonNegative } from "../operators/numeric.js";
import * as diagnostics from "./diagnostics.js";
import { zeroPaddedRadix } from "./number.js";
import { isRegExpValue, regExpReplace, regExpStringCalls, regExpValue } from "./regexp.js";
import type { HelperName } from "../runtime/helper-names.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";
import type { TransformationContext } from "../context.js";

export const stringProperties: PropertyMappings = {
  length: (_node, _context, receiver) => py.call(py.name("len"), [receiver]),
};

const method =
  (name: string): CallMapping =>
  (node, context, receiver) =>
    py.call(py.attribute(receiver, name), transformArgs(node, context));

const helper =
  (name: HelperName, ...extra: py.Expression[]): CallMapping =>
  (node, context, receiver) =>
    py.call(context.useHelper(name), [receiver, ...transformArgs(node, context), ...extra]);

function rejectRegExp(member: string, mapping: CallMapping): CallMapping {
  return (node, context, receiver) => {
    if (isRegularExpression(node.arguments[0])) {
      context.report(
        diagnostics.regExpRefused(node.arguments[0]!, `${member} takes no regular expression (JavaScript throws a TypeError)`),
      );
    }
    return mapping(node, context, receiver);
  };
}

/** A member taking a regular expression, or a text it turns into one (`match`, `search`, `matchAll`). */
function byRegExp(name: keyof typeof regExpStringCalls, flags = ""): CallMapping {
  return (node, context, receiver) => {
    const [pattern] = node.arguments;
    if (pattern && !isRegExpValue(pattern, context)) {
      const text = isStringLiteralLike(pattern) ? pattern.text : undefined;
      if (text === undefined) {
        context.report(diagnostics.regExpAtRunTime(pattern));
        return py.none();
      }
      return py.call(context.useHelper(regExpHelpers[name]), [receiver, regExpValue(pattern, text, flags, context)]);
    }
    return regExpStringCalls[name](node, context, receiver);
  };
}

/** `split` and `replace` take a regular expression or a string (an exact text, not a pattern). */
function orRegExp(mapping: CallMapping, regExp: CallMapping): CallMapping {
  return (node, context, receiver) => (isRegExpValue(node.arguments[0], context) ? regExp : mapping)(node, context, receiver);
}

/** Replacement strings may hold `$&`-style patterns; a literal without `$` is plain Python. */
function replace(every: boolean): CallMapping {
  const strings: CallMapping = (node, context, receiver) => {
    const [search, replacement] = node.arguments;
    if (replacement && !ts.isStringLiteralLike(replacement) && replacerArity(replacement, context) !== undefined) {
      const [pattern, replacer] = transformArgs(node, context);
      const arity = py.num(replacerArity(replacement, context)!);
      return py.call(context.useHelper("str_replace_fn"), [receiver, pattern!, replacer!, arity, ...(every ? [py.bool(true)] : [])]);
    }
    const args = transformArgs(node, context);
    const plain = isStringLiteralLike(search) && search.text !== "" && isStringLiteralLike(replacement) && !replacement.text.includes("$");
    if (plain) return py.call(py.attribute(receiver, "replace"), every ? args : [...args, py.num(1)]);
    return py.call(context.useHelper("str_replace"), every ? [receiver, ...args, py.bool(true)] : [receiver, ...args]);
  };
  return orRegExp(strings, (node, context, receiver) => regExpReplace(node, context, receiver, every));
}

/**
 * How many of (match, offset, string) a replacement function takes, or undefined when the
 * argument is not a function. JavaScript passes all three and a function ignores what it does
 * not name; a Python function raises on extra arguments. A rest parameter takes all three.
 */
function replacerArity(node: ts.Expression, context: TransformationContext): number | undefined {
  const signatures = context.checker.getSignaturesOfType(context.checker.getTypeAtLocation(node), ts.SignatureKind.Call);
  if (signatures.length === 0) return undefined;
  const declaration = signatures[0]!.getDeclaration();
  if (!declaration || !("parameters" in declaration)) return 3;
  const parameters = declaration.parameters as ts.NodeArray<ts.ParameterDeclaration>;
  return parameters.some((parameter) => parameter.dotDotDotToken) ? 3 : Math.min(parameters.length, 3);
}

/** JavaScript trims Unicode white space too (U+00A0, U+FEFF…); Python's strip() ASCII only. */
const trim =
  (name: string): CallMapping =>
  (_node, context, receiver) =>
    py.call(py.attribute(receiver, name), [context.useHelper("js_space")]);

/**
 * MicroPython has no Unicode normalization tables: a literal is normalized when transpiling
 * (Node's tables, the same answer), anything else is rejected with what to do instead.
 */
const normalize: CallMapping = (node, context) => {
  const receiver = (node.expression as ts.PropertyAccessExpression).expression;
  const [form] = node.arguments;
  const forms = ["NFC", "NFD", "NFKC", "NFKD"];
  if (isStringLiteralLike(receiver) && (!form || (isStringLiteralLike(form) && forms.includes(form.text)))) {
    return py.str(receiver.text.normalize(form && isStringLiteralLike(form) ? form.text : "NFC"));
  }
  context.report(diagnostics.normalizeAtRunTime(node));
  return py.none();
};

const regExpHelpers = { match: "re_match", matchAll: "re_match_all", search: "re_search", split: "re_split" } as const;

export const stringCalls: CallMappings = {
  normalize,
  /** Python slicing already counts negative indexes from the end and clamps, like slice(). */
  slice(node, context, receiver) {
    const [start, end] = asIndexes(node.arguments, context);
    return slice(receiver, start, end);
  },
  substring(node, context, receiver) {
    const [start, end] = node.arguments;
    if (
      isNonNegativeIntegerLiteral(start) &&
      (end === undefined || isNonNegativeIntegerLiteral(end)) &&
      (end === undefined || Number((start as ts.NumericLiteral).text) <= Number((end as ts.NumericLiteral).text))
    ) {
      const [lower, upper] = asIndexes(node.arguments, context);
      return slice(receiver, lower, upper);
    }
    return py.call(context.useHelper("str_substring"), [receiver, ...transformArgs(node, context)]);
  },
  substr: helper("str_substr"),
  localeCompare(node, context, receiver) {
    // Ordinal, not by a locale's collation: MicroPython has no collation tables.
    if (node.arguments.length > 1) context.report(diagnostics.unsupportedArguments(node, "String.localeCompare with locales or options"));
    return helper("str_locale_compare")(node, context, receiver);
  },
  indexOf(node, context, receiver) {
    if (node.arguments.length > 1) return helper("str_index_of")(node, context, receiver);
    return method("find")(node, context, receiver);
  },
  lastIndexOf(node, context, receiver) {
    if (node.arguments.length > 1) return helper("str_last_index_of")(node, context, receiver);
    return method("rfind")(node, context, receiver);
  },
  includes(node, context, receiver) {
    const [search, position] = transformArgs(node, context);
    return py.compare(search!, "in", position ? slice(receiver, clampedPosition(node.arguments[1]!, position, context)) : receiver);
  },
  startsWith: rejectRegExp("String.startsWith", (node, context, receiver) => {
    const [search, position] = transformArgs(node, context);
    const from = position ? slice(receiver, clampedPosition(node.arguments[1]!, position, context)) : receiver;
    return py.call(py.attribute(from, "startswith"), [search!]);
  }),
  endsWith(node, context, receiver) {
    const [search, length] = transformArgs(node, context);
    const upTo = length ? slice(receiver, undefined, clampedPosition(node.arguments[1]!, length, context, true)) : receiver;
    return py.call(py.attribute(upTo, "endswith"), [search!]);
  },
  match: byRegExp("match"),
  matchAll: byRegExp("matchAll", "g"),
  search: byRegExp("search"),
  split: orRegExp((node, context, receiver) => {
    const [separator] = node.arguments;
    if (node.arguments.length === 1 && isStringLiteralLike(separator) && separator.text !== "") {
      return py.call(py.attribute(receiver, "split"), transformArgs(node, context));
    }
    return py.call(context.useHelper("str_split"), [receiver, ...transformArgs(node, context)]);
  }, regExpStringCalls.split),
  replace: replace(false),
  replaceAll: replace(true),
  toUpperCase: method("upper"),
  toLowerCase: method("lower"),
  trim: trim("strip"),
  trimStart: trim("lstrip"),
  trimEnd: trim("rstrip"),
  trimLeft: trim("lstrip"),
  trimRight: trim("rstrip"),
  padStart(node, context, receiver) {
    return zeroPaddedRadix(node, context, receiver) ?? helper("str_pad_start")(node, context, receiver);
  },
  padEnd: helper("str_pad_end"),
  repeat(node, context, receiver) {
    const [count] = node.arguments;
    // A count known to be a whole number from 0 up is Python's `*`; others may be a RangeError.
    if (count && isNonNegativeIntegerLiteral(count)) return py.binOp(receiver, "*", context.transformExpression(count));
    return py.call(context.useHelper("str_repeat"), [receiver, count ? context.transformExpression(count) : py.none()]);
  },
  /** s[i:i+1] is "" past the end, as charAt gives; a negative index needs the helper. */
  charAt(node, context, receiver) {
    const [index] = node.arguments;
    if (index === undefined) return slice(receiver, py.num(0), py.num(1));
    if (isNonNegativeIntegerLiteral(index)) {
      const at = Number((index as ts.NumericLiteral).text);
      return slice(receiver, py.num(at), py.num(at + 1));
    }
    return py.call(context.useHelper("js_char_at"), [receiver, asIndex(index, context)]);
  },
  charCodeAt: helper("char_code_at"),
  codePointAt: helper("code_point_at"),
  at: helper("js_at"),
  concat(node, context, receiver) {
    return node.arguments.reduce<py.Expression>(
      (joined, argument) => py.binOp(joined, "+", valueAsString(argument, context, context.transformExpression(argument))),
      receiver,
    );
  },
  toString: ((_node, _context, receiver) => receiver) as CallMapping,
  valueOf: ((_node, _context, receiver) => receiver) as CallMapping,
};

export const stringStaticCalls: CallMappings = {
  fromCharCode(node, context) {
    // A spread, or a code that may be a fraction or negative (chr() raises): str_from_char_codes.
    const native = (argument: ts.Expression) =>
      !ts.isSpreadElement(argument) && isIntegral(argument, context) && isNonNegative(argument, context);
    if (!node.arguments.every(native)) {
      return py.call(context.useHelper("str_from_char_codes"), transformArgs(node, context));
    }
    const codes = transformArgs(node, context).map((code) => py.call(py.name("chr"), [code]));
    return codes.length === 0 ? py.str("") : codes.reduce<py.Expression>((joined, next) => py.binOp(joined, "+", next), codes.shift()!);
  },
  fromCodePoint(node, context) {
    // Valid literal codes make the string when building; anything else is checked when it runs.
    const codes = node.arguments.map((argument) => (ts.isNumericLiteral(argument) ? Number(argument.text) : Number.NaN));
    if (codes.every((code) => Number.isInteger(code) && code >= 0 && code <= 0x10ffff)) return py.str(String.fromCodePoint(...codes));
    return py.call(context.useHelper("str_from_code_points"), transformArgs(node, context));
  },
};

/**
 * A position argument (`includes(s, p)`, `startsWith(s, p)`, `endsWith(s, n)`) as JavaScript
 * takes it: clamped to 0 from below (Python would count a negative one from the end), NaN 0,
 * fractions truncated; undefined is 0, or for endsWith the whole length.
 */
function clampedPosition(
  node: ts.Expression,
  expression: py.Expression,
  context: TransformationContext,
  undefinedIsEnd = false,
): py.Expression {
  if (isIntegral(node, context)) return isNonNegative(node, context) ? expression : py.call(py.name("max"), [expression, py.num(0)]);
  // js_index gives Infinity as a bound past any length, which a slice takes as the end.
  const absent = py.num(undefinedIsEnd ? 0x3fffffff : 0);
  return py.call(py.name("max"), [py.call(context.useHelper("js_index"), [expression, absent]), py.num(0)]);
}
