import type { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { isAnyLike } from "../types.js";
import { elementAsNumber } from "../element-bounds.js";

/**
 * An operand typed any or unknown of an arithmetic or bitwise operator (`- * / % ** ~ | & ^ << >> >>>`,
 * their compound forms, `++` and `--`), converted as JavaScript's ToNumber converts
 * it: Python's operators take numbers only (`"3" * 2` would repeat the text, `undefined - 1`
 * raise). Operands typed number stay native, but for an element that may be past the end:
 * NaN there, as undefined is to arithmetic.
 */
export function asNumber(node: ts.Expression, value: py.Expression, context: TransformationContext): py.Expression {
  return isAnyLike(context.classifiedTypeOf(node)) ? py.call(context.useHelper("to_num"), [value]) : elementAsNumber(node, value, context);
}
