import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";

/**
 * The name a member is written with: an identifier, a string literal, or a computed name whose
 * value the build knows and reading which runs no code (`["key"]`, `[KEY]` with `const KEY =
 * "key"`: a string literal type). Only for fields and methods (accessors pair up by name).
 */
export function writtenName(member: ts.ClassElement, context: TransformationContext): string | undefined {
  const name = member.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (!ts.isComputedPropertyName(name) || !(ts.isPropertyDeclaration(member) || ts.isMethodDeclaration(member))) return undefined;
  const key = name.expression;
  if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return key.text;
  if (!ts.isIdentifier(key)) return undefined;
  const type = context.checker.getTypeAtLocation(key);
  return type.isStringLiteral() ? type.value : undefined;
}

export function isIdentifierName(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name);
}

/** `1`, `[2]`, `0x10`: the property key a number names ("1", "2", "16"). */
export function numericName(name: ts.PropertyName): string | undefined {
  const literal = ts.isComputedPropertyName(name) ? name.expression : name;
  return ts.isNumericLiteral(literal) ? String(Number(literal.text)) : undefined;
}
