import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { readsArguments } from "./scope.js";

/**
 * Getters as plain methods. MicroPython flags a class holding any `property` as having special
 * accessors, and from then on every attribute read or write on its instances (`self.head = …`,
 * `ring.put(…)`) first searches the class for a descriptor: about 1.6× slower on the unix port
 * for a ring buffer with one `get length()`. A class whose accessors are all getters, that
 * extends nothing and that nothing can extend (not exported, not extended in its module),
 * defines each getter as a method `_get_<name>`: a read the checker resolves to it calls the
 * method, and any other read (through `any`, an interface, `getattr`) reaches it through the
 * class's `__getattr__`, which Python consults only when an attribute is missing.
 */
export function usesGetterMethods(owner: ts.ClassDeclaration): boolean {
  const accessors = owner.members.filter((member) => ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member));
  if (accessors.length === 0 || accessors.some((member) => !ts.isGetAccessorDeclaration(member) || isStatic(member))) return false;
  if (owner.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) return false;
  // A decorator may replace a getter after the class is made: its reads must go through a property.
  if (owner.members.some((member) => ts.canHaveDecorators(member) && ts.getDecorators(member)?.length)) return false;
  const taken = new Set(owner.members.map((member) => member.name?.getText()));
  if (accessors.some((member) => taken.has(getterMethodName(member.name.getText())))) return false;
  return isFinalClass(owner);
}

/** The method a getter becomes: `_get_length`. */
export function getterMethodName(name: string): string {
  return `_get_${name}`;
}

/** The getter a property read resolves to, when its class defines getters as methods. */
export function getterMethodOf(declaration: ts.Declaration | undefined): ts.GetAccessorDeclaration | undefined {
  if (!declaration || !ts.isGetAccessorDeclaration(declaration) || !ts.isClassDeclaration(declaration.parent)) return undefined;
  return usesGetterMethods(declaration.parent) && ts.isIdentifier(declaration.name) ? declaration : undefined;
}

/** `get length() { return this.size; }`: the field (of its own class, not an accessor) the getter only returns. */
export function returnedField(getter: ts.GetAccessorDeclaration, context: TransformationContext): string | undefined {
  const statements = getter.body?.statements ?? [];
  const only = statements.length === 1 ? statements[0] : undefined;
  if (!only || !ts.isReturnStatement(only) || !only.expression || !ts.isPropertyAccessExpression(only.expression)) return undefined;
  const read = only.expression;
  if (read.expression.kind !== ts.SyntaxKind.ThisKeyword || !ts.isIdentifier(read.name)) return undefined;
  const declaration = context.symbolOf(read.name)?.valueDeclaration;
  return declaration &&
    ts.isPropertyDeclaration(declaration) &&
    declaration.parent === getter.parent &&
    !hasModifier(declaration, ts.SyntaxKind.StaticKeyword)
    ? read.name.text
    : undefined;
}

/**
 * A class no other module can extend and that nothing in its module extends: it is not
 * exported, and no `extends` clause (or export) in its module names it.
 */
export function isFinalClass(owner: ts.ClassDeclaration): boolean {
  if (!owner.name || hasModifier(owner, ts.SyntaxKind.ExportKeyword) || hasModifier(owner, ts.SyntaxKind.DefaultKeyword)) return false;
  const name = owner.name.text;
  let named = false;
  const visit = (node: ts.Node): void => {
    if (named) return;
    if (ts.isHeritageClause(node) || ts.isExportSpecifier(node) || ts.isExportAssignment(node)) {
      if (node.getText().includes(name)) named = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner.getSourceFile());
  return !named;
}

function isStatic(member: ts.ClassElement): boolean {
  return hasModifier(member, ts.SyntaxKind.StaticKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/**
 * Whether every getter read on an instance of this class is one tsmp resolves (a `.name` on a
 * value typed as the class), so the class needs no `__getattr__`, nor a `_get_<name>` method for
 * a getter that only returns a field (each read is that field). True when no instance is ever
 * seen with another type: each expression of the class's type is read a member of, compared,
 * tested, or handed, typed as the class, to a variable, private-to-the-module field, parameter
 * or return of this module; anything else (an `any` or interface parameter, an array or object
 * literal, `as`, a template, an exported holder) lets an instance out. The dispatch costs about
 * 1 KiB of heap on the unix port for a ring buffer with one getter.
 */
export function readsAllResolved(owner: ts.ClassDeclaration, context: TransformationContext): boolean {
  const table = resolvedReads.get(context.checker) ?? new Map<ts.ClassDeclaration, boolean>();
  resolvedReads.set(context.checker, table);
  let decision = table.get(owner);
  if (decision === undefined) {
    decision = instancesStayTyped(owner, context);
    table.set(owner, decision);
  }
  return decision;
}

const resolvedReads = new WeakMap<ts.TypeChecker, Map<ts.ClassDeclaration, boolean>>();

// Expressions that can give a value: the ones whose type is looked at.
const valueKinds = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.AwaitExpression,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.YieldExpression,
]);

// Uses that only look at a value: compared, tested, discarded.
const lookingOperators = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.CommaToken,
]);

function instancesStayTyped(owner: ts.ClassDeclaration, context: TransformationContext): boolean {
  const classSymbol = owner.name && context.symbolOf(owner.name);
  if (!classSymbol) return false;
  // The class (any instantiation of a generic one, and the class itself, `typeof Ring`: an
  // instance made from it elsewhere is read by name too), `this` in it, or a type parameter
  // bound to it.
  const isInstance = (type: ts.Type): boolean => {
    if (type.getSymbol() === classSymbol) return true;
    const constraint = type.isTypeParameter() ? context.checker.getBaseConstraintOfType(type) : undefined;
    return constraint !== undefined && constraint !== type && constraint.getSymbol() === classSymbol;
  };
  const mentions = (type: ts.Type) => isInstance(type) || (type.isUnion() && type.types.some(isInstance));
  // The class's own type, possibly null or undefined: a holder that keeps instances typed.
  const isExactly = (type: ts.Type) =>
    isInstance(type) ||
    (type.isUnion() && type.types.some(isInstance) && type.types.every((part) => isInstance(part) || (part.flags & nothing) !== 0));
  const holderKeepsType = (declaration: ts.Node | undefined): boolean => {
    if (!declaration || declaration.getSourceFile() !== owner.getSourceFile()) return false;
    if (ts.isVariableDeclaration(declaration)) {
      const statement = declaration.parent.parent;
      if (!ts.isIdentifier(declaration.name) || (ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)))
        return false;
    } else if (ts.isPropertyDeclaration(declaration)) {
      if (!ts.isClassDeclaration(declaration.parent) || !isFinalClass(declaration.parent)) return false;
    } else if (!ts.isParameter(declaration)) return false;
    return isExactly(context.checker.getTypeAtLocation(declaration.name));
  };
  // `this` in the class's own members (an arrow function keeps its member's `this`).
  const ownsThis = (node: ts.Node) => {
    let container = node.parent;
    while (container && (ts.isArrowFunction(container) || !(ts.isFunctionLike(container) || ts.isPropertyDeclaration(container))))
      container = container.parent;
    return container?.parent === owner;
  };
  const staysTyped = (node: ts.Node): boolean => {
    const parent = node.parent;
    // `{ ring }`, `export { ring }`: out under a name of its own.
    if (ts.isShorthandPropertyAssignment(parent) || ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) return false;
    if ((parent as { name?: ts.Node }).name === node) return true;
    if (ts.isPropertyAccessExpression(parent)) return parent.expression === node && !parent.questionDotToken;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isConditionalExpression(parent)) return true;
    if (ts.isAwaitExpression(parent) || ts.isExpressionStatement(parent)) return true;
    if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isForStatement(parent)) return true;
    if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
    if (ts.isTypeOfExpression(parent)) return true;
    if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (lookingOperators.has(operator)) return true;
      if (operator !== ts.SyntaxKind.EqualsToken) return false;
      if (parent.left === node) return true;
      const target = parent.left;
      if (ts.isIdentifier(target)) return holderKeepsType(context.symbolOf(target)?.valueDeclaration);
      return ts.isPropertyAccessExpression(target) && holderKeepsType(context.symbolOf(target.name)?.valueDeclaration);
    }
    if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) return holderKeepsType(parent);
    // `new Ring()`: the class itself, called where it is named.
    if (ts.isNewExpression(parent) && parent.expression === node) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) {
      const index = parent.arguments?.indexOf(node as ts.Expression) ?? -1;
      if (index < 0 || parent.arguments!.slice(0, index + 1).some(ts.isSpreadElement)) return false;
      const target = context.checker.getResolvedSignature(parent)?.getDeclaration();
      // A body reading `arguments` hands its parameters out untyped.
      if (!target || !isFinalCallable(target) || readsArguments(target.body!)) return false;
      const parameter = target.parameters[index];
      return parameter !== undefined && !parameter.dotDotDotToken && holderKeepsType(parameter);
    }
    if (ts.isReturnStatement(parent)) {
      let fn: ts.Node | undefined = parent;
      while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
      if (!fn || !isFinalCallable(fn) || fn.asteriskToken || hasModifier(fn, ts.SyntaxKind.AsyncKeyword)) return false;
      if (ts.isFunctionDeclaration(fn) && (hasModifier(fn, ts.SyntaxKind.ExportKeyword) || !fn.name)) return false;
      const signature = context.checker.getSignatureFromDeclaration(fn);
      return signature !== undefined && isExactly(context.checker.getReturnTypeOfSignature(signature));
    }
    return false;
  };
  let escapes = false;
  const visit = (node: ts.Node): void => {
    if (escapes || ts.isTypeNode(node)) return;
    if (valueKinds.has(node.kind)) {
      const ofClass = node.kind === ts.SyntaxKind.ThisKeyword ? ownsThis(node) : mentions(context.typeOf(node));
      if (ofClass && !staysTyped(node)) escapes = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner.getSourceFile());
  return !escapes;
}

const nothing = ts.TypeFlags.Null | ts.TypeFlags.Undefined;

/**
 * A function of this module whose parameters and returns no other code can see through another
 * declaration: a function declaration, or a method, getter or constructor of a final class.
 */
function isFinalCallable(
  node: ts.Node,
): node is ts.FunctionDeclaration | ts.MethodDeclaration | ts.GetAccessorDeclaration | ts.ConstructorDeclaration {
  if (ts.isFunctionDeclaration(node)) return node.body !== undefined;
  if (!ts.isMethodDeclaration(node) && !ts.isGetAccessorDeclaration(node) && !ts.isConstructorDeclaration(node)) return false;
  return node.body !== undefined && ts.isClassDeclaration(node.parent) && isFinalClass(node.parent);
}
