import type { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import type * as py from "../python-ast.js";

/** Maps `receiver.member(...)`; `receiver` is already transformed (unless it is a global like `console`). */
export type CallMapping = (node: ts.CallExpression, context: TransformationContext, receiver: py.Expression) => py.Expression;
export type CallMappings = Record<string, CallMapping>;

export type PropertyMapping = (node: ts.PropertyAccessExpression, context: TransformationContext, receiver: py.Expression) => py.Expression;
export type PropertyMappings = Record<string, PropertyMapping>;
