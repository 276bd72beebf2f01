import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as libraryDiagnostics from "./diagnostics.js";
import * as py from "../python-ast.js";
import { isArrayType, isBooleanType, isNumberType, isStringType, typeOf } from "../types.js";
import { argumentList, asIndex, asIndexes, slice, transformArgs } from "./arguments.js";
import { bindCallback, callbackArity } from "./callbacks.js";
import type { HelperName } from "../runtime/helper-names.js";
import type { CallMapping, CallMappings, PropertyMappings } from "./mapping.js";
import { elementsMayHoldUndefined } from "../undefined-text.js";

const isStatement = (node: ts.Node) => ts.isExpressionStatement(node.parent);

function elementType(node: ts.Expression, context: TransformationContext): ts.Type | undefined {
  const type = typeOf(context, node);
  return context.checker.isArrayType(type) ? context.checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
}

/** A callback argument (bound to the thisArg after it, if any) and how many of (value, index, array) it declares. */
function callback(node: ts.CallExpression, context: TransformationContext, member: string, maximum = 3) {
  const argument = node.arguments[0]!;
  // reduce's second argument is its initial value, not a thisArg.
  const thisArg = maximum === 3 ? node.arguments[1] : undefined;
  const [fn, thisValue] = context.transformInOrder(thisArg ? [argument, thisArg] : [argument]);
  return {
    fn: bindCallback(argument, fn!, thisValue, context),
    arity: py.num(callbackArity(argument, context, member, maximum)),
    count: callbackArity(argument, context, member, maximum),
  };
}

/**
 * A one-parameter lambda whose body a list comprehension can hold instead (`[x * 3 for x in a]`
 * rather than `list(map(lambda x: x * 3, a))`): no call per element, about a third less time on
 * MicroPython. Not when the body makes a function, which would share the comprehension's one
 * variable instead of getting its own parameter, nor when it assigns (`:=` in a comprehension
 * binds in the enclosing scope).
 */
function inlineCallback(fn: py.Expression): { parameter: py.Name; body: py.Expression } | undefined {
  if (fn.kind !== "Lambda" || fn.params.length !== 1) return undefined;
  const [parameter] = fn.params;
  if (parameter!.default !== undefined || parameter!.rest === true || parameter!.keywordOnly === true) return undefined;
  if (containsKind(fn.body, new Set(["Lambda", "NamedExpr", "Yield", "Await"]))) return undefined;
  return { parameter: py.name(parameter!.name), body: fn.body };
}

/** Whether an expression holds a node of one of these kinds, at any depth. */
function containsKind(node: py.Expression | undefined, kinds: ReadonlySet<py.Expression["kind"]>): boolean {
  if (node === undefined) return false;
  if (kinds.has(node.kind)) return true;
  const within = (...children: (py.Expression | undefined)[]) => children.some((child) => containsKind(child, kinds));
  switch (node.kind) {
    case "Name":
    case "Constant":
      return false;
    case "Attribute":
    case "Await":
    case "Starred":
      return within(node.value);
    case "Subscript":
      return within(node.value, node.index);
    case "Call":
      return within(node.func, ...node.args, ...node.keywords.map((keyword) => keyword.value));
    case "BinOp":
    case "BoolOp":
    case "Compare":
      return within(node.left, node.right);
    case "UnaryOp":
      return within(node.operand);
    case "IfExp":
      return within(node.test, node.body, node.orelse);
    case "Lambda":
      return within(node.body, ...node.params.map((parameter) => parameter.default));
    case "List":
    case "Tuple":
      return within(...node.elements);
    case "Dict":
      return within(...node.entries.flatMap((entry) => [entry.key, entry.value]));
    case "Yield":
      return within(node.value);
    case "NamedExpr":
      return within(node.value);
    case "ListComp":
      return within(node.element, node.iterable, node.condition);
    case "Slice":
      return within(node.lower, node.upper);
  }
}

/** Whether a callback's result is a boolean (so Python's truthiness of it is JavaScript's). */
function returnsBoolean(node: ts.Expression, context: TransformationContext): boolean {
  const signature = context.checker.getSignaturesOfType(typeOf(context, node), ts.SignatureKind.Call)[0];
  return signature !== undefined && isBooleanType(context.checker.getReturnTypeOfSignature(signature));
}

/** A callback from the array helpers: `helper(array, fn, arity, ...extra)`. */
function withCallback(helper: HelperName, member: string, ...extra: py.Keyword[]): CallMapping {
  return (node, context, receiver) => {
    const { fn, arity } = callback(node, context, member);
    return py.call(context.useHelper(helper), [receiver, fn, arity], extra);
  };
}

/** `(a, b) => a - b` and `(a, b) => b - a`: plain numeric orders Python sorts natively. */
function numericOrder(node: ts.Expression | undefined): "ascending" | "descending" | undefined {
  if (!node || !ts.isArrowFunction(node) || node.parameters.length !== 2) return undefined;
  const [a, b] = node.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ""));
  let body: ts.Node = node.body;
  if (ts.isBlock(body)) {
    const only = body.statements.length === 1 ? body.statements[0] : undefined;
    if (!only || !ts.isReturnStatement(only) || !only.expression) return undefined;
    body = only.expression;
  }
  if (!ts.isBinaryExpression(body) || body.operatorToken.kind !== ts.SyntaxKind.MinusToken) return undefined;
  const left = body.left.getText();
  const right = body.right.getText();
  if (left === a && right === b) return "ascending";
  if (left === b && right === a) return "descending";
  return undefined;
}

/** Methods that sort or reverse in place and return their array. */
function returningArray(
  node: ts.CallExpression,
  context: TransformationContext,
  receiver: py.Expression,
  inPlace: (array: py.Expression) => py.Expression,
): py.Expression {
  if (isStatement(node)) return inPlace(receiver);
  if (receiver.kind !== "Name") {
    const temporary = context.temporary("items");
    context.addPrecedingStatements(py.assign(temporary, receiver));
    receiver = temporary;
  }
  context.addPrecedingStatements(py.expressionStatement(inPlace(receiver)));
  return receiver;
}

/** A copy of the receiver in a temporary, made before the arguments are evaluated, as JavaScript reads the array first. */
function copyOf(receiver: py.Expression, context: TransformationContext): py.Name {
  const copy = context.temporary("items");
  context.addPrecedingStatements(py.assign(copy, py.call(py.name("list"), [receiver])));
  return copy;
}

/**
 * `new Array(n).fill(v)`, the idiom for a filled array, is `[v] * n` and its receiver is never
 * built: the length's node when `node` is that call. Not for `fill(v, start)` (holes stay before
 * `start`), `new Array(a, b)`, `new Array()` or a typed array's `fill`.
 */
export function filledNewArrayLength(node: ts.CallExpression, context: TransformationContext): ts.Expression | undefined {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "fill" || node.arguments.length !== 1) return undefined;
  const made = callee.expression;
  if (!ts.isNewExpression(made) || !ts.isIdentifier(made.expression) || made.expression.text !== "Array") return undefined;
  const length = made.arguments?.length === 1 ? made.arguments[0]! : undefined;
  return length && isNumberType(typeOf(context, length)) ? length : undefined;
}

export const arrayCalls: CallMappings = {
  push(node, context, receiver) {
    const args = transformArgs(node, context);
    const spread = args.some((argument) => argument.kind === "Starred");
    const call =
      args.length === 1 && !spread
        ? py.call(py.attribute(receiver, "append"), args)
        : py.call(py.attribute(receiver, "extend"), [spread && args.length === 1 ? (args[0] as py.Starred).value : argumentList(args)]);
    if (isStatement(node)) return call;
    if (receiver.kind !== "Name") {
      // `(res) => this.waiters.push(res)`: no statement can go before an arrow's body, so the
      // receiver is kept in a temporary inline, `(items_1 := self.waiters).append(res) or len(items_1)`.
      const items = context.temporary("items");
      const method = args.length === 1 && !spread ? "append" : "extend";
      const kept = py.call(py.attribute(py.namedExpr(items, receiver), method), (call as py.Call).args);
      return py.boolOp(kept, "or", py.call(py.name("len"), [items]));
    }
    context.addPrecedingStatements(py.expressionStatement(call));
    return py.call(py.name("len"), [receiver]);
  },
  /** JS returns undefined for an empty array where Python raises IndexError. */
  pop(_node, context, receiver) {
    if (receiver.kind !== "Name") {
      const temporary = context.temporary("items");
      context.addPrecedingStatements(py.assign(temporary, receiver));
      receiver = temporary;
    }
    return py.ifExp(receiver, py.call(py.attribute(receiver, "pop")), py.none());
  },
  shift(_node, context, receiver) {
    if (receiver.kind !== "Name") {
      const temporary = context.temporary("items");
      context.addPrecedingStatements(py.assign(temporary, receiver));
      receiver = temporary;
    }
    return py.ifExp(receiver, py.call(py.attribute(receiver, "pop"), [py.num(0)]), py.none());
  },
  unshift(node, context, receiver) {
    const args = transformArgs(node, context);
    if (isStatement(node) && args.length === 1) return py.call(py.attribute(receiver, "insert"), [py.num(0), args[0]!]);
    return py.call(context.useHelper("arr_unshift"), [receiver, ...args]);
  },
  slice(node, context, receiver) {
    const [start, end] = asIndexes(node.arguments, context);
    return slice(receiver, start, end);
  },
  splice(node, context, receiver) {
    return py.call(context.useHelper("arr_splice"), [receiver, ...transformArgs(node, context)]);
  },
  concat(node, context, receiver) {
    const allArrays = node.arguments.every((argument) => !ts.isSpreadElement(argument) && isArrayType(context, typeOf(context, argument)));
    const args = transformArgs(node, context);
    if (allArrays) return args.reduce<py.Expression>((joined, next) => py.binOp(joined, "+", next), slice(receiver));
    return py.call(context.useHelper("arr_concat"), [receiver, ...args]);
  },
  indexOf(node, context, receiver) {
    return py.call(context.useHelper("arr_index_of"), [receiver, ...transformArgs(node, context)]);
  },
  lastIndexOf(node, context, receiver) {
    return py.call(context.useHelper("arr_last_index_of"), [receiver, ...transformArgs(node, context)]);
  },
  /** SameValueZero: identity for objects, NaN finds NaN, `true` is not `1`; fromIndex counts. */
  includes(node, context, receiver) {
    return py.call(context.useHelper("arr_includes"), [receiver, ...transformArgs(node, context)]);
  },
  find: withCallback("arr_find", "Array.find"),
  findIndex: withCallback("arr_find", "Array.findIndex", { name: "want_index", value: py.bool(true) }),
  findLast: withCallback("arr_find", "Array.findLast", { name: "from_end", value: py.bool(true) }),
  findLastIndex: withCallback(
    "arr_find",
    "Array.findLastIndex",
    { name: "want_index", value: py.bool(true) },
    { name: "from_end", value: py.bool(true) },
  ),
  some(node, context, receiver) {
    const { fn, arity, count } = callback(node, context, "Array.some");
    if (count === 1 && !mayChangeItsArray(node, context) && returnsBoolean(node.arguments[0]!, context))
      return py.call(py.name("any"), [py.call(py.name("map"), [fn, receiver])]);
    return py.call(context.useHelper("arr_some"), [receiver, fn, arity]);
  },
  every(node, context, receiver) {
    const { fn, arity, count } = callback(node, context, "Array.every");
    if (count === 1 && !mayChangeItsArray(node, context) && returnsBoolean(node.arguments[0]!, context))
      return py.call(py.name("all"), [py.call(py.name("map"), [fn, receiver])]);
    return py.call(context.useHelper("arr_some"), [receiver, fn, arity], [{ name: "every", value: py.bool(true) }]);
  },
  map(node, context, receiver) {
    const { fn, arity, count } = callback(node, context, "Array.map");
    const native = count === 1 && !mayChangeItsArray(node, context);
    const inline = native ? inlineCallback(fn) : undefined;
    if (inline) return py.listComp(inline.body, inline.parameter, receiver);
    if (native) return py.call(py.name("list"), [py.call(py.name("map"), [fn, receiver])]);
    return py.call(context.useHelper("arr_map"), [receiver, fn, arity]);
  },
  filter(node, context, receiver) {
    const { fn, arity, count } = callback(node, context, "Array.filter");
    if (count === 1 && !mayChangeItsArray(node, context) && returnsBoolean(node.arguments[0]!, context)) {
      const inline = inlineCallback(fn);
      if (inline) return py.listComp(inline.parameter, inline.parameter, receiver, inline.body);
      return py.call(py.name("list"), [py.call(py.name("filter"), [fn, receiver])]);
    }
    return py.call(context.useHelper("arr_filter"), [receiver, fn, arity]);
  },
  forEach: withCallback("arr_for_each", "Array.forEach"),
  flatMap: withCallback("arr_flat_map", "Array.flatMap"),
  reduce: reduce(false),
  reduceRight: reduce(true),
  join(node, context, receiver) {
    const [separatorNode] = node.arguments;
    const separator = separatorNode ? context.transformExpression(separatorNode) : py.str(",");
    const element = elementType(
      node.expression.kind === ts.SyntaxKind.PropertyAccessExpression
        ? (node.expression as ts.PropertyAccessExpression).expression
        : node.expression,
      context,
    );
    // A separator that may be undefined (meaning ",") goes through the helper.
    const separatorIsString = !separatorNode || isStringType(context.typeOf(separatorNode));
    // `xs.map((x) => JSON.stringify(x)).join(" ")`: string[] that may hold undefined (joined as "").
    const receiverNode = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
    const mayHoldUndefined = receiverNode !== undefined && elementsMayHoldUndefined(receiverNode, context);
    if (element && isStringType(element) && separatorIsString && !mayHoldUndefined) {
      return py.call(py.attribute(separator, "join"), [receiver]);
    }
    return py.call(context.useHelper("arr_join"), [receiver, separator]);
  },
  reverse(node, context, receiver) {
    return returningArray(node, context, receiver, (array) => py.call(py.attribute(array, "reverse")));
  },
  sort(node, context, receiver) {
    const arrayNode = (node.expression as ts.PropertyAccessExpression).expression;
    const element = elementType(arrayNode, context);
    const [given] = node.arguments;
    // `sort(undefined)` sorts as `sort()` does.
    const comparator = given && !(ts.isIdentifier(given) && given.text === "undefined") ? given : undefined;
    if (!comparator) {
      if (element && isStringType(element)) return returningArray(node, context, receiver, (array) => py.call(py.attribute(array, "sort")));
      return py.call(context.useHelper("arr_sort_default"), [receiver]);
    }
    const order = element && isNumberType(element) ? numericOrder(comparator) : undefined;
    if (order) {
      const keywords = order === "descending" ? [{ name: "reverse", value: py.bool(true) }] : [];
      return returningArray(node, context, receiver, (array) => py.call(py.attribute(array, "sort"), [], keywords));
    }
    // arr_sort calls compare(a, b): a comparator declaring fewer parameters gets only those.
    const typed = typeOf(context, comparator).getCallSignatures().length > 0;
    const arity = typed ? callbackArity(comparator, context, "Array.sort", 2) : 2;
    const compare = context.transformExpression(comparator);
    return py.call(context.useHelper("arr_sort"), [
      receiver,
      arity >= 2 ? compare : py.call(context.useHelper("js_arity"), [compare, py.num(arity)]),
    ]);
  },
  // ES2023's copying methods: the in-place one on a copy (`list(a)`), which is the result.
  toReversed(node, context, receiver) {
    return arrayCalls.reverse!(node, context, copyOf(receiver, context));
  },
  toSorted(node, context, receiver) {
    // The copy is made before the comparator is evaluated: only a comparator written in place
    // or named can be evaluated then without the difference showing.
    const [comparator] = node.arguments;
    if (comparator && !(ts.isIdentifier(comparator) || ts.isArrowFunction(comparator) || ts.isFunctionExpression(comparator))) {
      context.report(
        libraryDiagnostics.unsupportedArguments(node, "Array.toSorted with a comparator computed in the call (give it a name first)"),
      );
    }
    const copy = copyOf(receiver, context);
    const sorted = arrayCalls.sort!(node, context, copy);
    if (sorted !== copy) context.addPrecedingStatements(py.expressionStatement(sorted));
    return copy;
  },
  toSpliced(node, context, receiver) {
    return py.call(context.useHelper("arr_to_spliced"), [receiver, ...transformArgs(node, context)]);
  },
  with(node, context, receiver) {
    return py.call(context.useHelper("arr_with"), [receiver, ...transformArgs(node, context)]);
  },
  fill(node, context, receiver) {
    const made = filledNewArrayLength(node, context);
    if (made) return py.binOp(py.list([context.transformExpression(node.arguments[0]!)]), "*", asIndex(made, context));
    return py.call(context.useHelper("arr_fill"), [receiver, ...transformArgs(node, context)]);
  },
  flat(node, context, receiver) {
    return py.call(context.useHelper("arr_flat"), [receiver, ...transformArgs(node, context)]);
  },
  at(node, context, receiver) {
    return py.call(context.useHelper("js_at"), [receiver, ...transformArgs(node, context)]);
  },
  entries(_node, _context, receiver) {
    return py.call(py.name("enumerate"), [receiver]);
  },
  keys(_node, _context, receiver) {
    return py.call(py.name("range"), [py.call(py.name("len"), [receiver])]);
  },
  values(_node, _context, receiver) {
    return py.call(py.name("iter"), [receiver]);
  },
  toString: ((_node, context, receiver) => py.call(context.useHelper("js_str"), [receiver])) as CallMapping,
};

function reduce(fromEnd: boolean): CallMapping {
  return (node, context, receiver) => {
    const member = fromEnd ? "Array.reduceRight" : "Array.reduce";
    const { fn, arity } = callback(node, context, member, 4);
    const initial = node.arguments[1] ? [context.transformExpression(node.arguments[1])] : [];
    const keywords = fromEnd ? [{ name: "from_end", value: py.bool(true) }] : [];
    return py.call(context.useHelper("arr_reduce"), [receiver, fn, arity, ...initial], keywords);
  };
}

export const arrayProperties: PropertyMappings = {
  length: (_node, _context, receiver) => py.call(py.name("len"), [receiver]),
};

export const arrayStaticCalls: CallMappings = {
  isArray(node, context) {
    return py.call(py.name("isinstance"), [context.transformExpression(node.arguments[0]!), py.name("list")]);
  },
  from(node, context) {
    const [source, mapper] = node.arguments;
    if (!mapper) {
      if (source && ts.isObjectLiteralExpression(source))
        return py.call(context.useHelper("arr_from"), [context.transformExpression(source)]);
      return py.call(py.name("list"), [context.transformExpression(source!)]);
    }
    const arity = callbackArity(mapper, context, "Array.from", 2);
    const [items, fn, thisValue] = context.transformInOrder(node.arguments.slice(0, 3));
    return py.call(context.useHelper("arr_from"), [items!, bindCallback(mapper, fn!, thisValue, context), py.num(arity)]);
  },
  of(node, context) {
    return argumentList(transformArgs(node, context));
  },
};

/**
 * Whether `a.map(f)` (some, every, filter) may change `a` while it runs: the callback written
 * there, or a function of this module it names, mentions the array's variable or field. Python's
 * `map`/`filter` and comprehensions would then see elements pushed meanwhile, where JavaScript
 * stops at the length it started with (the helpers do too, arr_for_each).
 */
function mayChangeItsArray(node: ts.CallExpression, context: TransformationContext): boolean {
  let array: ts.Expression = (node.expression as ts.PropertyAccessExpression).expression;
  while (ts.isParenthesizedExpression(array) || ts.isNonNullExpression(array)) array = array.expression;
  const root = ts.isIdentifier(array) ? array : ts.isPropertyAccessExpression(array) ? array.name : undefined;
  const symbol = root && context.symbolOf(root);
  if (!symbol) return false;
  let callback: ts.Node | undefined = node.arguments[0];
  if (callback && ts.isIdentifier(callback)) {
    const declaration = context.symbolOf(callback)?.valueDeclaration;
    callback = declaration && declaration.getSourceFile() === node.getSourceFile() ? declaration : undefined;
    if (callback && ts.isVariableDeclaration(callback)) callback = callback.initializer;
  }
  if (!callback || !ts.isFunctionLike(callback)) return false;
  const mentions = (current: ts.Node): boolean =>
    (ts.isIdentifier(current) && context.symbolOf(current) === symbol) || (ts.forEachChild(current, mentions) ?? false);
  return ts.forEachChild(callback, mentions) ?? false;
}
