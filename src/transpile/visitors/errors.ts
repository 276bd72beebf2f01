import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isErrorType, typeOf } from "../types.js";

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
    const block = context.transformStatements(node.catchClause.block.statements);
    // A thrown non-Error arrives wrapped (JsThrown): the catch block sees the value itself.
    const unwrap =
      name !== undefined && variable && isRead(variable, node.catchClause.block, context)
        ? [py.assign(py.name(name), py.call(context.useHelper("js_caught"), [py.name(name)]))]
        : [];
    handlers.push({ type: py.name(caught), name, body: [...unwrap, ...block] });
  }
  const finalbody = node.finallyBlock ? context.transformStatements(node.finallyBlock.statements) : [];
  return [{ kind: "Try", body, handlers, finalbody: finalbody.length === 0 && node.finallyBlock ? [py.pass()] : finalbody }];
}

function namesCancelledError(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && node.text === "CancelledError") return true;
  return ts.forEachChild(node, namesCancelledError) ?? false;
}

/** Whether the catch variable is read in the block (an unread one needs no unwrapping). */
function isRead(variable: ts.VariableDeclaration, block: ts.Block, context: TransformationContext): boolean {
  const symbol = context.checker.getSymbolAtLocation(variable.name);
  const visit = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && context.checker.getSymbolAtLocation(node) === symbol) || (ts.forEachChild(node, visit) ?? false);
  return symbol !== undefined && visit(block);
}

/**
 * `throw error` raises an Error as it is; any other value (`throw "bad"`, a caught value
 * rethrown) goes through js_throwable, which wraps a non-exception in JsThrown.
 */
export function transformThrowStatement(node: ts.ThrowStatement, context: TransformationContext): py.Statement[] {
  const type = typeOf(context, node.expression);
  const value = context.transformExpression(node.expression);
  if (isErrorType(type)) return [{ kind: "Raise", exception: value }];
  return [{ kind: "Raise", exception: py.call(context.useHelper("js_throwable"), [value]) }];
}
