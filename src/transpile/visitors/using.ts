import { ts } from "../typescript.js";
import { declaresUsing, type TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isWellKnownSymbol } from "../builtins/library.js";

/**
 * `using x = value` (explicit resource management): when the block ends, however it ends,
 * `value[Symbol.dispose]()` runs, last declared first. The block's statements from the first
 * `using` on become a `try` whose handler and `finally` dispose of what was declared
 * (js_dispose); each declaration records its value's `_js_dispose`, the Python name of a
 * `[Symbol.dispose]()` method of the program's classes and object literals (js_using).
 * A disposal that raises while the block raised too gives JavaScript's SuppressedError.
 */
export const disposeMethodName = "_js_dispose";

/** The list each `using` statement of a block records its value in. */
const stacks = new WeakMap<ts.VariableDeclarationList, py.Name>();

/** A block's statements from its first `using` statement on. */
export function usingBlock(statements: readonly ts.Statement[], context: TransformationContext): py.Statement[] {
  const stack = context.temporary("_js_using");
  for (const statement of statements) if (declaresUsing(statement)) stacks.set(statement.declarationList, stack);
  const body = statements.flatMap((statement) => context.transformStatement(statement));
  const error = context.temporary("_js_error");
  const dispose = context.useHelper("js_dispose");
  return [
    py.assign(stack, py.list([])),
    {
      kind: "Try",
      body,
      handlers: [{ type: py.name("BaseException"), name: error.id, body: [py.expressionStatement(py.call(dispose, [stack, error]))] }],
      finalbody: [py.expressionStatement(py.call(dispose, [stack]))],
    },
  ];
}

/** `using a = f(), b = g();`: each value, recorded for disposal, under its name. */
export function usingDeclarations(list: ts.VariableDeclarationList, context: TransformationContext): py.Statement[] {
  const stack = stacks.get(list);
  if (!stack || (list.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing) {
    // Directly in a `case`, TypeScript rejects it already (TS1547).
    if (!ts.isCaseOrDefaultClause(list.parent.parent)) context.report(diagnostics.usingDeclaration(list));
    return [];
  }
  return list.declarations.map((declaration) =>
    py.assign(
      py.name(context.pythonName(declaration.name as ts.Identifier)),
      py.call(context.useHelper("js_using"), [
        stack,
        declaration.initializer ? context.transformExpression(declaration.initializer) : py.none(),
      ]),
    ),
  );
}

/** `Symbol.dispose`, the library's, as a computed member name or an index. */
export function isSymbolDispose(name: ts.Node | undefined, context: TransformationContext): boolean {
  return isWellKnownSymbol(name, "dispose", context);
}

/** `o[Symbol.dispose]()`, `super[Symbol.dispose]()`: the object's `_js_dispose`, called. */
export function transformDisposeCall(node: ts.CallExpression, context: TransformationContext): py.Expression | undefined {
  const callee = node.expression;
  if (!ts.isElementAccessExpression(callee) || !isSymbolDispose(callee.argumentExpression, context)) return undefined;
  const receiver =
    callee.expression.kind === ts.SyntaxKind.SuperKeyword ? py.call(py.name("super")) : context.transformExpression(callee.expression);
  return py.call(py.attribute(receiver, disposeMethodName), []);
}
