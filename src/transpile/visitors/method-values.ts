import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { isWrittenTo } from "../builtins/arguments.js";
import { readsReceiver } from "./class-receivers.js";
import { surplusArity } from "./surplus-arguments.js";

/**
 * `c.m` of a class method that reads no `this`, used as a value (stored, passed, compared):
 * JavaScript gives the class's one function, so `c.m === d.m` and `[c.m].includes(c.m)` hold,
 * where a Python bound method is a new object at each read. `js_method` gives one callable per
 * class function instead. Methods that read `this` are rejected there (TSMP1142); decorated
 * methods (whose value the decorator chose) stay bound methods.
 */
export function classMethodValue(
  node: ts.PropertyAccessExpression,
  member: ts.Symbol | undefined,
  receiver: py.Expression,
  context: TransformationContext,
): py.Expression | undefined {
  const declarations = member?.declarations ?? [];
  if (declarations.length === 0 || !member || !context.isDeclaredByUser(member)) return undefined;
  const plain = (declaration: ts.Declaration) =>
    ts.isMethodDeclaration(declaration) &&
    ts.isClassLike(declaration.parent) &&
    !ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) &&
    !ts.getDecorators(declaration)?.length &&
    !readsReceiver(declaration);
  if (!declarations.every(plain) || !isValueUse(node) || isWrittenTo(node)) return undefined;
  const name = pythonSafeAttribute(node.name.text);
  const arity = surplusArity(node, declarations, context);
  const jsName = name === node.name.text ? [] : [py.str(node.name.text)];
  const args = [receiver, py.str(name), ...(arity === undefined ? jsName : [jsName[0] ?? py.none(), py.num(arity)])];
  return py.call(context.useHelper("js_method"), args);
}

/**
 * A static method read as a value where more arguments may be passed than it declares
 * (`each(xs, Fmt.twice)`): the surplus is dropped (`js_arity`), as JavaScript ignores it.
 */
export function staticMethodValue(
  node: ts.PropertyAccessExpression,
  member: ts.Symbol | undefined,
  value: py.Expression,
  context: TransformationContext,
): py.Expression {
  const declarations = member?.declarations ?? [];
  if (declarations.length === 0 || !member || !context.isDeclaredByUser(member)) return value;
  const isStaticMethod = (declaration: ts.Declaration) =>
    ts.isMethodDeclaration(declaration) &&
    ts.isClassLike(declaration.parent) &&
    (ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false) &&
    !ts.getDecorators(declaration)?.length;
  if (!declarations.every(isStaticMethod) || !isValueUse(node) || isWrittenTo(node)) return value;
  const arity = surplusArity(node, declarations, context);
  return arity === undefined ? value : py.call(context.useHelper("js_arity"), [value, py.num(arity)]);
}

/** Not called (`c.m()`), looked at (`typeof c.m`), or read further (`c.m.name`, `c.m.call(t)`). */
function isValueUse(node: ts.PropertyAccessExpression): boolean {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === current) return false;
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === current) return false;
  return (
    !ts.isTypeOfExpression(parent) &&
    !ts.isDeleteExpression(parent) &&
    !(ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent))
  );
}
