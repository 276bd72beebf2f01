import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { isIdentifierName } from "./member-names.js";
import { isAnyLike, isRecordType, mayIterateAGenerator, typeOf } from "../types.js";
import { attributeByKey, elementStore, storeTo, transformAssignmentTarget } from "./assignment-target.js";
import { asStoredElement } from "../builtins/typed-arrays.js";

/**
 * Destructuring, in declarations (`const [a, b] = …`), parameters, `for…of` heads and
 * assignments (`[a, b] = [b, a]`). JavaScript tolerates missing elements (undefined) and extra
 * ones, where Python's tuple unpacking demands an exact length, so each element is read on
 * its own from a temporary: `a = t[0]`, or js_item(t, 0) where the length is not known.
 * Defaults apply when the value is undefined (None; null keeps its value).
 */

type Pattern = ts.BindingName | ts.Expression;

/** Statements binding `pattern` to `value`. */
export function destructure(pattern: Pattern, value: py.Expression, valueNode: ts.Node, context: TransformationContext): py.Statement[] {
  return withDefault(pattern, undefined, value, valueNode, context);
}

/** `value` as a name, so the elements can be read from it without evaluating it again. */
function asName(value: py.Expression, context: TransformationContext, statements: py.Statement[]): py.Expression {
  if (value.kind === "Name") return value;
  const temporary = context.temporary("unpacked");
  statements.push(py.assign(temporary, value));
  return temporary;
}

/**
 * One element: `target = read`, or with a default, `target = read` and, when that is
 * undefined, `target = default`. As in JavaScript, an assignment target's reference (`o[f()]`)
 * is evaluated first, then the value read, then the default (statements it needs included) runs
 * only if the value is undefined, then the value stored.
 */
function withDefault(
  target: Pattern,
  initializer: ts.Expression | undefined,
  read: py.Expression,
  valueNode: ts.Node,
  context: TransformationContext,
  keyed?: ts.Node,
): py.Statement[] {
  const statements: py.Statement[] = [];
  const defaulted = (name: py.Name): py.Statement[] => {
    if (!initializer) return [];
    const { result, preceding } = context.collectPreceding(() => context.transformExpression(initializer));
    // Statements a default needs first (`g(s += "F")[s += "H"]`) do not keep JavaScript's order
    // with the rest of the expression: in a pattern whose computed keys read the names they
    // assign, that would show, so it stays rejected there.
    if (keyed && preceding.length > 0) context.report(diagnostics.unorderedComputedPattern(keyed));
    return [py.ifStatement(py.compare(name, "is", py.none()), [...preceding, py.assign(name, result)])];
  };
  if (ts.isIdentifier(target)) {
    const name = py.name(context.pythonName(target));
    // `[x = x + 1] = [undefined]` reads x's old value in its default: the value waits in a temporary.
    if (!initializer || !mentions(initializer, target)) return [py.assign(name, read), ...defaulted(name)];
    const temporary = context.temporary("element");
    return [py.assign(temporary, read), ...defaulted(temporary), py.assign(name, temporary)];
  }
  if (
    ts.isArrayBindingPattern(target) ||
    ts.isArrayLiteralExpression(target) ||
    ts.isObjectBindingPattern(target) ||
    ts.isObjectLiteralExpression(target)
  ) {
    let value = read;
    if (initializer) {
      value = context.temporary("element");
      statements.push(py.assign(value, read), ...defaulted(value));
    }
    const nested =
      ts.isArrayBindingPattern(target) || ts.isArrayLiteralExpression(target)
        ? arrayPattern(target, value, valueNode, context)
        : objectPattern(target, value, valueNode, context);
    return [...statements, ...nested];
  }
  // An assignment target such as `o.x` or `a[i]` inside `[o.x, a[i]] = …`.
  const store = targetReference(target as ts.Expression, initializer, context, statements);
  if (!initializer) return [...statements, ...store(read)];
  const temporary = context.temporary("element");
  return [...statements, py.assign(temporary, read), ...defaulted(temporary), ...store(temporary)];
}

/** Whether `node` names the variable `name` refers to (syntactically: the same identifier text). */
function mentions(node: ts.Node, name: ts.Identifier): boolean {
  if (ts.isIdentifier(node) && node.text === name.text) return true;
  return ts.forEachChild(node, (child) => mentions(child, name)) ?? false;
}

/**
 * The reference of a plain assignment target, evaluated now (its receiver and index into
 * temporaries when they run code or the default reassigns them); returns the store into it.
 * An array element past the end grows the array; an integer typed array's element is stored
 * as ToInt32 converts it, as `a[i] = v` stores it.
 */
function targetReference(
  node: ts.Expression,
  initializer: ts.Expression | undefined,
  context: TransformationContext,
  statements: py.Statement[],
): (value: py.Expression) => py.Statement[] {
  const { result: target, preceding } = context.collectPreceding(() => transformAssignmentTarget(node, context, false, true));
  statements.push(...preceding);
  const stable = (part: py.Expression, source: ts.Expression): py.Expression => {
    if (part.kind === "Constant") return part;
    if (part.kind === "Name" && !(initializer && ts.isIdentifier(source) && mentions(initializer, source))) return part;
    const temporary = context.temporary("target");
    statements.push(py.assign(temporary, part));
    return temporary;
  };
  const element = ts.isElementAccessExpression(node) ? node : undefined;
  if (target.kind === "Subscript" && element) {
    const stored = py.subscript(stable(target.value, element.expression), stable(target.index, element.argumentExpression));
    // The value comes from the pattern, whose node (the parent) no checker proves integral.
    return (value) => [elementStore(element, stored, asStoredElement(element, node.parent as ts.Expression, value, context), context)];
  }
  if (target.kind === "Attribute" && ts.isPropertyAccessExpression(node)) {
    const stored = py.attribute(stable(target.value, node.expression), target.attr);
    return (value) => [py.assign(stored, value)];
  }
  // `[c[1], c[k]] = pair` on a class instance: stored with setattr.
  if (attributeByKey(target) && element) {
    const stored = py.call(target.func, [stable(target.args[0]!, element.expression), stable(target.args[1]!, element.argumentExpression)]);
    return (value) => [storeTo(stored, value)];
  }
  return (value) => [py.assign(target, value)];
}

/** The tuple length when `node`'s type is a tuple (so indexing within it is safe). */
function tupleLength(node: ts.Node, context: TransformationContext): number | undefined {
  // A nested assignment pattern (`({ y: [z = 1] } = o)`) has the type of the pattern, a tuple
  // however long the array it will read is.
  if (isAssignmentPatternPart(node)) return undefined;
  const type = typeOf(context, node);
  if (!context.checker.isTupleType(type)) return undefined;
  const target = (type as ts.TypeReference).target as ts.TupleType;
  return target.minLength;
}

function isAssignmentPatternPart(node: ts.Node): boolean {
  if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isSpreadAssignment(node) || ts.isBinaryExpression(node))
    return true;
  if (!ts.isArrayLiteralExpression(node) && !ts.isObjectLiteralExpression(node)) return false;
  const parent = node.parent;
  return (
    ts.isArrayLiteralExpression(parent) ||
    ts.isPropertyAssignment(parent) ||
    (ts.isBinaryExpression(parent) && parent.left === node) ||
    // `for ([a = 1] of rows)`: the pattern's type, not the rows' elements.
    (ts.isForOfStatement(parent) && parent.initializer === node)
  );
}

function arrayPattern(
  pattern: ts.ArrayBindingPattern | ts.ArrayLiteralExpression,
  value: py.Expression,
  valueNode: ts.Node,
  context: TransformationContext,
): py.Statement[] {
  const type = typeOf(context, valueNode);
  const indexable = context.checker.isArrayType(type) || context.checker.isTupleType(type) || (type.flags & ts.TypeFlags.StringLike) !== 0;
  if (!indexable) return iteratorPattern(pattern, value, valueNode, context);
  const statements: py.Statement[] = [];
  const source = asName(value, context, statements);
  const knownLength = tupleLength(valueNode, context) ?? 0;
  // The rest of a string is an array of its characters, as JavaScript's iteration gives.
  const isString = (type.flags & ts.TypeFlags.StringLike) !== 0;
  const rest = (index: number) => {
    const slice = py.subscript(source, { kind: "Slice", lower: py.num(index) } as py.Expression);
    return isString ? py.call(py.name("list"), [slice]) : slice;
  };
  pattern.elements.forEach((element, index) => {
    const read = index < knownLength ? py.subscript(source, py.num(index)) : py.call(context.useHelper("js_item"), [source, py.num(index)]);
    statements.push(...arrayElement(element, read, () => rest(index), context, valueNode));
  });
  return statements;
}

/** One element of an array pattern, given how to read it and how to read the rest from it. */
function arrayElement(
  element: ts.ArrayBindingElement | ts.Expression,
  read: py.Expression,
  rest: () => py.Expression,
  context: TransformationContext,
  valueNode: ts.Node,
): py.Statement[] {
  if (ts.isOmittedExpression(element)) return [];
  if (ts.isBindingElement(element)) {
    if (element.dotDotDotToken) return destructure(element.name, rest(), valueNode, context);
    return withDefault(element.name, element.initializer, read, element, context);
  }
  if (ts.isSpreadElement(element)) return destructure(element.expression, rest(), valueNode, context);
  if (ts.isBinaryExpression(element) && element.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return withDefault(element.left, element.right, read, element, context);
  }
  return destructure(element, read, element, context);
}

/**
 * An array pattern over an iterator (a generator, a Map, a Set): each element takes one step,
 * in order with the other elements' defaults and targets, and only as many steps as the
 * pattern names are taken (an endless generator is fine). A generator left before its end is
 * closed (its `finally` blocks run), as JavaScript calls its return().
 */
function iteratorPattern(
  pattern: ts.ArrayBindingPattern | ts.ArrayLiteralExpression,
  value: py.Expression,
  valueNode: ts.Node,
  context: TransformationContext,
): py.Statement[] {
  const iterator = context.temporary("iterator");
  const steps: py.Statement[] = [];
  for (const element of pattern.elements) {
    const step = py.call(py.name("next"), [iterator, py.none()]);
    if (ts.isOmittedExpression(element)) steps.push(py.expressionStatement(step));
    else steps.push(...arrayElement(element, step, () => py.call(py.name("list"), [iterator]), context, valueNode));
  }
  const start = py.assign(iterator, py.call(py.name("iter"), [value]));
  const generator = isGeneratorType(valueNode, context);
  if (!generator && !mayIterateAGenerator(valueNode, context)) return [start, ...steps];
  const close = py.expressionStatement(
    generator ? py.call(py.attribute(iterator, "js_return")) : py.call(context.useHelper("js_close"), [iterator]),
  );
  return [start, { kind: "Try", body: steps.length > 0 ? steps : [py.pass()], handlers: [], finalbody: [close] } as py.Try];
}

/** Whether a value is a generator object (a JsGenerator, which has js_return). */
function isGeneratorType(node: ts.Node, context: TransformationContext): boolean {
  const type = typeOf(context, node);
  return !type.isUnion() && type.getSymbol()?.getName() === "Generator";
}

function objectPattern(
  pattern: ts.ObjectBindingPattern | ts.ObjectLiteralExpression,
  value: py.Expression,
  valueNode: ts.Node,
  context: TransformationContext,
): py.Statement[] {
  const statements: py.Statement[] = [];
  const source = asName(value, context, statements);
  const type = typeOf(context, valueNode);
  const record = isRecordType(context, type);
  // A value typed any may hold anything (a promise, a JSON object): read it as `p.key` would be
  // read, with js_get, so a property it lacks is undefined as in JavaScript.
  const dynamic = isAnyLike(type);
  // `const { length } = text`, `const { 0: first } = list`: an array's or a string's length and
  // items, read as `text.length` and `list[0]` are.
  const sequence = context.checker.isArrayType(type) || context.checker.isTupleType(type) || (type.flags & ts.TypeFlags.StringLike) !== 0;
  const read = (key: string | py.Name) =>
    sequence && key === "length"
      ? py.call(py.name("len"), [source])
      : sequence && typeof key === "string" && /^(0|[1-9]\d*)$/.test(key)
        ? py.call(context.useHelper("js_item"), [source, py.num(Number(key))])
        : readKey(key);
  const readKey = (key: string | py.Name) =>
    typeof key !== "string"
      ? // A computed key, known when it runs: read as a value typed any would be.
        record
        ? py.call(py.attribute(source, "get"), [key])
        : py.call(context.useHelper("js_get"), [source, key])
      : record
        ? py.call(py.attribute(source, "get"), [py.str(key)])
        : dynamic
          ? py.call(context.useHelper("js_get"), [source, py.str(key)])
          : isIdentifierName(key)
            ? py.attribute(source, pythonSafeAttribute(key))
            : // `const { 1: one, "my-key": k } = o`: a property Python cannot spell, read as `o[1]` is.
              py.call(py.name("getattr"), [source, py.str(key)]);
  // Keys run in order, each before its property is read: a computed one into a temporary.
  const keyOf = (node: ts.Node): string | py.Name | undefined => {
    const text = propertyKeyText(node);
    if (text !== undefined || !ts.isComputedPropertyName(node)) return text;
    const { result, preceding } = context.collectPreceding(() => context.transformExpression(node.expression));
    const isString = (typeOf(context, node.expression).flags & ts.TypeFlags.StringLike) !== 0;
    const temporary = context.temporary("key");
    statements.push(...preceding, py.assign(temporary, isString ? result : py.call(context.useHelper("js_str"), [result])));
    return temporary;
  };
  const taken: (string | py.Name)[] = [];
  const elements = ts.isObjectBindingPattern(pattern) ? pattern.elements : pattern.properties;
  // With a computed key, an element's default or target that needs statements first would run
  // them ahead of the keys (they go before the whole statement): only plain ones are accepted.
  const computed = elements.some((element) => {
    const name = ts.isBindingElement(element) ? element.propertyName : element.name;
    return name !== undefined && ts.isComputedPropertyName(name);
  });
  const inOrder = (element: ts.Node, build: () => py.Statement[]) => {
    if (!computed) return statements.push(...build());
    const { result, preceding } = context.collectPreceding(build);
    if (preceding.length > 0) context.report(diagnostics.unorderedComputedPattern(element));
    else statements.push(...result);
  };
  for (const element of elements) {
    if (ts.isBindingElement(element)) {
      if (element.dotDotDotToken) {
        statements.push(...destructure(element.name, restOf(source, taken, record, context), element, context));
        continue;
      }
      const keyNode = element.propertyName ?? element.name;
      const key = keyOf(keyNode);
      if (key === undefined) {
        context.report(diagnostics.unsupportedSyntax(element));
        continue;
      }
      taken.push(key);
      inOrder(element, () => withDefault(element.name, element.initializer, read(key), element, context, computed ? element : undefined));
    } else if (ts.isShorthandPropertyAssignment(element)) {
      taken.push(element.name.text);
      inOrder(element, () =>
        withDefault(
          element.name,
          element.objectAssignmentInitializer,
          read(element.name.text),
          element,
          context,
          computed ? element : undefined,
        ),
      );
    } else if (ts.isPropertyAssignment(element)) {
      const key = keyOf(element.name);
      if (key === undefined) {
        context.report(diagnostics.unsupportedSyntax(element));
        continue;
      }
      taken.push(key);
      const target = element.initializer;
      if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        inOrder(element, () => withDefault(target.left, target.right, read(key), element, context, computed ? element : undefined));
      } else {
        inOrder(element, () => destructure(target, read(key), element, context));
      }
    } else if (ts.isSpreadAssignment(element)) {
      statements.push(...destructure(element.expression, restOf(source, taken, record, context), element, context));
    } else {
      context.report(diagnostics.unsupportedSyntax(element));
    }
  }
  return statements;
}

function propertyKeyText(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNumericLiteral(node)) return node.text;
  return undefined;
}

/** `...rest` of an object pattern: the other own properties, in order. */
function restOf(source: py.Expression, taken: (string | py.Name)[], record: boolean, context: TransformationContext): py.Expression {
  const keys = py.list(taken.map((key) => (typeof key === "string" ? py.str(key) : key)));
  return py.call(context.useHelper("obj_rest"), [source, keys, ...(record ? [py.bool(true)] : [])]);
}

/** Whether a for…of head can unpack natively: `[k, v]` of identifiers over pairs of known length. */
export function nativeUnpacking(
  pattern: ts.BindingName,
  iterable: ts.Expression,
  context: TransformationContext,
): py.Expression | undefined {
  if (!ts.isArrayBindingPattern(pattern)) return undefined;
  const names = pattern.elements.map((element) =>
    ts.isBindingElement(element) && ts.isIdentifier(element.name) && !element.initializer && !element.dotDotDotToken
      ? element.name
      : undefined,
  );
  if (names.some((name) => name === undefined)) return undefined;
  const iterableType = typeOf(context, iterable);
  // A Map iterates as [key, value] pairs (JsMap yields two-element lists).
  if (iterableType.getSymbol()?.getName() === "Map" && names.length === 2)
    return py.tuple(names.map((name) => py.name(context.pythonName(name!))));
  const elementType = context.checker.getIndexTypeOfType(iterableType, ts.IndexKind.Number) ?? iteratedType(iterableType, context);
  if (!elementType || !context.checker.isTupleType(elementType)) return undefined;
  const target = (elementType as ts.TypeReference).target as ts.TupleType;
  if (target.minLength !== names.length || target.fixedLength !== names.length || target.hasRestElement) return undefined;
  return py.tuple(names.map((name) => py.name(context.pythonName(name!))));
}

/** The element type of an iterator (`entries()` of an array or a Map). */
function iteratedType(type: ts.Type, context: TransformationContext): ts.Type | undefined {
  const symbol = type.getSymbol()?.getName();
  if (
    symbol === "MapIterator" ||
    symbol === "IterableIterator" ||
    symbol === "ArrayIterator" ||
    symbol === "SetIterator" ||
    symbol === "IteratorObject"
  ) {
    return context.checker.getTypeArguments(type as ts.TypeReference)[0];
  }
  return undefined;
}
