import { ts } from "../typescript.js";
import { hasPythonText } from "../magnitudes.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isBooleanType, isErrorType, isNumberType, isStringType, typeOf } from "../types.js";
import * as diagnostics from "./diagnostics.js";
import { isIntegral } from "../operators/numeric.js";
import type { CallMappings } from "./mapping.js";
import { argumentList, transformArgs } from "./arguments.js";
import { elementAsText, mayReadPastEnd } from "../element-bounds.js";
import { isJsonStringify, mayHoldUndefined } from "../undefined-text.js";
import { mayHaveEffects } from "../effects.js";

export const consoleCalls: CallMappings = {
  /**
   * `console.log(a, b)` prints its arguments separated by spaces, as `print` does. Strings and
   * integers print natively; other values go through js_inspect, which formats them as
   * Node's util.inspect does (`[ 1, 2, 3 ]`, `{ a: 1, b: 'x' }`).
   */
  log(node, context) {
    if (node.arguments.some(ts.isSpreadElement)) return spreadLog(node, context);
    const [first] = node.arguments;
    // Node substitutes %s, %d, %i, %f, %j, %o, %O, %c and %% in a first string argument.
    if (node.arguments.length > 1 && first && ts.isStringLiteralLike(first) && /%[sdifjoOc%]/.test(first.text)) {
      context.report(diagnostics.logFormatDirective(first));
    }
    const { values, before } = evaluatedFirst(node, context.transformInOrder(node.arguments), context);
    const print =
      first && node.arguments.length > 1 && mayHoldFormat(first, context)
        ? formattedAtRunTime(node.arguments, values, context)
        : py.call(
            py.name("print"),
            node.arguments.map((argument, index) => printedArgument(argument, values[index]!, context)),
          );
    return before ? py.boolOp(before, "and", print) : print;
  },
};
consoleCalls.info = consoleCalls.log!;
consoleCalls.error = consoleCalls.log!;
consoleCalls.warn = consoleCalls.log!;

/**
 * `console.log(...args)` (a logging wrapper, `xs.forEach(console.log)`, `const log =
 * console.log`): how many values and of which types is known when the program runs, so each is
 * printed as an `any` would be (js_inspect: a string as itself), and a first string holding `%`
 * is a format, as Node reads it (js_log_args). Class instances and errors spread from an array
 * of them are rejected as when written out.
 */
function spreadLog(node: ts.CallExpression, context: TransformationContext): py.Expression {
  for (const argument of node.arguments) {
    const shown = ts.isSpreadElement(argument) ? argument.expression : argument;
    const type = typeOf(context, shown);
    const element = ts.isSpreadElement(argument) ? context.checker.getIndexTypeOfType(type, ts.IndexKind.Number) : type;
    if (element) rejectUnprintable(shown, element, context, 0);
  }
  return py.call(py.name("print"), [py.starred(py.call(context.useHelper("js_log_args"), [argumentList(transformArgs(node, context))]))]);
}

/**
 * Node evaluates every argument before it formats any: `console.log(a, a.sort())` prints the
 * sorted array twice, where print would format `a` before the sort runs. So when an argument
 * may have effects (effects.ts) and one before it may be an object, every argument up to it is
 * evaluated into a temporary first: as statements before a console.log statement, else as a
 * tuple ahead of the print (`((t := a), (u := sort(a))) and print(…)`, a non-empty tuple being
 * true). A const name, a literal and an argument after the last effect read the same when
 * printed, and a primitive formats the same whenever it is formatted, so the usual print stays
 * as it is.
 */
function evaluatedFirst(
  node: ts.CallExpression,
  values: py.Expression[],
  context: TransformationContext,
): { values: py.Expression[]; before?: py.Expression } {
  const nodes = node.arguments;
  const last = nodes.findLastIndex((argument) => mayHaveEffects(argument, context));
  if (last < 1 || !nodes.slice(0, last).some((argument) => mayBeObject(typeOf(context, argument)))) return { values };
  const held: py.NamedExpr[] = [];
  const settled = values.map((value, index) => {
    if (index > last || value.kind === "Constant" || context.namesFixedValue(nodes[index]!)) return value;
    const temporary = context.temporary("value");
    held.push(py.namedExpr(temporary, value));
    return temporary;
  });
  if (!ts.isExpressionStatement(node.parent)) return { values: settled, before: py.tuple(held) };
  context.addPrecedingStatements(...held.map((assignment) => py.assign(assignment.target, assignment.value)));
  return { values: settled };
}

const primitiveFlags =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Void |
  ts.TypeFlags.Null;

/** Whether a value of this type may be an object, whose printed form a later effect can change. */
function mayBeObject(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).some((part) => !(part.flags & primitiveFlags));
}

/** A first argument other than a literal that may be a string holding `%` when it runs. */
function mayHoldFormat(first: ts.Expression, context: TransformationContext): boolean {
  if (ts.isStringLiteralLike(first)) return false;
  const type = typeOf(context, first);
  const parts = type.isUnion() ? type.types : [type];
  const maybeString = ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter;
  return parts.some((part) => part.flags & maybeString) && mayHoldPercent(first, context, new Set());
}

/** String methods whose result holds a `%` only if their receiver or an argument does. */
const percentKeeping = new Set([
  ...["toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd", "trimLeft", "trimRight", "slice", "substring"],
  ...["at", "charAt", "repeat", "padStart", "padEnd", "concat", "replace", "replaceAll", "join", "split"],
]);

/**
 * Whether a value may be a string containing `%` (a small proof for the common cases: literals,
 * `const`s, concatenations and string methods of those), so the usual print stays native.
 */
function mayHoldPercent(node: ts.Expression, context: TransformationContext, visiting: Set<ts.Node>): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node))
    return mayHoldPercent(node.expression, context, visiting);
  const type = typeOf(context, node);
  const parts = type.isUnion() ? type.types : [type];
  const textual = ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Object | ts.TypeFlags.TypeParameter;
  if (!parts.some((part) => part.flags & textual)) return false;
  if (ts.isStringLiteralLike(node)) return node.text.includes("%");
  if (ts.isArrayLiteralExpression(node)) return node.elements.some((element) => mayHoldPercent(element, context, visiting));
  if (ts.isTemplateExpression(node)) {
    return (
      node.head.text.includes("%") ||
      node.templateSpans.some((span) => span.literal.text.includes("%") || mayHoldPercent(span.expression, context, visiting))
    );
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return mayHoldPercent(node.left, context, visiting) || mayHoldPercent(node.right, context, visiting);
  }
  if (ts.isIdentifier(node)) {
    const declaration = context.symbolOf(node)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || visiting.has(declaration)) return true;
    if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return true;
    visiting.add(declaration);
    return mayHoldPercent(declaration.initializer, context, visiting);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && percentKeeping.has(node.expression.name.text)) {
    const symbol = context.symbolOf(node.expression.name);
    if (!symbol || context.isDeclaredByUser(symbol)) return true;
    return (
      mayHoldPercent(node.expression.expression, context, visiting) ||
      node.arguments.some((argument) => mayHoldPercent(argument, context, visiting))
    );
  }
  return true;
}

/**
 * `console.log(text, ...values)` where `text` may hold format directives: js_log_format
 * substitutes them when the program runs. Each value is evaluated once, into a temporary
 * unless it is a constant, or a plain name no later value can reassign (`g(), k, g(), k`: the
 * printed list is read after every value is), because it is passed both as itself (for the
 * directives) and printed (for the values left over).
 */
function formattedAtRunTime(nodes: readonly ts.Expression[], values: py.Expression[], context: TransformationContext): py.Expression {
  const settled = values.map((value, index) =>
    value.kind === "Constant" || (value.kind === "Name" && !nodes.slice(index + 1).some((node) => mayHaveEffects(node, context)))
      ? { raw: value, read: value }
      : held(value, context),
  );
  const [first, ...rest] = settled;
  const printed = settled.map((value, index) => printedArgument(nodes[index]!, value.read, context));
  const call = py.call(context.useHelper("js_log_format"), [
    first!.raw,
    printed[0]!,
    py.list(rest.map((value) => value.raw)),
    py.list(printed.slice(1)),
  ]);
  return py.call(py.name("print"), [py.starred(call)]);
}

function held(value: py.Expression, context: TransformationContext): { raw: py.Expression; read: py.Expression } {
  const temporary = context.temporary("value");
  return { raw: py.namedExpr(temporary, value), read: temporary };
}

const nullishFlags = ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null;

function printedArgument(argument: ts.Expression, value: py.Expression, context: TransformationContext): py.Expression {
  const type = typeOf(context, argument);
  // A value known to be undefined whatever its type says (`s[-1]`, `void f()`).
  if (value.kind === "Constant" && value.value === null) return py.str("undefined");
  // An element read past the end is undefined whatever its type says.
  if (mayReadPastEnd(argument, context)) {
    if (isStringType(type)) return elementAsText(argument, value, context)!;
    // A number tested inline (`a[i] if i < len(a) else None`) prints as a number or the word.
    if (isNumberType(type) && value.kind === "IfExp" && value.orelse.kind === "Constant" && value.orelse.value === null) {
      const number = hasPythonText(isIntegral(argument, context), argument, context)
        ? value.body
        : py.call(context.useHelper("num_log"), [value.body]);
      return py.ifExp(value.test, number, py.str("undefined"));
    }
    rejectUnprintable(argument, type, context, 0);
    return py.call(context.useHelper("js_inspect"), [value]);
  }
  // A record's missing key (or what holds it or an element past the end) is undefined whatever the type says.
  if (mayHoldUndefined(argument, context) && (isStringType(type) || isNumberType(type) || isBooleanType(type))) {
    return py.call(context.useHelper(isStringType(type) ? "js_str" : "js_inspect"), [value]);
  }
  if (isStringType(type)) return isJsonStringify(argument) ? py.call(context.useHelper("js_inspect"), [value]) : value;
  if (isNumberType(type))
    return hasPythonText(isIntegral(argument, context), argument, context) ? value : py.call(context.useHelper("num_log"), [value]);
  // `flags[k] ?? "unset"`: the checker types it by its left side alone (not nullable, for an
  // element or record read), but the value may be the right side's.
  if (isBooleanType(type)) {
    return isNullishFallback(argument)
      ? py.call(context.useHelper("js_inspect"), [value])
      : py.ifExp(value, py.str("true"), py.str("false"));
  }
  // The word alone only when dropping the value drops nothing (`console.log(f())` still calls f).
  const effectFree = value.kind === "Constant" || value.kind === "Name";
  if (effectFree && (type.flags & ts.TypeFlags.Undefined || type.flags & ts.TypeFlags.Void)) return py.str("undefined");
  if (effectFree && type.flags & ts.TypeFlags.Null) return py.str("null");
  rejectUnprintable(argument, type, context, 0);
  return py.call(context.useHelper("js_inspect"), [value]);
}

function isNullishFallback(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken;
}

/** Class instances (other than Map and Set) and Errors print in ways MicroPython cannot match. */
export function rejectUnprintable(node: ts.Expression, type: ts.Type, context: TransformationContext, depth: number): boolean {
  if (depth > 3) return false;
  if (type.flags & nullishFlags) return false;
  if (type.isUnion()) return type.types.some((part) => rejectUnprintable(node, part, context, depth));
  if (isErrorType(type)) {
    context.report(diagnostics.logError(node));
    return true;
  }
  const symbol = type.getSymbol();
  if (symbol && symbol.flags & ts.SymbolFlags.Class && context.isDeclaredByUser(symbol)) {
    // The class itself prints as `[class K extends B]` (js_inspect), unless it has static fields
    // (or a namespace's members), which Node lists after it in an order MicroPython does not keep.
    if (type.getConstructSignatures().length > 0) {
      if (!hasStaticProperties(symbol)) return false;
      context.report(diagnostics.logClassWithStatics(node, symbol.getName()));
      return true;
    }
    context.report(diagnostics.logClassInstance(node, symbol.getName()));
    return true;
  }
  if (context.checker.isArrayType(type) || context.checker.isTupleType(type)) {
    return context.checker
      .getTypeArguments(type as ts.TypeReference)
      .some((element) => rejectUnprintable(node, element, context, depth + 1));
  }
  return false;
}

/** A class with static fields, or merged with a namespace whose members become its attributes. */
function hasStaticProperties(symbol: ts.Symbol): boolean {
  if (symbol.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return true;
  return (symbol.declarations ?? []).some(
    (declaration) =>
      ts.isClassLike(declaration) &&
      declaration.members.some(
        (member) =>
          (ts.isPropertyDeclaration(member) || ts.isAutoAccessorPropertyDeclaration(member)) &&
          ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
      ),
  );
}
