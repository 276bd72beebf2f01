import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { enumMemberName } from "../builtins/enum-object.js";
import { isIdentifierName } from "./member-names.js";

/** An enum is a class of constants: `Color.Red` reads the same in Python. */
export function transformEnumDeclaration(node: ts.EnumDeclaration, context: TransformationContext): py.Statement[] {
  if (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  const body: py.Statement[] = [];
  for (const member of node.members) {
    const value = context.checker.getConstantValue(member);
    const name = enumMemberName(member);
    if (value === undefined || name === undefined) {
      context.report(diagnostics.computedEnumMember(member));
      continue;
    }
    const pythonValue = typeof value === "string" ? py.str(value) : py.num(value);
    // A name Python cannot spell (`"my key"`) is stored by its string, read as `E["my key"]` by getattr.
    const target = isIdentifierName(name) ? py.name(pythonSafeAttribute(name)) : py.subscript(py.call(py.name("locals")), py.str(name));
    body.push(py.at(py.assign(target, pythonValue), context.positionOf(member)));
  }
  return [{ kind: "ClassDef", name: context.pythonName(node.name), bases: [], body }];
}
