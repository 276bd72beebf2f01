import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isAnyLike, isErrorType, typeOf } from "../types.js";

/**
 * `catch (e)` is `except Exception as e`: like JS it catches what the program throws, and
 * like MicroPython it lets KeyboardInterrupt, SystemExit and task cancellation through.
 * A catch block that names `CancelledError` (`e instanceof asyncio.CancelledError`) means to
 * see cancellations, which derive from BaseException on MicroPython: it is
 * `except BaseException as e`. This is the Node shim's rule too (runtime-shim/runner/
 * node-semantics.ts), so a program catches the same things on both targets.
 */
export function transformTryStatement(node: ts.TryStatement, context: TransformationContext): py.Statement[] {
  const body = context.transformStatements(node.tryBlock.statements);
  const handlers: py.ExceptHandler[] = [];
  if (node.catchClause) {
    const variable = node.catchClause.variableDeclaration;
    let name: string | undefined;
    if (variable) {
      if (!ts.isIdentifier(variable.name)) context.report(diagnostics.catchBindingPattern(variable));
      else name = context.pythonName(variable.name);
    }
    const caught = namesCancelledError(node.catchClause.block) ? "BaseException" : "Exception";
    handlers.push({ type: py.name(caught), name, body: context.transformStatements(node.catchClause.block.statements) });
  }
  const finalbody = node.finallyBlock ? context.transformStatements(node.finallyBlock.statements) : [];
  return [{ kind: "Try", body, handlers, finalbody: finalbody.length === 0 && node.finallyBlock ? [py.pass()] : finalbody }];
}

function namesCancelledError(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && node.text === "CancelledError") return true;
  return ts.forEachChild(node, namesCancelledError) ?? false;
}

export function transformThrowStatement(node: ts.ThrowStatement, context: TransformationContext): py.Statement[] {
  const type = typeOf(context, node.expression);
  // Rethrowing a caught value (typed unknown/any) is fine: it is already an exception.
  if (!isErrorType(type) && !isAnyLike(type)) context.report(diagnostics.throwNonError(node.expression));
  return [{ kind: "Raise", exception: context.transformExpression(node.expression) }];
}
