import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { nullishTest } from "../nullish.js";
import { superOf } from "./class-receivers.js";
import { memberAttribute } from "./static-names.js";

type ChainLink = ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression;

function isChainLink(node: ts.Node): node is ChainLink {
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node);
}

/**
 * `a?.b.c(…)`: when `a` is null or undefined the whole chain is undefined, else it is `a.b.c(…)`.
 * Becomes `None if a is None else a.b.c(…)` (the base kept in a temporary when it is not a
 * plain name). Each `?.` of a chain is lowered this way, innermost first; the visitors for
 * property access, element access and calls ask here before anything else.
 */
export function transformOptionalChain(node: ChainLink, context: TransformationContext): py.Expression | undefined {
  if (!(node.flags & ts.NodeFlags.OptionalChain)) return undefined;
  let question: ChainLink | undefined;
  for (
    let current: ts.Expression = node;
    isChainLink(current) && current.flags & ts.NodeFlags.OptionalChain;
    current = current.expression
  ) {
    if (current.questionDotToken && !context.isLoweredOptional(current)) question = current;
  }
  if (!question) return undefined;
  const base = question.expression;
  const value = superMethod(base, context) ?? context.transformExpression(base);
  const simple = value.kind === "Name";
  const temporary = simple ? value : context.temporary("value");
  const test = nullishTest(context, base, simple ? value : py.namedExpr(temporary, value), false, temporary);
  const rest = context.withLoweredOptional(question, base, temporary, () => context.transformExpression(node));
  return py.ifExp(test, py.none(), rest);
}

/**
 * `super.m?.()`: the base class's method, or undefined when it has none (`super.m` alone is
 * TSMP1014; as an optional call's callee it is only looked up, then called as `super.m()`).
 */
function superMethod(node: ts.Expression, context: TransformationContext): py.Expression | undefined {
  if (!ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.SuperKeyword) return undefined;
  const parent = node.parent;
  if (!ts.isCallExpression(parent) || parent.expression !== node || !parent.questionDotToken) return undefined;
  const declarations = context.symbolOf(node.name)?.declarations ?? [];
  if (!declarations.every((declaration) => ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))) return undefined;
  const name = memberAttribute(node.name, node.name.text, context);
  return py.call(py.name("getattr"), [superOf(node, context), py.str(name), py.none()]);
}
