import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as libraryDiagnostics from "../builtins/diagnostics.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { transformGlobalName } from "../builtins/index.js";
import { namespaceMemberReference } from "./namespace.js";
import { liveBindingRead } from "./live-bindings.js";
import { namespaceObject } from "./namespace-objects.js";
import { functionDefinition } from "./function.js";
import { readsReceiver, thisReadingFunction } from "./class-receivers.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { isRecordType, typeOf } from "../types.js";
import { unorderedInstanceClass } from "../builtins/instance-order.js";
import { isSymbolIterator, iteratorMethodName, pythonIteration, reportClosingIterator } from "./symbol-iterator.js";
import { disposeMethodName, isSymbolDispose } from "./using.js";
import { skipParentheses } from "./transparent.js";

/**
 * Object literals keep JavaScript's key order, which Object.keys, JSON.stringify and
 * console.log show. MicroPython's dicts and attribute tables forget insertion order (and so
 * does a Python function's **kwargs), so:
 * - an object with a declared shape becomes `JsObject("x", 1, "y", 2)`: attributes for fast
 *   `p.x`, plus the key order;
 * - a record (`Record<string, T>`, an index signature) becomes an `OrderedDict`;
 * - spreads and computed keys build either from ordered (key, value) pairs.
 */
export function transformObjectLiteral(node: ts.ObjectLiteralExpression, context: TransformationContext): py.Expression {
  // A literal destructured on the spot (`const { a, ...rest } = {…}`) takes its own shape.
  const destructured = ts.isVariableDeclaration(node.parent) && !ts.isIdentifier(node.parent.name);
  const shapeType = destructured ? typeOf(context, node) : (context.checker.getContextualType(node) ?? typeOf(context, node));
  const asRecord = isRecordType(context, shapeType);
  const dynamic = node.properties.some(
    (property) =>
      ts.isSpreadAssignment(property) ||
      (property.name !== undefined &&
        ts.isComputedPropertyName(property.name) &&
        !isSymbolIterator(property.name, context) &&
        !isSymbolDispose(property.name, context)),
  );
  const pieces: ({ key: py.Expression; value: py.Expression } | { spread: py.Expression })[] = [];
  const bound: py.Expression[] = [];
  // Getters and setters by attribute name, in the order their names first appear.
  const accessors = new Map<string, { getter?: py.Name; setter?: py.Name }>();
  let iterator: py.Name | undefined;
  let dispose: py.Name | undefined;
  const withMethods = (object: py.Expression) =>
    bound.length > 0 ? py.call(context.useHelper("obj_methods"), [object, ...bound]) : object;
  // Keys and values run left to right: when a later one needs statements first
  // (`{ [i += "B"]: i += "C" }`), the earlier ones are read into temporaries ahead of them.
  const settled = (expression: py.Expression) =>
    expression.kind === "Constant" || expression.kind === "Lambda" || (expression.kind === "Name" && context.isTemporary(expression.id));
  const settle = (expression: py.Expression): py.Expression => {
    if (settled(expression)) return expression;
    const temporary = context.temporary("value");
    context.addPrecedingStatements(py.assign(temporary, expression));
    return temporary;
  };
  const inOrder = <T>(transform: () => T): T => {
    const { result, preceding } = context.collectPreceding(transform);
    if (preceding.some((statement) => statement.kind !== "FunctionDef")) {
      for (const piece of pieces) {
        if ("spread" in piece) piece.spread = settle(piece.spread);
        else {
          piece.key = settle(piece.key);
          piece.value = settle(piece.value);
        }
      }
    }
    context.addPrecedingStatements(...preceding);
    return result;
  };
  for (const property of node.properties) {
    const thisFunction = thisReadingFunction(property);
    if (thisFunction && !bindable(property as ts.PropertyAssignment, asRecord)) {
      context.report(libraryDiagnostics.objectLiteralMethod(property));
    } else if (thisFunction) {
      // `f: function () { … this … }` is a method reading `this`, bound as one.
      const name = property.name as ts.Identifier | ts.StringLiteral;
      const key = inOrder(() => propertyKey(name, context));
      const value = inOrder(() => methodValue(thisFunction, true, context, name));
      if (key) pieces.push({ key, value });
      bound.push(py.str(pythonSafeAttribute(name.text)));
    } else if (ts.isPropertyAssignment(property)) {
      const key = inOrder(() => propertyKey(property.name, context));
      if (key) pieces.push({ key, value: py.none() });
      const value = inOrder(() => context.transformExpression(property.initializer));
      const last = pieces[pieces.length - 1];
      if (key && last && !("spread" in last)) last.value = value;
    } else if (ts.isShorthandPropertyAssignment(property)) {
      const symbol = context.checker.getShorthandAssignmentValueSymbol(property);
      const value = symbol && context.isDeclaredByUser(symbol) ? context.pythonName(property.name) : property.name.text;
      // `{ NaN }`, `{ undefined }`: the library's value, not a Python name spelt like it
      // (`undefined` has a symbol without declarations).
      const library =
        symbol &&
        !context.isDeclaredByUser(symbol) &&
        transformGlobalName(property.name, symbol.declarations?.length ? symbol : undefined, context);
      pieces.push({
        key: py.str(property.name.text),
        value:
          (symbol &&
            (liveBindingRead(property.name, context) ??
              namespaceObject(property.name, context) ??
              namespaceMemberReference(property.name, context, symbol))) ||
          library ||
          py.name(value),
      });
    } else if (ts.isSpreadAssignment(property)) {
      const className = unorderedInstanceClass(typeOf(context, property.expression), context);
      if (className) context.report(libraryDiagnostics.unorderedInstanceFields(property, "A spread", className));
      pieces.push({ spread: inOrder(() => py.call(context.useHelper("obj_items"), [context.transformExpression(property.expression)])) });
    } else if (
      ts.isMethodDeclaration(property) &&
      isSymbolIterator(property.name, context) &&
      !dynamic &&
      !asRecord &&
      !readsSuper(property)
    ) {
      // Not a key: a method of the literal's own class, which Python's iter() finds.
      iterator = inOrder(() => methodValue(property, true, context));
      reportClosingIterator(property, context);
    } else if (
      ts.isMethodDeclaration(property) &&
      isSymbolDispose(property.name, context) &&
      !dynamic &&
      !asRecord &&
      !readsSuper(property)
    ) {
      // Not a key either: what a `using` declaration calls when its block ends (using.ts).
      dispose = inOrder(() => methodValue(property, true, context));
    } else if (ts.isMethodDeclaration(property) && (!readsReceiver(property) || bindable(property, asRecord))) {
      // A method that never reads `this` is a function-valued property like an arrow's; one
      // that does takes it first, and is bound to the object once built (obj_methods).
      const readsThis = readsReceiver(property);
      const key = inOrder(() => propertyKey(property.name, context));
      const value = inOrder(() => methodValue(property, readsThis, context));
      if (key) pieces.push({ key, value });
      if (readsThis) bound.push(py.str(pythonSafeAttribute((property.name as ts.Identifier | ts.StringLiteral).text)));
    } else if (ts.isAccessor(property) && !dynamic && accessorName(property, asRecord) !== undefined) {
      const name = accessorName(property, asRecord)!;
      let pair = accessors.get(name);
      if (!pair) {
        pair = {};
        accessors.set(name, pair);
        pieces.push({ key: py.str((property.name as ts.Identifier | ts.StringLiteral).text), value: py.none() });
      }
      const definition = inOrder(() => methodValue(property, true, context));
      if (ts.isGetAccessor(property)) pair.getter = definition;
      else pair.setter = definition;
    } else if (ts.isAccessor(property)) {
      context.report(libraryDiagnostics.objectLiteralAccessor(property));
    } else {
      context.report(libraryDiagnostics.objectLiteralMethod(property));
    }
  }
  if (dynamic) {
    let pairs: py.Expression | undefined;
    let run: py.Expression[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const list = py.list(run);
      pairs = pairs ? py.binOp(pairs, "+", list) : list;
      run = [];
    };
    for (const piece of pieces) {
      if ("spread" in piece) {
        flush();
        pairs = pairs ? py.binOp(pairs, "+", piece.spread) : piece.spread;
      } else {
        run.push(py.tuple([piece.key, piece.value]));
      }
    }
    flush();
    return withMethods(py.call(context.useHelper("obj_from"), [pairs ?? py.list([]), ...(asRecord ? [py.bool(true)] : [])]));
  }
  const entries = pieces as { key: py.Expression; value: py.Expression }[];
  if (!asRecord) {
    // Attributes carry the Python-safe spelling that property accesses use (`from` → `from_`).
    for (const entry of entries) {
      if (entry.key.kind === "Constant" && typeof entry.key.value === "string") entry.key = py.str(pythonSafeAttribute(entry.key.value));
    }
  }
  if (asRecord) {
    if (entries.length === 0) return py.call(context.useHelper("OrderedDict"));
    return py.call(context.useHelper("OrderedDict"), [py.list(entries.map((entry) => py.tuple([entry.key, entry.value])))]);
  }
  if (accessors.size > 0 || iterator || dispose) {
    const data = entries.filter((entry) => !(entry.key.kind === "Constant" && accessors.has(entry.key.value as string)));
    const keys = py.list(entries.map((entry) => entry.key));
    const built = py.call(literalClass(accessors, { iterator, dispose }, context), [
      keys,
      ...data.flatMap((entry) => [entry.key, entry.value]),
    ]);
    return withMethods(built);
  }
  return withMethods(
    py.call(
      context.useHelper("JsObject"),
      entries.flatMap((entry) => [entry.key, entry.value]),
    ),
  );
}

/**
 * The class of an object literal with getters and setters or a `[Symbol.iterator]()` or
 * `[Symbol.dispose]()` method, just before the statement building it: Python runs a
 * `property` or an `__iter__` only from a class, so each such literal has its own
 * (JsClassObject.py).
 */
function literalClass(
  accessors: Map<string, { getter?: py.Name; setter?: py.Name }>,
  { iterator, dispose }: { iterator: py.Name | undefined; dispose: py.Name | undefined },
  context: TransformationContext,
): py.Name {
  const name = context.temporary("JsClassObject");
  const labels = py.dict(
    [...accessors].map(([key, pair]) => ({
      key: py.str(key),
      value: py.str(pair.getter && pair.setter ? "[Getter/Setter]" : pair.getter ? "[Getter]" : "[Setter]"),
    })),
  );
  // A property with only a setter reads as undefined, as JavaScript reads it.
  const getter = (pair: { getter?: py.Name }) => pair.getter ?? py.lambda([{ name: "this" }], py.none());
  const body: py.Statement[] = [
    py.assign(py.name("_js_accessors"), labels),
    ...[...accessors].map(([key, pair]) =>
      py.assign(py.name(key), py.call(py.name("property"), [getter(pair), ...(pair.setter ? [pair.setter] : [])])),
    ),
    ...(iterator ? [py.assign(py.name(iteratorMethodName), iterator), pythonIteration(context)] : []),
    ...(dispose ? [py.assign(py.name(disposeMethodName), dispose)] : []),
  ];
  context.addPrecedingStatements({ kind: "ClassDef", name: name.id, bases: [context.useHelper("JsClassObject")], body });
  return name;
}

/**
 * The attribute a getter or setter defines: named by an identifier or a string that is a
 * Python name once made safe (it is assigned in the class body), in an object (a record is a
 * dict, which runs no accessors), and not reading `super` (the object's prototype, which tsmp
 * does not model).
 */
function accessorName(accessor: ts.AccessorDeclaration, asRecord: boolean): string | undefined {
  if (!(ts.isIdentifier(accessor.name) || ts.isStringLiteral(accessor.name)) || !bindable(accessor, asRecord)) return undefined;
  const name = pythonSafeAttribute(accessor.name.text);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !name.startsWith("_js_") ? name : undefined;
}

/**
 * The method as a `def` just before the statement building the object (`double() {…}` →
 * `def double_1`), taking `this` first when it reads it.
 */
function methodValue(
  method: ts.MethodDeclaration | ts.AccessorDeclaration | ts.FunctionExpression,
  readsThis: boolean,
  context: TransformationContext,
  propertyName: ts.PropertyName | undefined = method.name,
): py.Name {
  const hint =
    propertyName && ts.isIdentifier(propertyName) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(propertyName.text) ? propertyName.text : "method";
  const name = context.temporary(hint);
  const definition = functionDefinition(name.id, method, context, readsThis ? { leadingParameters: ["this"] } : {});
  context.addPrecedingStatements(py.at(definition, context.positionOf(method)));
  return name;
}

/**
 * A method reading `this` that can be bound to its object: named by an identifier or string
 * (the attribute to bind), in an object (a record is a dict, which holds no bound attributes),
 * and not reading `super` (the object's prototype, which tsmp does not model).
 */
function bindable(method: ts.MethodDeclaration | ts.AccessorDeclaration | ts.PropertyAssignment, asRecord: boolean): boolean {
  if (asRecord || !(ts.isIdentifier(method.name) || ts.isStringLiteral(method.name))) return false;
  return !readsSuper(method);
}

function readsSuper(method: ts.MethodDeclaration | ts.AccessorDeclaration | ts.PropertyAssignment): boolean {
  const visit = (node: ts.Node): boolean =>
    node.kind === ts.SyntaxKind.SuperKeyword ||
    (!(ts.isFunctionLike(node) && !ts.isArrowFunction(node)) && (ts.forEachChild(node, visit) ?? false));
  return ts.forEachChild(method, visit) ?? false;
}

function propertyKey(name: ts.PropertyName, context: TransformationContext): py.Expression | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return py.str(name.text);
  if (ts.isNumericLiteral(name)) return py.str(String(Number(name.text)));
  if (ts.isComputedPropertyName(name)) {
    const type = typeOf(context, name.expression);
    const key = context.transformExpression(name.expression);
    // Keys are strings in JavaScript: obj[1] and obj["1"] are the same property.
    return type.flags & ts.TypeFlags.StringLike ? key : py.call(context.useHelper("js_str"), [key]);
  }
  context.report(diagnostics.unsupportedSyntax(name));
  return undefined;
}

/**
 * `o.m` of an object literal's method that reads `this`, other than called (`o.m()`) or looked
 * at (`typeof o.m`): moved elsewhere, it would keep the object it was bound to.
 */
export function reportDetachedMethod(node: ts.PropertyAccessExpression, context: TransformationContext): void {
  const declarations = context.symbolOf(node.name)?.declarations ?? [];
  const classMethod = declarations.find(
    (declaration) =>
      ts.isMethodDeclaration(declaration) &&
      ts.isClassLike(declaration.parent) &&
      !ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
      readsReceiver(declaration),
  );
  const method = declarations.find(
    (declaration) =>
      (ts.isMethodDeclaration(declaration) && ts.isObjectLiteralExpression(declaration.parent) && readsReceiver(declaration)) ||
      (ts.isPropertyAssignment(declaration) && thisReadingFunction(declaration) !== undefined),
  );
  if (!method && !classMethod) return;
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if ((ts.isCallExpression(parent) && parent.expression === current) || ts.isTypeOfExpression(parent)) return;
  // `o.m.call(t)`, `o.m.apply(t, …)`, `o.m.bind(t)`: this-call.ts gives the method `t` (or rejects).
  if (
    ts.isPropertyAccessExpression(parent) &&
    ["call", "apply", "bind"].includes(parent.name.text) &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent
  )
    return;
  if (isOwnReceiverThisArg(node, current, parent, context)) return;
  context.report(method ? libraryDiagnostics.detachedObjectLiteralMethod(node) : libraryDiagnostics.detachedClassMethod(node));
}

/**
 * `xs.map(k.m, k)`, `xs.forEach(this.add, this)`: a library callback given the method's own object
 * as its thisArg (the next argument), which calls it with that object, as the bound Python method
 * does.
 */
function isOwnReceiverThisArg(
  node: ts.PropertyAccessExpression,
  current: ts.Node,
  parent: ts.Node,
  context: TransformationContext,
): boolean {
  if (!ts.isCallExpression(parent) || !ts.isPropertyAccessExpression(parent.expression)) return false;
  const index = parent.arguments.indexOf(current as ts.Expression);
  const thisArg = index >= 0 ? parent.arguments[index + 1] : undefined;
  if (!thisArg || !isPlainPath(node.expression) || !isPlainPath(thisArg)) return false;
  if (skipParentheses(thisArg).getText() !== node.expression.getText()) return false;
  const symbol = context.symbolOf(parent.expression.name);
  return symbol !== undefined && !context.isDeclaredByUser(symbol);
}

/** `k`, `this`, `this.parts.k`: read again, the same object. */
function isPlainPath(node: ts.Expression): boolean {
  const value = skipParentheses(node);
  if (ts.isIdentifier(value) || value.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.name) && isPlainPath(value.expression);
}
