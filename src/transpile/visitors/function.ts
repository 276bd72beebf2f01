import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isConstantValue } from "../nullish.js";
import { destructure } from "./destructuring.js";
import { transformAwaitedValue, transformReturnedValue } from "../builtins/promise.js";
import { awaitedFacadeBytes } from "./facade-bytes.js";
import { capturedAssignments, isAssignedWithin, isFunctionScope, type FunctionScope } from "../scope.js";
import { takesExplicitThis } from "./this-call.js";
import { extraArguments, type FunctionLike } from "./surplus-arguments.js";
import { holdsProperties } from "./function-properties.js";

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

export function transformFunctionDeclaration(node: ts.FunctionDeclaration, context: TransformationContext): py.Statement[] {
  if (!node.body || hasModifier(node, ts.SyntaxKind.DeclareKeyword)) return [];
  // `export default function f` is `f`, bound as the module's `default` too; unnamed, it is `default`.
  const name = node.name ? context.pythonName(node.name) : "default";
  const definition = functionDefinition(name, node, context);
  const statements: py.Statement[] = [definition];
  const wrapper = functionWrapper(node, context);
  if (wrapper) statements.push(py.assign(py.name(name), py.call(context.useHelper(wrapper), [py.name(name)])));
  if (hasModifier(node, ts.SyntaxKind.DefaultKeyword) && name !== "default") statements.push(py.assign(py.name("default"), py.name(name)));
  return statements;
}

/** Parameters, with defaults Python evaluates once replaced by a check at each call. */
export function transformParameters(
  node: FunctionLike,
  context: TransformationContext,
): { params: py.Parameter[]; prologue: py.Statement[] } {
  const params: py.Parameter[] = [];
  const prologue: py.Statement[] = [];
  for (const parameter of node.parameters) {
    // A declared `this` is a keyword parameter, last (see thisParameter).
    if (ts.isIdentifier(parameter.name) && parameter.name.text === "this") continue;
    if (parameter.dotDotDotToken && ts.isIdentifier(parameter.name)) {
      // `...xs` arrives as a Python tuple: make it the array JavaScript gives.
      const rest = context.pythonName(parameter.name);
      params.push({ name: rest, rest: true });
      prologue.push(py.assign(py.name(rest), py.call(py.name("list"), [py.name(rest)])));
      continue;
    }
    if (parameter.dotDotDotToken) {
      // `...[a, b]`: the rest arguments as an array, unpacked first thing in the body.
      const argument = context.temporary("rest");
      params.push({ name: argument.id, rest: true });
      prologue.push(py.assign(argument, py.call(py.name("list"), [argument])));
      prologue.push(...destructure(parameter.name, argument, parameter, context));
      continue;
    }
    if (!ts.isIdentifier(parameter.name)) {
      // A destructured parameter: a positional one, unpacked first thing in the body.
      const argument = context.temporary("arg");
      params.push(
        parameter.initializer || parameter.questionToken || params.some((earlier) => earlier.default)
          ? { name: argument.id, default: py.none() }
          : { name: argument.id },
      );
      if (parameter.initializer) {
        const { result, preceding } = context.collectPreceding(() => context.transformExpression(parameter.initializer!));
        prologue.push(py.ifStatement(py.compare(argument, "is", py.none()), [...preceding, py.assign(argument, result)]));
      }
      prologue.push(...destructure(parameter.name, argument, parameter, context));
      continue;
    }
    const name = context.pythonName(parameter.name);
    if (parameter.initializer) {
      // A default with statements of its own (`x = (log("default"), 2)`) runs them at each call.
      const { result: value, preceding } = context.collectPreceding(() => context.transformExpression(parameter.initializer!));
      if (isConstantValue(value) && preceding.length === 0) {
        params.push({ name, default: value });
      } else {
        // Python evaluates defaults once, at `def`; JS evaluates them on every call.
        params.push({ name, default: py.none() });
        prologue.push(py.ifStatement(py.compare(py.name(name), "is", py.none()), [...preceding, py.assign(py.name(name), value)]));
      }
    } else if (parameter.questionToken || params.some((earlier) => earlier.default)) {
      params.push({ name, default: py.none() });
    } else {
      params.push({ name });
    }
  }
  return { params, prologue };
}

/** `global`/`nonlocal` declarations for the outer variables a function assigns. */
export function scopeDeclarations(node: FunctionScope, context: TransformationContext): py.Statement[] {
  const { global, nonlocal } = capturedAssignments(node, context);
  const statements: py.Statement[] = [];
  if (global.length > 0) statements.push({ kind: "Global", names: global });
  if (nonlocal.length > 0) statements.push({ kind: "Nonlocal", names: nonlocal });
  return statements;
}

/** The statements of a function body (an arrow's expression body becomes `return`). */
export function functionBody(node: FunctionLike, context: TransformationContext): py.Statement[] {
  const body = node.body;
  if (!body) return [];
  return context.withoutLoops(() => {
    if (ts.isBlock(body)) return context.transformStatements(body.statements);
    const { result, preceding } = context.collectPreceding(() => transformReturnedValue(body, context));
    return [...preceding, py.returnStatement(result)];
  });
}

export function functionDefinition(
  name: string,
  node: FunctionLike,
  context: TransformationContext,
  options: { leadingParameters?: string[]; decorators?: py.Expression[]; prologue?: py.Statement[] } = {},
): py.FunctionDef {
  const decorators = [...(options.decorators ?? [])];
  if ("asteriskToken" in node && node.asteriskToken) {
    // MicroPython has generators but no async generators.
    if (hasModifier(node, ts.SyntaxKind.AsyncKeyword)) context.report(diagnostics.asyncGenerator(node));
    else decorators.push(context.useHelper("js_generator"));
  }
  const { params, prologue } = transformParameters(node, context);
  params.push(...extraArguments(node, context), ...loopCaptures(node, context), ...thisParameter(node));
  const body = [...scopeDeclarations(node, context), ...prologue, ...(options.prologue ?? []), ...functionBody(node, context)];
  // A generator whose body never yields is still a generator: Python decides by a `yield` in the body.
  if (decorators.length > (options.decorators ?? []).length && !containsYield(node)) {
    body.push(py.returnStatement(undefined), py.expressionStatement(py.yieldExpr(undefined)));
  }
  return {
    kind: "FunctionDef",
    name,
    params: [...(options.leadingParameters ?? []).map((leading) => ({ name: leading })), ...params],
    body,
    decorators,
    isAsync: hasModifier(node, ts.SyntaxKind.AsyncKeyword),
  };
}

/**
 * Arrow functions and function expressions: a `lambda` when the body is one expression that
 * needs nothing else; otherwise a `def` hoisted just before the statement that uses it.
 */
export function transformFunctionExpression(node: ts.ArrowFunction | ts.FunctionExpression, context: TransformationContext): py.Expression {
  const value = functionValue(node, context);
  const wrapper = functionWrapper(node, context);
  return wrapper ? py.call(context.useHelper(wrapper), [value]) : value;
}

/**
 * A function declaring `this` is made a JsThisFunction where it is defined, the mark by which
 * `f.call(t)` of a function value the build cannot identify (js_call) knows to pass `t`; a
 * JsThisFunction holds properties too. A function holding properties is a JsFunction.
 */
export function functionWrapper(
  node: ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction,
  context: TransformationContext,
): "JsThisFunction" | "JsFunction" | undefined {
  if (takesExplicitThis(node)) return "JsThisFunction";
  return holdsProperties(node, context) ? "JsFunction" : undefined;
}

function functionValue(node: ts.ArrowFunction | ts.FunctionExpression, context: TransformationContext): py.Expression {
  // A lambda has no name of its own, so only a function JavaScript leaves anonymous is one:
  // console.log shows a def's name (js_inspect reads `f_2` as `f`).
  const jsName = functionName(node);
  const nameless = jsName === undefined || !pythonIdentifier.test(jsName);
  if (nameless && ts.isArrowFunction(node) && !ts.isBlock(node.body) && !hasModifier(node, ts.SyntaxKind.AsyncKeyword)) {
    const lambda = asLambda(node, context);
    if (lambda) return lambda;
  }
  // A function expression calling itself by its own name finds its def under that name.
  const name =
    ts.isFunctionExpression(node) && node.name && !nameless
      ? py.name(context.pythonName(node.name))
      : context.temporary(functionNameHint(node));
  context.addPrecedingStatements(py.at(functionDefinition(name.id, node, context), context.positionOf(node)));
  return name;
}

function asLambda(node: ts.ArrowFunction, context: TransformationContext): py.Lambda | undefined {
  const scope = capturedAssignments(node, context);
  if (scope.global.length > 0 || scope.nonlocal.length > 0) return undefined;
  let lambda: py.Lambda | undefined;
  const { preceding } = context.collectPreceding(() => {
    const { params, prologue } = transformParameters(node, context);
    params.push(...extraArguments(node, context), ...loopCaptures(node, context), ...thisParameter(node));
    const body = context.transformExpression(node.body as ts.Expression);
    if (prologue.length === 0) lambda = { kind: "Lambda", params, body };
  });
  return preceding.length === 0 ? lambda : undefined;
}

/** A JavaScript name usable in a Python `def` name (`$tag` and non-ASCII names are not). */
const pythonIdentifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

const assigning = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/**
 * The name JavaScript gives a function expression: its own, else the one of what it is
 * assigned to where it is written (`{ f: () => 1 }`, `f = () => 1`, `(f = () => 1) => …`);
 * undefined for an anonymous one (an argument, an element, a computed key).
 */
export function functionName(node: ts.ArrowFunction | ts.FunctionExpression): string | undefined {
  if (ts.isFunctionExpression(node) && node.name) return node.name.text;
  let inner: ts.Node = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) {
    inner = parent;
    parent = parent.parent;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === inner) {
    const key = parent.name;
    return ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : undefined;
  }
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.initializer === inner) {
    return ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  }
  if (ts.isPropertyDeclaration(parent) && parent.initializer === inner && ts.isIdentifier(parent.name)) {
    // A static field's def would be hoisted into the class body, as a method of its own.
    return ts.getModifiers(parent)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ? undefined : parent.name.text;
  }
  if (ts.isBinaryExpression(parent) && parent.right === inner && ts.isIdentifier(parent.left) && assigning.has(parent.operatorToken.kind)) {
    return parent.left.text;
  }
  return undefined;
}

function functionNameHint(node: ts.ArrowFunction | ts.FunctionExpression): string {
  const parent = node.parent;
  const name = functionName(node);
  if (name !== undefined && pythonIdentifier.test(name)) return name;
  // `pin.irq(() => { … })` hoists `def irq_callback_1():`.
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) {
    const callee = parent.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name && pythonIdentifier.test(name)) return `${name}_callback`;
  }
  return "fn";
}

/**
 * A function declaring a `this` parameter takes it as the keyword parameter `this=None` (see
 * this-call.ts), so a plain call `f(x)` leaves it undefined, as JavaScript does, whatever type
 * the function travelled through. A class method declaring it ignores it: its `this` is `self`.
 */
function thisParameter(node: FunctionLike): py.Parameter[] {
  return takesExplicitThis(node) ? [{ name: "this", default: py.none(), keywordOnly: true }] : [];
}

function containsYield(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || (child !== node && ts.isFunctionLike(child))) return;
    if (ts.isYieldExpression(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/**
 * `yield v` is Python's `(yield v)`, and `yield* iterable` is `(yield from iterable)`: a
 * generator's JsGenerator passes sent values through and hands back its return value.
 */
export function transformYieldExpression(node: ts.YieldExpression, context: TransformationContext): py.Expression {
  const value = node.expression ? context.transformExpression(node.expression) : undefined;
  return py.yieldExpr(value, node.asteriskToken !== undefined);
}

export function transformAwaitExpression(node: ts.AwaitExpression, context: TransformationContext): py.Expression {
  let current: ts.Node = node.parent;
  while (!ts.isSourceFile(current) && !ts.isFunctionLike(current)) current = current.parent;
  if (ts.isSourceFile(current)) context.report(diagnostics.topLevelAwait(node));
  return (
    transformAwaitedValue(node, context) ?? awaitedFacadeBytes(node, py.awaitExpr(context.transformExpression(node.expression)), context)
  );
}

/**
 * A closure created in a loop sees that iteration's `let`/`const` variables in JS; a Python
 * closure would see the variable's last value. Each captured one is bound when the closure is
 * created, as a default parameter (`lambda i=i: ...`). Writing to it from the closure cannot be
 * expressed that way and is rejected.
 */
function loopCaptures(node: FunctionLike, context: TransformationContext): py.Parameter[] {
  let loop: ts.Node | undefined;
  for (let current = node.parent; current && !ts.isSourceFile(current) && !isFunctionScope(current); current = current.parent) {
    if (ts.isIterationStatement(current, false)) loop = current;
  }
  if (!loop) return [];
  const captured = new Map<ts.Symbol, ts.Identifier>();
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) {
      const symbol = context.symbolOf(child);
      const declaration = symbol?.valueDeclaration;
      if (
        symbol &&
        declaration &&
        ts.isVariableDeclaration(declaration) &&
        ts.isVariableDeclarationList(declaration.parent) &&
        declaration.parent.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const) &&
        declaration.pos >= loop!.pos &&
        declaration.end <= loop!.end &&
        !(declaration.pos >= node.pos && declaration.end <= node.end)
      ) {
        captured.set(symbol, child);
      }
    }
    ts.forEachChild(child, visit);
  };
  if (node.body) visit(node.body);
  const captures: py.Parameter[] = [];
  for (const [symbol, identifier] of captured) {
    const declaration = symbol.valueDeclaration as ts.VariableDeclaration;
    if (isAssignedWithin(symbol, node, context)) {
      context.report(diagnostics.loopVariableAssignedInClosure(identifier, identifier.text));
      continue;
    }
    if (!(declaration.parent.flags & ts.NodeFlags.Const) && !onlyWrittenByIncrementor(symbol, declaration, context)) {
      context.report(diagnostics.loopVariableAssignedInClosure(identifier, identifier.text));
      continue;
    }
    const name = context.pythonName(identifier);
    captures.push({ name, default: py.name(name) });
  }
  return captures;
}

/** A for-loop counter written only by the loop's incrementor keeps its value through an iteration. */
function onlyWrittenByIncrementor(symbol: ts.Symbol, declaration: ts.VariableDeclaration, context: TransformationContext): boolean {
  const statement = declaration.parent.parent;
  if (!ts.isForStatement(statement)) return !isAssignedWithin(symbol, declaration.parent.parent.parent ?? statement, context);
  if (isAssignedWithin(symbol, statement.statement, context)) return false;
  return !statement.condition || !isAssignedWithin(symbol, statement.condition, context);
}
