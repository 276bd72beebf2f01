import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";

/** An enum is a class of constants: `Color.Red` reads the same in Python. */
export function transformEnumDeclaration(node: ts.EnumDeclaration, context: TransformationContext): py.Statement[] {
  if (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  const body: py.Statement[] = [];
  for (const member of node.members) {
    const value = context.checker.getConstantValue(member);
    if (value === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
      context.report(diagnostics.computedEnumMember(member));
      continue;
    }
    const pythonValue = typeof value === "string" ? py.str(value) : py.num(value);
    body.push(py.at(py.assign(py.name(pythonSafeAttribute(member.name.text)), pythonValue), context.positionOf(member)));
  }
  return [{ kind: "ClassDef", name: context.pythonName(node.name), bases: [], body }];
}
