import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isArrayType, isNumberType, isPromiseType, isRecordType, typeOf } from "../types.js";
import { propertyKeyText } from "./access.js";
import { producesJsPromise, startDroppedCall } from "../builtins/promise.js";
import { skipParentheses } from "./transparent.js";
import { recordKey } from "../builtins/arguments.js";

/** `typeof x`: the JavaScript type name, computed at run time by js_typeof (null is "object"). */
export function transformTypeOfExpression(node: ts.TypeOfExpression, context: TransformationContext): py.Expression {
  return py.call(context.useHelper("js_typeof"), [context.transformExpression(node.expression)]);
}

/** `delete o.k` / `delete o[k]`: removes the property; true even when it was absent. */
export function transformDeleteExpression(node: ts.DeleteExpression, context: TransformationContext): py.Expression {
  const target = node.expression;
  let receiver: ts.Expression;
  let key: py.Expression;
  if (ts.isPropertyAccessExpression(target)) {
    receiver = target.expression;
    key = py.str(target.name.text);
  } else if (ts.isElementAccessExpression(target)) {
    receiver = target.expression;
    if (isArrayType(context, typeOf(context, receiver))) {
      context.report(diagnostics.arrayElementDelete(node));
      return py.none();
    }
    key = context.transformExpression(target.argumentExpression);
  } else {
    context.report(diagnostics.unsupportedSyntax(node));
    return py.none();
  }
  const object = context.transformExpression(receiver);
  if (ts.isElementAccessExpression(target) && isRecordType(context, typeOf(context, receiver))) {
    key = recordKey(target.argumentExpression, key, context);
  } else if (ts.isElementAccessExpression(target) && isNumberType(typeOf(context, target.argumentExpression))) {
    key = propertyKeyText(target.argumentExpression, key, context);
  }
  if (isRecordType(context, typeOf(context, receiver)) && ts.isExpressionStatement(node.parent)) {
    return py.call(py.attribute(object, "pop"), [key, py.none()]);
  }
  return py.call(context.useHelper("obj_delete"), [object, key]);
}

/** `void expr`: the operand runs for its effects (a statement of its own); the value is undefined. */
export function transformVoidExpression(node: ts.VoidExpression, context: TransformationContext): py.Expression {
  // `void run()` of an async function: JavaScript runs it up to its first await there and then.
  const discarded = skipParentheses(node.expression);
  let operand = context.transformExpression(node.expression);
  if (ts.isCallExpression(discarded) && isPromiseType(typeOf(context, discarded)) && !producesJsPromise(discarded, context)) {
    operand = startDroppedCall(discarded, operand, context);
  }
  if (operand.kind !== "Constant" && operand.kind !== "Name") context.addPrecedingStatements(py.expressionStatement(operand));
  return py.none();
}
