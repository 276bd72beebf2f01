import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { destructure, nativeUnpacking } from "./destructuring.js";
import { mayIterateAGenerator } from "../types.js";
import { attributeByKey, storeTo, transformAssignmentTarget } from "./assignment-target.js";

/**
 * `for (const x of iterable)`: arrays, strings, Uint8Array, Map (pairs), Set, and the
 * iterators of keys()/values()/entries() and generators are all Python iterables. A destructuring head
 * unpacks natively when the pairs have a known length (`for k, v in m`), otherwise it binds
 * from a loop temporary at the top of the body.
 */
export function transformForOfStatement(node: ts.ForOfStatement, context: TransformationContext): py.Statement[] {
  if (node.awaitModifier) {
    context.report(diagnostics.asyncGenerator(node));
    return [];
  }
  if (ts.isVariableDeclarationList(node.initializer) && node.initializer.flags & ts.NodeFlags.Using) {
    context.report(diagnostics.usingDeclaration(node.initializer));
    return [];
  }
  const iter = context.transformExpression(node.expression);
  let target: py.Expression;
  let prologue: py.Statement[] = [];
  const head = ts.isVariableDeclarationList(node.initializer)
    ? node.initializer.declarations[0]!.name
    : (node.initializer as ts.Expression);
  if (ts.isIdentifier(head)) {
    target = ts.isVariableDeclarationList(node.initializer) ? py.name(context.pythonName(head)) : context.transformExpression(head);
  } else if (ts.isArrayBindingPattern(head) || ts.isObjectBindingPattern(head)) {
    const native = nativeUnpacking(head, node.expression, context);
    if (native) {
      target = native;
    } else {
      target = context.temporary("item");
      prologue = destructure(head, target, elementNode(node), context);
    }
  } else if (ts.isArrayLiteralExpression(head) || ts.isObjectLiteralExpression(head)) {
    target = context.temporary("item");
    prologue = destructure(head, target, elementNode(node), context);
  } else {
    // `for (o.k of xs)`, `for (r["k"] of xs)`, `for (c[1] of xs)`: the target each item is stored into.
    const stored = transformAssignmentTarget(head, context, true, true);
    target = attributeByKey(stored) ? context.temporary("item") : stored;
    if (attributeByKey(stored)) prologue = [storeTo(stored, target)];
  }
  const body = context.withLoop({ beforeContinue: () => [] }, () => context.transformBlock(node.statement));
  if (!isGenerator(node.expression, context)) {
    if (!mayIterateAGenerator(node.expression, context)) return [{ kind: "For", target, iter, body: [...prologue, ...body] }];
    // An `Iterable<T>`, a class with a [Symbol.iterator]() generator, `any`…: the iterator the
    // loop takes may be a generator, closed when the loop is left early (js_close).
    const iterator = context.temporary("iterator");
    return [
      py.assign(iterator, py.call(py.name("iter"), [iter])),
      {
        kind: "Try",
        body: [{ kind: "For", target, iter: iterator, body: [...prologue, ...body] }],
        handlers: [],
        finalbody: [py.expressionStatement(py.call(context.useHelper("js_close"), [iterator]))],
      },
    ];
  }
  // A loop left early (break, return, a throw) closes the generator, as JavaScript calls its
  // return(): its `finally` blocks run, and next() is done from then on. A generator the loop
  // ran to its end is done already, and return() does nothing.
  const generator = iter.kind === "Name" ? iter : context.temporary("generator");
  return [
    ...(generator === iter ? [] : [py.assign(generator, iter)]),
    {
      kind: "Try",
      body: [{ kind: "For", target, iter: generator, body: [...prologue, ...body] }],
      handlers: [],
      finalbody: [py.expressionStatement(py.call(py.attribute(generator, "js_return")))],
    },
  ];
}

/** Whether the iterated value is a generator object (a JsGenerator, see function.ts). */
function isGenerator(node: ts.Expression, context: TransformationContext): boolean {
  const type = context.typeOf(node);
  return !type.isUnion() && type.getSymbol()?.getName() === "Generator";
}

/** The node whose type is an element's: the head's declaration (typed by the checker). */
function elementNode(node: ts.ForOfStatement): ts.Node {
  return ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0]! : node.initializer;
}
