import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isAnyLike, isArrayType, isNumberType, isRecordType, typeOf } from "../types.js";
import { isIndexInRange } from "../element-bounds.js";
import { isIntegerValued } from "../integers.js";
import { isNonNegative } from "../operators/numeric.js";
import { isTypedArrayName } from "../typed-array-names.js";
import { isTransparentWrapper, skipParentheses } from "./transparent.js";

/**
 * The Python target for an assignment's left side (a name, attribute or subscript). An array
 * element's index that may be negative or fractional goes through `arr_index`, which throws
 * where JavaScript would make a property a list cannot hold (Python would count a negative
 * index from the end); `checkIndex: false` leaves that to a caller that stores with `arr_set`.
 */
export function transformAssignmentTarget(
  node: ts.Expression,
  context: TransformationContext,
  checkIndex = true,
  byKey = false,
): py.Expression {
  if (isTransparentWrapper(node)) return transformAssignmentTarget(skipParentheses(node), context, checkIndex, byKey);
  // A Python list's length is no attribute: `ArrayLength(a)[0]` reads and sets it as a subscript.
  if (ts.isPropertyAccessExpression(node) && node.name.text === "length" && isArrayType(context, typeOf(context, node.expression))) {
    return py.subscript(py.call(context.useHelper("ArrayLength"), [context.transformExpression(node.expression)]), py.num(0));
  }
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) {
    context.report(diagnostics.unsupportedAssignmentTarget(node));
    return py.name("_");
  }
  const reported = context.diagnostics.length;
  const target = context.transformExpression(node);
  // `c[1] = v` on a class instance: a property named by a number or a computed key has no
  // Python target; a plain store (byKey) writes it with setattr (see attributeByKey).
  if (byKey && attributeByKey(target)) return target;
  if (target.kind !== "Name" && target.kind !== "Attribute" && target.kind !== "Subscript") {
    // A target already reported (`super.x`, `this.#x`) needs no second diagnostic.
    if (context.diagnostics.length === reported) context.report(diagnostics.unsupportedAssignmentTarget(node));
    return py.name("_");
  }
  if (checkIndex && target.kind === "Subscript" && ts.isElementAccessExpression(node) && mayNameProperty(node, context)) {
    return py.subscript(target.value, py.call(context.useHelper("arr_index"), [target.index]));
  }
  return target;
}

/** `getattr(o, key)`: how a class instance's property named by a number or a computed key is read. */
export function attributeByKey(target: py.Expression): target is py.Call {
  return target.kind === "Call" && target.func.kind === "Name" && target.func.id === "getattr" && target.args.length >= 2;
}

/** `target = value`: through setattr for a property read by getattr (attributeByKey). */
export function storeTo(target: py.Expression, value: py.Expression): py.Statement {
  if (!attributeByKey(target)) return py.assign(target, value);
  return py.expressionStatement(py.call(py.name("setattr"), [target.args[0]!, target.args[1]!, value]));
}

/** `target op= value`; a property read by getattr is read and stored again (its parts are plain names or constants). */
export function updateOf(target: py.Expression, operator: py.BinaryOperator, value: py.Expression): py.Statement {
  if (!attributeByKey(target)) return py.augAssign(target, operator, value);
  return storeTo(target, py.binOp(target, operator, value));
}

/**
 * A record's element as the target of an update (`t[k] += 1`, `t[k]++`): a missing key reads
 * as undefined in JavaScript (NaN after `+ 1`, `"undefinedx"` after `+ "x"`), where Python's
 * `t[k] += 1` raises KeyError. The caller reads it with `elementOrDefault` and stores with `=`.
 */
export function recordElement(node: ts.Expression, target: py.Expression, context: TransformationContext): py.Subscript | undefined {
  node = skipParentheses(node);
  if (target.kind !== "Subscript" || !(ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node))) return undefined;
  return isRecordType(context, typeOf(context, node.expression)) ? target : undefined;
}

/** An element (or a property) of a value typed any, stored as a subscript (`o[any_key(o, k)]`). */
export function dynamicElement(node: ts.Expression, target: py.Expression, context: TransformationContext): py.Subscript | undefined {
  node = skipParentheses(node);
  if (target.kind !== "Subscript" || !(ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node))) return undefined;
  return isAnyLike(typeOf(context, node.expression)) ? target : undefined;
}

/** `t.get(k, fallback)`: a record's element, or what an update makes of undefined. */
export function elementOrDefault(element: py.Subscript, fallback?: py.Expression): py.Expression {
  return py.call(py.attribute(element.value, "get"), fallback ? [element.index, fallback] : [element.index]);
}

/** An array or typed array element whose index is not provably a whole number ≥ 0. */
function mayNameProperty(node: ts.ElementAccessExpression, context: TransformationContext): boolean {
  const type = typeOf(context, node.expression);
  if (!isArrayType(context, type) && !isTypedArrayName(type.getSymbol()?.getName())) return false;
  if (isIndexInRange(node, context)) return false;
  return !isIntegerValued(node.argumentExpression, context) || !isNonNegative(node.argumentExpression, context);
}

/**
 * `a[i] = v`. An array element past the end grows the array, as in JavaScript (`arr_set`, which
 * also refuses a negative or fractional index, a property a list cannot hold), unless the index
 * is provably in range. A whole number ≥ 0 stored as a name or constant into a named array tries
 * Python's store first: the common case costs nothing more, and only an IndexError (past the
 * end) calls arr_set. Typed arrays and other receivers store natively.
 */
export function elementStore(
  node: ts.ElementAccessExpression,
  stored: py.Subscript,
  value: py.Expression,
  context: TransformationContext,
): py.Statement {
  const plain = py.assign(stored, value);
  if (!isArrayType(context, typeOf(context, node.expression)) || isIndexInRange(node, context)) return plain;
  const grow = py.expressionStatement(py.call(context.useHelper("arr_set"), [stored.value, stored.index, value]));
  const index = node.argumentExpression;
  const isPlain = (part: py.Expression) => part.kind === "Name" || part.kind === "Constant";
  if (
    stored.value.kind === "Name" &&
    isPlain(stored.index) &&
    isPlain(value) &&
    isIntegerValued(index, context) &&
    isNonNegative(index, context)
  ) {
    return { kind: "Try", body: [plain], handlers: [{ type: py.name("IndexError"), body: [grow] }], finalbody: [] } as py.Try;
  }
  return grow;
}

const plainPrefixes = new Set([ts.SyntaxKind.MinusToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.TildeToken]);

function isAssignmentKind(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/**
 * `a[i] += x` / `a[i]++` as a statement on a number array, `i` maybe past the end: JavaScript
 * reads undefined there, stores NaN and grows the array; Python's read raises IndexError. The
 * update is tried as it is (a try block costs ~5 ns a step on native MicroPython) and only an
 * IndexError stores NaN through arr_set (for a bitwise update, what the operator makes of
 * undefined: `grown`). Only where the receiver is a name and the index and the operand are names,
 * constants or arithmetic on them (nothing else the try could catch an IndexError from); a negative or
 * fractional index, a property a list cannot hold, raises arr_index's IndexError again in arr_set.
 */
export function grownOnIndexError(
  node: ts.Expression,
  operand: ts.Expression | undefined,
  update: py.Statement[],
  context: TransformationContext,
  grown?: () => py.Expression,
): py.Statement[] {
  const element = skipParentheses(node);
  if (!ts.isElementAccessExpression(element)) return update;
  const type = typeOf(context, element.expression);
  if (!isArrayType(context, type) || isIndexInRange(element, context)) return update;
  if (!isNumberType(typeOf(context, element)) || (operand !== undefined && !isNumberType(typeOf(context, operand)))) return update;
  // Names, number literals and arithmetic on them (`a[k + 1] |= 1 << k`): nothing else in the try
  // can raise the IndexError, and reading them again in the handler has no effect.
  const isPlain = (part: ts.Expression): boolean => {
    const bare = skipParentheses(part);
    if (ts.isIdentifier(bare) || ts.isNumericLiteral(bare)) return true;
    if (ts.isBinaryExpression(bare) && !isAssignmentKind(bare.operatorToken.kind) && bare.operatorToken.kind !== ts.SyntaxKind.CommaToken) {
      return isPlain(bare.left) && isPlain(bare.right);
    }
    return ts.isPrefixUnaryExpression(bare) && plainPrefixes.has(bare.operator) && isPlain(bare.operand);
  };
  if (
    !ts.isIdentifier(skipParentheses(element.expression)) ||
    !isPlain(element.argumentExpression) ||
    (operand !== undefined && !isPlain(operand))
  ) {
    return probedPastEnd(node, update, context, grown === undefined ? undefined : py.num(0));
  }
  const receiver = context.transformExpression(element.expression);
  const index = context.transformExpression(element.argumentExpression);
  const grow = py.expressionStatement(
    py.call(context.useHelper("arr_set"), [receiver, index, grown ? grown() : context.useHelper("js_nan")]),
  );
  return [{ kind: "Try", body: update, handlers: [{ type: py.name("IndexError"), body: [grow] }], finalbody: [] } as py.Try];
}

/**
 * The update of an element of a number array whose receiver, index or operand runs code
 * (`a[f()] += 1`, `o.list[i] *= 2`, `a[i] += xs[j]`), or whose value is used (`const v =
 * a[i]++`): the receiver and index are named once already (evaluatedOnce), so before the element
 * is read, a probe reads it and, past the end or at a gap, stores what undefined is to the
 * operator (NaN, or 0 for a bitwise one): the update then runs in range as JavaScript's does.
 * Returns the statements unchanged when the element is sure to be there or is no such element.
 */
export function probedPastEnd(
  node: ts.Expression,
  statements: py.Statement[],
  context: TransformationContext,
  undefinedValue?: py.Expression,
): py.Statement[] {
  const element = skipParentheses(node);
  if (!ts.isElementAccessExpression(element)) return statements;
  if (!isArrayType(context, typeOf(context, element.expression)) || isIndexInRange(element, context)) return statements;
  if (!isNumberType(typeOf(context, element))) return statements;
  const store = [...statements].reverse().find(storesSubscript);
  const target = store && (store.kind === "Assign" ? store.targets[0] : store.kind === "AugAssign" ? store.target : undefined);
  if (target?.kind !== "Subscript" || target.value.kind !== "Name" || !["Name", "Constant"].includes(target.index.kind)) return statements;
  // After the statements naming the receiver and the index, before the element is read.
  const names = [target.value, target.index].flatMap((part) => (part.kind === "Name" ? [part.id] : []));
  let position = 0;
  statements.forEach((statement, at) => {
    if (statement.kind === "Assign" && statement.targets.some((each) => each.kind === "Name" && names.includes(each.id))) position = at + 1;
  });
  const missing = undefinedValue ?? context.useHelper("js_nan");
  const grow = py.expressionStatement(py.call(context.useHelper("arr_set"), [target.value, target.index, missing]));
  // A gap an earlier write past the end left (tsmp has no holes) holds undefined too.
  const current = py.subscript(target.value, target.index);
  const probe = {
    kind: "Try",
    body: [py.ifStatement(py.compare(current, "is", py.none()), [py.assign(current, missing)])],
    handlers: [{ type: py.name("IndexError"), body: [grow] }],
    finalbody: [],
  } as py.Try;
  return [...statements.slice(0, position), probe, ...statements.slice(position)];
}

function storesSubscript(statement: py.Statement): statement is py.Assign | py.AugAssign {
  if (statement.kind === "Assign") return statement.targets.length === 1 && statement.targets[0]!.kind === "Subscript";
  return statement.kind === "AugAssign" && statement.target.kind === "Subscript";
}
