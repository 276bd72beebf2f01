import type { ts } from "../typescript.js";
import type * as py from "../python-ast.js";
import type { TransformationContext } from "../context.js";
import { regExpValue } from "../builtins/regexp.js";

/** `/pattern/flags`: a new JsRegExp each time it is evaluated, as in JavaScript (its lastIndex is its own). */
export function transformRegularExpressionLiteral(node: ts.RegularExpressionLiteral, context: TransformationContext): py.Expression {
  const slash = node.text.lastIndexOf("/");
  return regExpValue(node, node.text.slice(1, slash), node.text.slice(slash + 1), context);
}
