import { ts } from "../typescript.js";

/**
 * A field declared without an initializer (`x?: number`, `y!: string`) exists from the start,
 * undefined, as JavaScript's class fields define it (ES2022, the target tsmp compiles and runs
 * against): reading it gives undefined, and `in` finds it. Python has no attribute until one
 * is stored, so the constructor stores None first, unless its own first statements assign the
 * field before anything could look at the object: `this.a = …` statements whose values do not
 * mention `this`, with no field initializer of the class mentioning `this` either (the object
 * cannot have been handed out before). That keeps the usual `constructor(v) { this.x = v; }`
 * free of a store JavaScript's own result does not need.
 */
export function isSetBeforeRead(field: ts.PropertyDeclaration, node: ts.ClassLikeDeclaration): boolean {
  const fieldName = nameText(field.name);
  if (fieldName === undefined) return false;
  const initializersUseThis = node.members.some(
    (member) => ts.isPropertyDeclaration(member) && member.initializer !== undefined && mentionsThis(member.initializer),
  );
  if (initializersUseThis) return false;
  const constructor = node.members.find(
    (member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined,
  );
  const statements = constructor?.body?.statements ?? [];
  // In a derived class, fields are defined when super(...) returns.
  const superIndex = statements.findIndex(isSuperCallStatement);
  for (const statement of statements.slice(superIndex + 1)) {
    const assigned = thisFieldAssignment(statement);
    if (!assigned || mentionsThis(assigned.value)) return false;
    if (assigned.name === fieldName) return true;
  }
  return false;
}

function nameText(name: ts.PropertyName | ts.MemberName): string | undefined {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** `this.name = value;` */
function thisFieldAssignment(statement: ts.Statement): { name: string | undefined; value: ts.Expression } | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = statement.expression;
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = expression.left;
  if (!ts.isPropertyAccessExpression(target) || target.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  return { name: nameText(target.name), value: expression.right };
}

function isSuperCallStatement(statement: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(statement) &&
    ts.isCallExpression(statement.expression) &&
    statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword
  );
}

function mentionsThis(node: ts.Node): boolean {
  if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
  return ts.forEachChild(node, mentionsThis) ?? false;
}
