import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import { asConcatenated, asCondition, negate } from "../conversions.js";
import { asNumber } from "../operators/to-number.js";
import { elementAsNumber } from "../element-bounds.js";
import * as diagnostics from "../diagnostics.js";
import { currentValueOf } from "../builtins/arguments.js";
import { bitwise, bitwiseAssignments } from "../operators/bitwise.js";
import { isNativeRemainder, remainder } from "../operators/numeric.js";
import * as py from "../python-ast.js";
import { nullishTestOnce } from "../nullish.js";
import { asStoredElement, needsIntegerConversion, triedElementStore } from "../builtins/typed-arrays.js";
import { destructure } from "./destructuring.js";
import {
  attributeByKey,
  dynamicElement,
  elementOrDefault,
  elementStore,
  recordElement,
  storeTo,
  grownOnIndexError,
  probedPastEnd,
  transformAssignmentTarget,
  updateOf,
} from "./assignment-target.js";
import { power } from "../builtins/math.js";
import { exactArithmetic } from "../operators/exact-integers.js";
import { isWithinExactRange, magnitudeOf } from "../magnitudes.js";
import { isAnyLike, isArrayType, isErrorType, isNumberType, isRecordType, isStringType, typeOf } from "../types.js";
import { isAssignedWithin } from "../scope.js";
import { skipParentheses } from "./transparent.js";

const compoundOperators: Partial<Record<ts.SyntaxKind, py.BinaryOperator>> = {
  [ts.SyntaxKind.PlusEqualsToken]: "+",
  [ts.SyntaxKind.MinusEqualsToken]: "-",
  [ts.SyntaxKind.AsteriskEqualsToken]: "*",
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: "**",
  [ts.SyntaxKind.SlashEqualsToken]: "/",
  [ts.SyntaxKind.PercentEqualsToken]: "%",
  [ts.SyntaxKind.AmpersandEqualsToken]: "&",
  [ts.SyntaxKind.BarEqualsToken]: "|",
  [ts.SyntaxKind.CaretEqualsToken]: "^",
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ">>",
};

const logicalAssignments = new Set([
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsToken ||
    kind in compoundOperators ||
    logicalAssignments.has(kind) ||
    kind === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken
  );
}

/** An assignment used as a statement: `x = 1`, `x += s`, `x ||= y`. */
export function transformAssignmentStatement(node: ts.BinaryExpression, context: TransformationContext): py.Statement[] {
  const tried = triedElementStore(node, (left) => transformAssignmentTarget(left, context), context);
  if (tried) return tried;
  const statements = assignment(node, context).statements;
  // `a[i] += x` past the end of a number array stores NaN and grows it.
  const op = compoundOperators[node.operatorToken.kind];
  if (op && "+-*/%**".includes(op)) return grownOnIndexError(node.left, node.right, statements, context);
  // `a[i] |= x` past the end: undefined is 0 to a bitwise operator, so `|` and `^` store
  // ToInt32(x), the others 0.
  const bitwise = node.operatorToken.kind === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken ? ">>>" : op;
  if (bitwise && ["&", "|", "^", "<<", ">>", ">>>"].includes(bitwise)) {
    const grown = () => (bitwise === "|" || bitwise === "^" ? bitwiseOperandAsInt32(node.right, context) : py.num(0));
    return grownOnIndexError(node.left, node.right, statements, context, grown);
  }
  return statements;
}

/** ToInt32 of a plain number operand (a literal folded here). */
function bitwiseOperandAsInt32(operand: ts.Expression, context: TransformationContext): py.Expression {
  const bare = skipParentheses(operand);
  if (ts.isNumericLiteral(bare)) return py.num(String(Number(bare.text) | 0));
  return py.call(context.useHelper("to_int32"), [context.transformExpression(operand)]);
}

/** The statements of an assignment, and the target to read its value from when it is not `node.left` again. */
function assignment(node: ts.BinaryExpression, context: TransformationContext): { statements: py.Statement[]; result?: py.Expression } {
  const statements = assignmentStatements(node, context);
  return Array.isArray(statements) ? { statements } : statements;
}

function assignmentStatements(
  node: ts.BinaryExpression,
  context: TransformationContext,
): py.Statement[] | { statements: py.Statement[]; result?: py.Expression } {
  const operator = node.operatorToken.kind;
  const left = skipParentheses(node.left);
  if (operator === ts.SyntaxKind.EqualsToken && (ts.isArrayLiteralExpression(left) || ts.isObjectLiteralExpression(left))) {
    return destructure(left, context.transformExpression(node.right), node.right, context);
  }
  if (operator === ts.SyntaxKind.EqualsToken && !isChained(node)) return simpleAssignment(node, context);
  // A class instance's property named by a key (`c[1] += 1`) is read with getattr and stored with setattr.
  const target = transformAssignmentTarget(left, context, true, true);
  if (operator === ts.SyntaxKind.EqualsToken) {
    // `a = b = 1` chains the same way in Python.
    const targets = [target];
    let value = node.right;
    while (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      targets.push(transformAssignmentTarget(skipParentheses(value.left), context, true, true));
      value = value.right;
    }
    const stored = asStoredElement(left, value, context.transformExpression(value), context);
    if (!targets.some(attributeByKey)) return [{ kind: "Assign", targets, value: stored }];
    // `a = c[1] = v`: setattr is no target, so the value is named once and stored into each.
    const shared = context.temporary("value");
    return [py.assign(shared, stored), ...targets.map((each) => storeTo(each, shared))];
  }
  if (logicalAssignments.has(operator)) {
    // `get().p ||= v` calls get() once: the target's parts go to temporaries when they run code.
    const { statements, readAndWrite, read } = evaluatedOnce(left, target, context);
    const receiverType = ts.isElementAccessExpression(left) ? typeOf(context, left.expression) : undefined;
    // An array element past the end (`a[i] ??= v` on a short array) reads as undefined and is
    // written by growing the array, as in JavaScript.
    const element = readAndWrite.kind === "Subscript" && receiverType && isArrayType(context, receiverType) ? readAndWrite : undefined;
    // A record's missing key reads as undefined (`get`), not as a KeyError.
    const current =
      read?.kind === "Subscript" && receiverType && isRecordType(context, receiverType)
        ? py.call(py.attribute(read.value, "get"), [read.index])
        : element
          ? py.call(context.useHelper("js_item"), [element.value, element.index])
          : (errorProperty(left, readAndWrite, context) ?? read ?? currentValueOf(left, context));
    // Statements the value needs run only when the assignment happens.
    const { result: value, preceding } = context.collectPreceding(() => context.transformExpression(node.right));
    let test: py.Expression;
    if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken) test = nullishTestOnce(context, left, current);
    else if (operator === ts.SyntaxKind.BarBarEqualsToken) test = negate(asCondition(context, left, current));
    else test = asCondition(context, left, current);
    const write = element
      ? py.expressionStatement(py.call(context.useHelper("arr_set"), [element.value, element.index, value]))
      : storeTo(readAndWrite, value);
    return { statements: [...statements, py.ifStatement(test, [...preceding, write])], result: element ? current : read };
  }
  const bitwiseKind = bitwiseAssignments.get(operator);
  const op = compoundOperators[operator];
  if (bitwiseKind === undefined && !op) {
    context.report(diagnostics.unsupportedOperator(node.operatorToken, node.operatorToken.getText()));
    return [];
  }
  // `o[f()] += 1` evaluates `o` and `f()` once: Python's `+=` does too, but a helper call
  // (`t = js_add(t, v)`) names the target twice, so its parts go to temporaries first.
  const { statements, readAndWrite, read } = evaluatedOnce(left, target, context, node.right);
  const leftType = context.classifiedTypeOf(left);
  // A record's missing key is undefined: read with `get`, defaulting to what the operation
  // makes of undefined (0 for bitwise operators, its text for `+` of a string, NaN otherwise).
  const element = recordElement(left, readAndWrite, context);
  const missing = () => {
    if (bitwiseKind !== undefined) return py.num(0);
    if (op === "+" && isStringType(leftType) && isStringType(context.classifiedTypeOf(node.right))) return py.str("undefined");
    if (op === "+" && !isNumberType(leftType)) return undefined;
    return context.useHelper("js_nan");
  };
  // An element of a value typed any is read as js_get reads it (a dict's missing key, a number key's text).
  const dynamic = element ? undefined : dynamicElement(left, readAndWrite, context);
  // `e.message += "!"`: an Error's message or name is read as the property reads it (Python's
  // exception argument until one is assigned).
  const errorField = element || dynamic ? undefined : errorProperty(left, readAndWrite, context);
  const reread = () => {
    if (errorField) return errorField;
    if (element) return elementOrDefault(element, missing());
    if (dynamic) return py.call(context.useHelper("js_get"), [dynamic.value, dynamic.index]);
    return read ?? context.transformExpression(left);
  };
  const { result: transformed, preceding } = context.collectPreceding(() => context.transformExpression(node.right));
  // `t += xs[j]` of a number: an element past the end adds NaN, as undefined does.
  const right = isNumberType(leftType) ? elementAsNumber(node.right, transformed, context) : transformed;
  const result = read;
  // JavaScript reads the target before it evaluates the value: when the value needs statements
  // first (`o.n += o.n++ * 2`), the target's parts and its current value go to temporaries
  // ahead of them, and the operation uses that value, not the target read again.
  const before = preceding.length > 0 ? context.temporary("current") : undefined;
  if (before) statements.push(py.assign(before, reread()), ...preceding);
  const current = () => before ?? reread();
  const assign = (value: py.Expression) => ({ statements: [...statements, storeTo(readAndWrite, value)], result });
  const update = (operator: py.BinaryOperator, value: py.Expression) =>
    before || element || dynamic || errorField
      ? assign(py.binOp(current(), operator, value))
      : { statements: [...statements, updateOf(readAndWrite, operator, value)], result };
  if (bitwiseKind !== undefined) return assign(bitwise(bitwiseKind, left, node.right, current(), right, context));
  // A record's missing string plus a number is NaN (undefined + 5), as js_add gives.
  const missingPlusNumber = element !== undefined && !isStringType(context.classifiedTypeOf(node.right));
  if (op === "+" && isStringType(leftType) && !missingPlusNumber) return update("+", asConcatenated(context, node.right, right));
  if (op === "+" && !isNumberType(leftType)) return assign(py.call(context.useHelper("js_add"), [current(), right]));
  // An integer typed array's element: `a[i] += 0.5` gives a float, which MicroPython will not
  // store, so anything not provably integral is stored through to_int32 as `=` stores it.
  const stored = (value: py.Expression) => assign(asStoredElement(left, node, value, context));
  // A variable whose every value is bounded within 2^53 needs no rounding of its own writes.
  const exact = (kind: ts.SyntaxKind, value: py.Expression) =>
    isWithinExactRange(magnitudeOf(left, context)) ? value : exactArithmetic(kind, left, node.right, value, context);
  // `q -= 1` with q typed any: both sides converted as JavaScript's ToNumber does (binary.ts).
  if (isAnyLike(leftType) || isAnyLike(context.classifiedTypeOf(node.right))) {
    const [value, operand] = [asNumber(left, current(), context), asNumber(node.right, right, context)];
    if (op === "**") return stored(exact(ts.SyntaxKind.AsteriskAsteriskToken, power(node.right, value, operand, context)));
    if (op === "/") return stored(py.call(context.useHelper("js_div"), [value, operand]));
    if (op === "%") return stored(remainder(left, node.right, value, operand, context));
    return stored(exact(arithmeticKinds[op!]!, py.binOp(value, op!, operand)));
  }
  if (op === "**") return stored(exact(ts.SyntaxKind.AsteriskAsteriskToken, power(node.right, current(), right, context)));
  if (op === "/") return stored(py.call(context.useHelper("js_div"), [current(), right]));
  const fractional = needsIntegerConversion(left, node.right, context);
  if (op === "%" && isNativeRemainder(left, node.right, context) && !fractional) return update("%", right);
  if (op === "%") return stored(remainder(left, node.right, current(), right, context));
  const arithmetic = arithmeticKinds[op!];
  if (arithmetic !== undefined) {
    const value = exact(arithmetic, py.binOp(current(), op!, right));
    if (value.kind !== "BinOp") return stored(value);
  }
  if (fractional) return stored(py.binOp(current(), op!, right));
  return update(op!, right);
}

/** `error_message(e)` / `error_name(e)` for `e.message` / `e.name` of a value typed as an Error. */
function errorProperty(left: ts.Expression, target: py.Expression, context: TransformationContext): py.Expression | undefined {
  left = skipParentheses(left);
  if (target.kind !== "Attribute" || !ts.isPropertyAccessExpression(left)) return undefined;
  const name = left.name.text;
  if ((name !== "message" && name !== "name") || !isErrorType(typeOf(context, left.expression))) return undefined;
  return py.call(context.useHelper(name === "message" ? "error_message" : "error_name"), [target.value]);
}

const arithmeticKinds: Partial<Record<py.BinaryOperator, ts.SyntaxKind>> = {
  "+": ts.SyntaxKind.PlusToken,
  "-": ts.SyntaxKind.MinusToken,
  "*": ts.SyntaxKind.AsteriskToken,
  "**": ts.SyntaxKind.AsteriskAsteriskToken,
};

function isChained(node: ts.BinaryExpression): boolean {
  return ts.isBinaryExpression(node.right) && node.right.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/**
 * `o[k] = v` and `o.p = v`. JavaScript evaluates `o` and `k` before `v`; Python's `o[k] = v`
 * evaluates `v` first. That shows only when the target's parts run code (`get().p = f()`,
 * `get().p = n`), or the value assigns a name the target reads (`a[i] = i++`): then those
 * parts are evaluated into temporaries first. Otherwise the plain
 * statement is kept. The result (for an assignment used as a value) is the value itself.
 */
function simpleAssignment(
  node: ts.BinaryExpression,
  context: TransformationContext,
  usedAsValue = false,
): { statements: py.Statement[]; result: py.Expression } {
  const left = skipParentheses(node.left);
  const { result: target, preceding: targetPreceding } = context.collectPreceding(() =>
    transformAssignmentTarget(left, context, false, true),
  );
  const { result: rawValue, preceding: valuePreceding } = context.collectPreceding(() => context.transformExpression(node.right));
  const value = asStoredElement(left, node.right, rawValue, context);
  const statements = [...targetPreceding];
  // A value that reads a variable can see what a call in the target changed (`get().x = n`).
  const valueMayChange = value.kind !== "Constant" && value.kind !== "Lambda" && !(value.kind === "Name" && context.isTemporary(value.id));
  const stable = (part: py.Expression, source: ts.Expression | undefined): py.Expression => {
    const assignedByValue =
      part.kind === "Name" && source !== undefined && ts.isIdentifier(source) && isWrittenBy(source, node.right, context);
    if (!assignedByValue && !(valueMayChange && mayRunCode(part))) return part;
    const temporary = context.temporary("target");
    statements.push(py.assign(temporary, part));
    return temporary;
  };
  let stored = target;
  if (target.kind === "Subscript" && ts.isElementAccessExpression(left)) {
    stored = py.subscript(stable(target.value, left.expression), stable(target.index, left.argumentExpression));
  } else if (target.kind === "Attribute" && ts.isPropertyAccessExpression(left)) {
    stored = py.attribute(stable(target.value, left.expression), target.attr);
  } else if (attributeByKey(target) && ts.isElementAccessExpression(left)) {
    stored = py.call(target.func, [stable(target.args[0]!, left.expression), stable(target.args[1]!, left.argumentExpression)]);
  }
  statements.push(...valuePreceding);
  // `a[a.length] = v` grows the array in JavaScript; a list index past the end raises.
  const store = (stored: py.Expression, value: py.Expression): py.Statement => {
    if (attributeByKey(stored)) return py.expressionStatement(py.call(py.name("setattr"), [...stored.args, value]));
    if (stored.kind !== "Subscript" || !ts.isElementAccessExpression(left)) return py.assign(stored, value);
    if (isAppend(left, context)) return py.expressionStatement(py.call(py.attribute(stored.value, "append"), [value]));
    return elementStore(left, stored, value, context);
  };
  if (usedAsValue && value.kind !== "Constant" && value.kind !== "Name") {
    const temporary = context.temporary("value");
    return { statements: [...statements, py.assign(temporary, value), store(stored, temporary)], result: temporary };
  }
  return { statements: [...statements, store(stored, value)], result: value };
}

/** `a[a.length]` on an array, `a` a name or a chain of property reads (read twice alike). */
function isAppend(target: ts.Expression, context: TransformationContext): boolean {
  if (!ts.isElementAccessExpression(target)) return false;
  const index = skipParentheses(target.argumentExpression);
  if (!ts.isPropertyAccessExpression(index) || index.name.text !== "length") return false;
  const plain = (node: ts.Expression): boolean =>
    ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword || (ts.isPropertyAccessExpression(node) && plain(node.expression));
  const receiver = skipParentheses(target.expression);
  return (
    plain(receiver) && receiver.getText() === skipParentheses(index.expression).getText() && isArrayType(context, typeOf(context, receiver))
  );
}

function isWrittenBy(identifier: ts.Identifier, root: ts.Expression, context: TransformationContext): boolean {
  const symbol = context.symbolOf(identifier);
  return symbol !== undefined && isAssignedWithin(symbol, root, context);
}

/** Whether evaluating this Python expression can run code of the program's (a call, an await). */
function mayRunCode(expression: py.Expression): boolean {
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (value === null || typeof value !== "object") return false;
    const kind = (value as { kind?: unknown }).kind;
    if (kind === "Call" || kind === "Await" || kind === "Yield" || kind === "NamedExpr") return true;
    if (kind === "Lambda") return false;
    return Object.values(value).some(visit);
  };
  return visit(expression);
}

/** Whether evaluating this Python expression twice could differ from evaluating it once. */
function isPlainPart(expression: py.Expression): boolean {
  return expression.kind === "Name" || expression.kind === "Constant";
}

/**
 * The target of a compound assignment with its receiver and index evaluated once: when they
 * are not plain names or constants, they are assigned to temporaries and the target is read
 * and written through them (`read` is then the target itself).
 */
export function evaluatedOnce(
  left: ts.Expression,
  target: py.Expression,
  context: TransformationContext,
  value?: ts.Expression,
): { statements: py.Statement[]; readAndWrite: py.Expression; read?: py.Expression } {
  const statements: py.Statement[] = [];
  // A name the value assigns (`a[i] += i++`) is not the same when the target is read again.
  const assignedByValue = (source: ts.Expression) => value !== undefined && ts.isIdentifier(source) && isWrittenBy(source, value, context);
  const isRepeatable = (expression: py.Expression, source?: ts.Expression) =>
    isPlainPart(expression) && !(source !== undefined && assignedByValue(source));
  const stable = (expression: py.Expression, source?: ts.Expression): py.Expression => {
    if (isRepeatable(expression, source)) return expression;
    const temporary = context.temporary("target");
    statements.push(py.assign(temporary, expression));
    return temporary;
  };
  const receiver = ts.isElementAccessExpression(left) || ts.isPropertyAccessExpression(left) ? left.expression : undefined;
  const key = ts.isElementAccessExpression(left) ? left.argumentExpression : undefined;
  if (target.kind === "Subscript" && !(isRepeatable(target.value, receiver) && isRepeatable(target.index, key))) {
    const readAndWrite = py.subscript(stable(target.value, receiver), stable(target.index, key));
    return { statements, readAndWrite, read: readAndWrite };
  }
  if (target.kind === "Attribute" && !isRepeatable(target.value, receiver) && ts.isPropertyAccessExpression(left)) {
    const readAndWrite = py.attribute(stable(target.value, receiver), target.attr);
    return { statements, readAndWrite, read: readAndWrite };
  }
  // getattr(o, k): read, then stored with setattr, so both parts are named once.
  if (attributeByKey(target)) {
    const [object, name, ...rest] = target.args as [py.Expression, py.Expression, ...py.Expression[]];
    const readAndWrite = py.call(target.func, [stable(object, receiver), stable(name, key), ...rest]);
    return { statements, readAndWrite, read: readAndWrite };
  }
  return { statements, readAndWrite: target };
}

/** An assignment whose value is used: the assignment runs first, then the target is read. */
export function transformAssignmentExpression(node: ts.BinaryExpression, context: TransformationContext): py.Expression {
  // `a = v` as a value, for a plain variable, is `(a := v)`: evaluated where it stands.
  if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
    const target = transformAssignmentTarget(node.left, context);
    if (target.kind === "Name") return py.namedExpr(target, context.transformExpression(node.right));
  }
  // A destructuring assignment's value is its right side, evaluated once.
  if (
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    (ts.isArrayLiteralExpression(node.left) || ts.isObjectLiteralExpression(node.left))
  ) {
    const value = context.temporary("value");
    context.addPrecedingStatements(
      py.assign(value, context.transformExpression(node.right)),
      ...destructure(node.left, value, node.right, context),
    );
    return value;
  }
  if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && !isChained(node)) {
    const { statements, result } = simpleAssignment(node, context, true);
    context.addPrecedingStatements(...statements);
    return result;
  }
  const { statements, result } = assignment(node, context);
  // `(a[i] += x)` past a number array's end: grown with what undefined is to the operator first.
  const op =
    node.operatorToken.kind === ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken
      ? ">>>"
      : compoundOperators[node.operatorToken.kind];
  const probed =
    op && "+-*/%**".includes(op)
      ? probedPastEnd(node.left, statements, context)
      : op && ["&", "|", "^", "<<", ">>", ">>>"].includes(op)
        ? probedPastEnd(node.left, statements, context, py.num(0))
        : statements;
  context.addPrecedingStatements(...probed);
  return result ?? context.transformExpression(node.left);
}
