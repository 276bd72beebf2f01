import { ts } from "ts-morph";
import type { TransformationContext } from "../context.js";
import { isIntegerValued } from "../integers.js";

/** Library members whose result is always an integer (a Python int) when they return a number. */
const integralResults = new Set(["floor", "ceil", "round", "trunc", "indexOf", "lastIndexOf", "findIndex", "findLastIndex", "size"]);

/**
 * Whether a number is provably a Python int, so it prints and formats natively. The core's
 * inference (integers.ts) decides for operators and variables; this adds the library calls
 * tsmp maps to int-returning Python.
 */
export function isIntegral(node: ts.Expression, context: TransformationContext): boolean {
  if (isIntegerValued(node, context)) return true;
  const target = ts.isCallExpression(node) ? node.expression : node;
  if (!ts.isPropertyAccessExpression(target) || !integralResults.has(target.name.text)) return false;
  const symbol = context.symbolOf(target.name);
  return symbol !== undefined && !context.isDeclaredByUser(symbol);
}
