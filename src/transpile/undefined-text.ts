import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import * as py from "./python-ast.js";
import { elementAsText, mayReadPastEnd } from "./element-bounds.js";
import { writesTo } from "./integers.js";
import { moduleFacts } from "./module-facts.js";
import { isArrayType, isMatchArray, isRecordType, isStringType, typeOf } from "./types.js";
import { skipParentheses } from "./visitors/transparent.js";

/**
 * A value the checker types as a string that may be undefined when it runs, converted to text
 * (concatenated, in a template, `String(x)`): "undefined" for undefined, as JavaScript gives.
 * Such values are an element read past the end, a record's missing key, JSON.stringify's result
 * (undefined for undefined and functions), and what holds one (see mayHoldUndefined).
 * Undefined for any other value.
 */
export function maybeUndefinedAsText(
  node: ts.Expression,
  expression: py.Expression,
  context: TransformationContext,
): py.Expression | undefined {
  const element = elementAsText(node, expression, context);
  if (element) return element;
  return isJsonStringify(node) || mayHoldUndefined(node, context) ? py.call(context.useHelper("js_str"), [expression]) : undefined;
}

/** `JSON.stringify(v)`, typed string but undefined for undefined and functions. */
export function isJsonStringify(node: ts.Expression): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === "stringify" &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === "JSON"
  );
}

/** How far a value is followed through variables, parameters and returns. */
const followLimit = 6;

/**
 * A value TypeScript types without `undefined` that may be undefined when it runs: an element
 * read past an array's end, a record's missing key (`r["b"]`, `r.b` of a `Record<string, T>`),
 * `JSON.stringify`'s result, an element an array pattern takes past the end (`const [cmd, arg] =
 * line.split(" ")`), and, followed within the module, a variable or field any of whose writes is
 * one, a parameter some call passes one, and a call of a function returning one. Such a value
 * printed or converted to text natively would show `None`, or raise where JavaScript concatenates.
 */
export function mayHoldUndefined(node: ts.Expression, context: TransformationContext, depth = 0): boolean {
  if (depth > followLimit) return false;
  const value = skipParentheses(node);
  if (mayReadPastEnd(value, context) || isJsonStringify(value) || isRecordRead(value, context) || isEnumNameRead(value, context))
    return true;
  if (ts.isOptionalChain(value) && chainMayStopAtUndefined(value, context, depth)) return true;
  if (ts.isConditionalExpression(value)) {
    return mayHoldUndefined(value.whenTrue, context, depth + 1) || mayHoldUndefined(value.whenFalse, context, depth + 1);
  }
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return mayHoldUndefined(value.right, context, depth + 1);
    }
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.EqualsToken) {
      return (
        (operator === ts.SyntaxKind.AmpersandAmpersandToken && mayHoldUndefined(value.left, context, depth + 1)) ||
        mayHoldUndefined(value.right, context, depth + 1)
      );
    }
    return false;
  }
  if (ts.isPropertyAccessExpression(value) && isDefinitelyAssignedField(value, context)) return true;
  if (ts.isIdentifier(value) || (ts.isPropertyAccessExpression(value) && value.expression.kind === ts.SyntaxKind.ThisKeyword)) {
    return holderMayHoldUndefined(value, context, depth);
  }
  if (ts.isCallExpression(value)) return returnsUndefined(value, context, depth);
  return false;
}

/**
 * `t[k]?.toFixed(1)`, `u[3]?.name`: TypeScript types the chain by its last link (a string), as
 * the element is typed without undefined; the chain is undefined when a `?.` link's receiver
 * is, which an element read past the end or a record's missing key may be.
 */
function chainMayStopAtUndefined(chain: ts.OptionalChain, context: TransformationContext, depth: number): boolean {
  let link: ts.Expression = chain;
  while (ts.isOptionalChain(link)) {
    // A link reading an element (`grid[0]?.[4]`, `table?.[k]`) may itself find nothing.
    if (mayReadPastEnd(link, context, true) || isRecordRead(link, context, true)) return true;
    if (!ts.isNonNullChain(link) && link.questionDotToken && mayHoldUndefined(link.expression, context, depth + 1)) return true;
    link = link.expression;
  }
  return false;
}

/** A field declared `name!: T` without an initializer: undefined until something stores it. */
function isDefinitelyAssignedField(value: ts.PropertyAccessExpression, context: TransformationContext): boolean {
  const declaration = context.symbolOf(value.name)?.valueDeclaration;
  return (
    declaration !== undefined &&
    ts.isPropertyDeclaration(declaration) &&
    declaration.exclamationToken !== undefined &&
    !declaration.initializer
  );
}

/** `r[k]` or `r.name` through an index signature: a missing key reads undefined. */
function isRecordRead(value: ts.Expression, context: TransformationContext, linkOfChain = false): boolean {
  if (!ts.isElementAccessExpression(value) && !ts.isPropertyAccessExpression(value)) return false;
  if (value.questionDotToken && !linkOfChain) return false;
  const receiverType = typeOf(context, value.expression);
  // A class instance with a number index signature (`t[3]` of `class T { [n: number]: string }`).
  if (ts.isElementAccessExpression(value) && isClassWithNumberIndex(receiverType, context)) return true;
  if (!isRecordType(context, receiverType)) return false;
  // A property the type declares besides its index signature is there.
  return !ts.isPropertyAccessExpression(value) || receiverType.getProperty(value.name.text) === undefined;
}

/**
 * `E[v]` of a numeric enum, the name of v's member: undefined when v is none of the members, as a
 * value typed `E` may be (`Perm.Read | Perm.Exec` of a flags enum, a number cast to `E`).
 * Only a single member's type (`E[E.A]`, `E[1]` naming a member) is sure to name one.
 */
function isEnumNameRead(value: ts.Expression, context: TransformationContext): boolean {
  if (!ts.isElementAccessExpression(value) || ts.isStringLiteralLike(value.argumentExpression)) return false;
  const symbol = typeOf(context, value.expression).getSymbol();
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Enum) || symbol.flags & ts.SymbolFlags.EnumMember) return false;
  const index = typeOf(context, value.argumentExpression);
  if (index.isNumberLiteral()) return !enumHasValue(symbol, index.value, context);
  return !(index.flags & ts.TypeFlags.EnumLiteral) || index.isUnion();
}

function enumHasValue(symbol: ts.Symbol, wanted: number, context: TransformationContext): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) =>
      ts.isEnumDeclaration(declaration) && declaration.members.some((member) => context.checker.getConstantValue(member) === wanted),
  );
}

function isClassWithNumberIndex(type: ts.Type, context: TransformationContext): boolean {
  const symbol = type.getSymbol();
  return (
    symbol !== undefined &&
    (symbol.flags & ts.SymbolFlags.Class) !== 0 &&
    context.checker.getIndexInfoOfType(type, ts.IndexKind.Number) !== undefined
  );
}

/** A variable, parameter or `this` field declared in this module, and what is written to it. */
function holderMayHoldUndefined(node: ts.Identifier | ts.PropertyAccessExpression, context: TransformationContext, depth: number): boolean {
  const symbol = context.symbolOf(ts.isIdentifier(node) ? node : node.name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || declaration.getSourceFile() !== node.getSourceFile()) return false;
  const file = declaration.getSourceFile();
  const written = () =>
    writesTo(symbol, file, context).some(
      (write) =>
        ts.isBinaryExpression(write) && assignments.has(write.operatorToken.kind) && mayHoldUndefined(write.right, context, depth + 1),
    );
  if (ts.isVariableDeclaration(declaration)) {
    if (ts.isIdentifier(declaration.name) && declaration.initializer && mayHoldUndefined(declaration.initializer, context, depth + 1))
      return true;
    // `for (const group of match)`: a group that took part in no match is undefined.
    const loop = declaration.parent.parent;
    if (ts.isForOfStatement(loop) && isMatchArray(context.checker.getNonNullableType(context.typeOf(loop.expression)))) return true;
    return !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) && (written() || patternAssignsUndefined(symbol, file, context));
  }
  if (ts.isPropertyDeclaration(declaration)) {
    return (declaration.initializer !== undefined && mayHoldUndefined(declaration.initializer, context, depth + 1)) || written();
  }
  if (ts.isBindingElement(declaration)) return patternMayGiveUndefined(declaration, context, depth) || written();
  if (ts.isParameter(declaration)) return parameterMayGetUndefined(declaration, context, depth) || written();
  return false;
}

const assignments = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/**
 * `const [cmd, arg] = parts` takes undefined past the end of an array (a tuple's elements are
 * there); `const { host } = settings` a record's missing key. A default takes undefined's place.
 */
function patternMayGiveUndefined(element: ts.BindingElement, context: TransformationContext, depth: number): boolean {
  if (element.initializer) return mayHoldUndefined(element.initializer, context, depth + 1);
  if (element.dotDotDotToken) return false;
  const pattern = element.parent;
  const source = context.checker.getTypeAtLocation(pattern);
  if (ts.isArrayBindingPattern(pattern)) return isArrayType(context, source) && !context.checker.isTupleType(source);
  const key = element.propertyName ?? element.name;
  if (indexKeyPastEnd(key, source, context)) return true;
  return isRecordType(context, source) && !(ts.isIdentifier(key) && source.getProperty(key.text) !== undefined);
}

/**
 * `({ 5: c } = "abcd")`, `[a, b] = parts`: a destructuring assignment gives a variable undefined
 * where a binding pattern would (patternMayGiveUndefined), unless the target has a default.
 */
function patternAssignsUndefined(symbol: ts.Symbol, file: ts.SourceFile, context: TransformationContext): boolean {
  return moduleFacts(file).patternTargets.some((pattern) => {
    const source = context.checker.getTypeAtLocation((pattern.parent as ts.BinaryExpression).right);
    if (ts.isArrayLiteralExpression(pattern)) {
      return (
        isArrayType(context, source) &&
        !context.checker.isTupleType(source) &&
        pattern.elements.some((element) => ts.isIdentifier(element) && context.symbolOf(element) === symbol)
      );
    }
    return pattern.properties.some(
      (property) =>
        ts.isPropertyAssignment(property) &&
        ts.isIdentifier(property.initializer) &&
        context.symbolOf(property.initializer) === symbol &&
        indexKeyPastEnd(property.name, source, context),
    );
  });
}

/**
 * `const { 5: c } = "abcd"`, `const { 7: x } = list`: an index key of a string or an array may
 * be past its end (a string literal's own length, or a tuple's elements, are known).
 */
function indexKeyPastEnd(key: ts.PropertyName | ts.BindingName, source: ts.Type, context: TransformationContext): boolean {
  const indexable = isStringType(source) || isArrayType(context, source);
  // A computed key (`{ [i]: c }`) may be any index.
  if (ts.isComputedPropertyName(key)) return indexable;
  if (!(ts.isNumericLiteral(key) || ts.isStringLiteral(key)) || !/^(0|[1-9]\d*)$/.test(key.text)) return false;
  const index = Number(key.text);
  if (source.isStringLiteral()) return index >= source.value.length;
  if (context.checker.isTupleType(source)) return source.getProperty(key.text) === undefined;
  return indexable;
}

/** A parameter without a default that some call in this module passes such a value. */
function parameterMayGetUndefined(parameter: ts.ParameterDeclaration, context: TransformationContext, depth: number): boolean {
  if (parameter.initializer || parameter.dotDotDotToken) return false;
  const index = parameter.parent.parameters.indexOf(parameter);
  return argumentsPassedTo(parameter.parent, context).some(
    (args) => index < args.length && mayHoldUndefined(args[index]!, context, depth + 1),
  );
}

/** `f(…)` of a function of this module whose `return` gives such a value. */
function returnsUndefined(call: ts.CallExpression, context: TransformationContext, depth: number): boolean {
  const declaration = context.checker.getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration) || declaration.getSourceFile() !== call.getSourceFile()) return false;
  const body = (declaration as ts.FunctionLikeDeclaration).body;
  if (!body) return false;
  if (!ts.isBlock(body)) return mayHoldUndefined(body, context, depth + 1);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression && mayHoldUndefined(node.expression, context, depth + 1)) found = true;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

// Symbols and signatures belong to one checker: the index is kept per checker.
const callsByFile = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Map<ts.Node, ts.NodeArray<ts.Expression>[]>>>();

/** The argument lists of the calls (and `new`) in the declaration's module that resolve to it. */
function argumentsPassedTo(declaration: ts.SignatureDeclaration, context: TransformationContext): ts.NodeArray<ts.Expression>[] {
  const file = declaration.getSourceFile();
  const files = callsByFile.get(context.checker) ?? new WeakMap<ts.SourceFile, Map<ts.Node, ts.NodeArray<ts.Expression>[]>>();
  callsByFile.set(context.checker, files);
  let index = files.get(file);
  if (!index) {
    const built = new Map<ts.Node, ts.NodeArray<ts.Expression>[]>();
    for (const call of moduleFacts(file).callsWithArguments) {
      const callee = context.checker.getResolvedSignature(call)?.declaration;
      if (!callee) continue;
      const lists = built.get(callee);
      if (lists) lists.push(call.arguments!);
      else built.set(callee, [call.arguments!]);
    }
    index = built;
    files.set(file, index);
  }
  return index.get(declaration) ?? [];
}

/**
 * An array typed `string[]` whose elements may be undefined when it runs: `xs.map((x) =>
 * JSON.stringify(x))`, `[r[k], "b"]` (mayHoldUndefined of the callback's returned values or of
 * the items). Its join goes through arr_join, which joins undefined as "" where Python's
 * `str.join` raises TypeError.
 */
export function elementsMayHoldUndefined(node: ts.Expression, context: TransformationContext): boolean {
  const value = skipParentheses(node);
  if (ts.isArrayLiteralExpression(value)) {
    return value.elements.some((element) => !ts.isSpreadElement(element) && mayHoldUndefined(element, context));
  }
  if (!ts.isCallExpression(value) || !ts.isPropertyAccessExpression(value.expression)) return false;
  const callback = value.arguments[0] && skipParentheses(value.arguments[0]);
  if (value.expression.name.text !== "map" || !callback) return false;
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return false;
  if (!ts.isBlock(callback.body)) return mayHoldUndefined(callback.body, context);
  let may = false;
  const visit = (child: ts.Node): void => {
    if (may || ts.isFunctionLike(child)) return;
    if (ts.isReturnStatement(child) && child.expression && mayHoldUndefined(child.expression, context)) may = true;
    else ts.forEachChild(child, visit);
  };
  ts.forEachChild(callback.body, visit);
  return may;
}
