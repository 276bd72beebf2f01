import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isWrittenTo } from "../builtins/arguments.js";
import { getterMethodName } from "../getter-methods.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { functionDefinition } from "./function.js";
import { superOf } from "./class-receivers.js";
import { capturedAssignments } from "../scope.js";
import { hasStaticsStoredApart } from "./static-names.js";

/**
 * Class getters and setters keep their functions under names of their own, `_get_<name>` and
 * `_set_<name>`, because MicroPython cannot reach a property's functions through the property
 * (no `fget`, no `__get__`, and `super().x` gives the property object itself): an instance
 * accessor is `x = property(_get_x, _set_x)` over them, so `super.x` calls them by name; a
 * static accessor is a pair of `@classmethod`s (MicroPython has no metaclasses for a
 * class-level property) that every `C.x` the checker resolves to it calls.
 */
export function setterMethodName(name: string): string {
  return `_set_${name}`;
}

function isStatic(member: ts.Node): boolean {
  return (
    ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false)
  );
}

function isAccessor(node: ts.Node): node is ts.AccessorDeclaration {
  return ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node);
}

/**
 * The definitions of the accessor named like `first` (static or not, as `first` is): its
 * getter, or one giving undefined as JavaScript reads a property that has only a setter; its
 * setter; and for an instance accessor the property over them.
 */
export function accessorDefinitions(
  owner: ts.ClassLikeDeclaration,
  first: ts.AccessorDeclaration,
  name: string,
  context: TransformationContext,
): py.Statement[] {
  const staticMember = isStatic(first);
  const pair = owner.members.filter(
    (member): member is ts.AccessorDeclaration =>
      isAccessor(member) &&
      member.body !== undefined &&
      isStatic(member) === staticMember &&
      member.name.getText() === first.name.getText(),
  );
  const getter = pair.find(ts.isGetAccessorDeclaration);
  const setter = pair.find(ts.isSetAccessorDeclaration);
  const receiver = staticMember ? "cls" : "self";
  const decorators = () => (staticMember ? [py.name("classmethod")] : []);
  const getName = getterMethodName(name);
  const setName = setterMethodName(name);
  for (const member of owner.members) {
    const memberName = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (memberName === getName || memberName === setName) {
      context.report(diagnostics.unsupportedClassMember(member, `Members named like the functions of the accessor '${name}'`));
    }
  }
  const statements: py.Statement[] = [
    getter
      ? py.at(
          functionDefinition(getName, getter, context, { leadingParameters: [receiver], decorators: decorators() }),
          context.positionOf(getter),
        )
      : {
          kind: "FunctionDef",
          name: getName,
          params: [{ name: receiver }],
          body: [py.returnStatement(py.none())],
          decorators: decorators(),
          isAsync: false,
        },
  ];
  if (setter) {
    statements.push(
      py.at(
        functionDefinition(setName, setter, context, { leadingParameters: [receiver], decorators: decorators() }),
        context.positionOf(setter),
      ),
    );
  }
  if (!staticMember) {
    const functions = setter ? [py.name(getName), py.name(setName)] : [py.name(getName)];
    // MicroPython will not compile `nonlocal x` in a method of a class whose body binds `x`
    // (CPython skips class scopes): a member assigning an outer `x` gets it through locals().
    const target = assignsOuter(owner, name, context) ? py.subscript(py.call(py.name("locals")), py.str(name)) : py.name(name);
    statements.push(py.assign(target, py.call(py.name("property"), functions)));
  }
  return statements;
}

/** Whether a member of the class assigns an enclosing function's variable of this Python name. */
function assignsOuter(owner: ts.ClassLikeDeclaration, name: string, context: TransformationContext): boolean {
  return owner.members.some(
    (member) => ts.isFunctionLike(member) && capturedAssignments(member as ts.SignatureDeclaration, context).nonlocal.includes(name),
  );
}

/**
 * A static accessor (`C.x`, `this.x` in a static member) or an accessor through `super`: read
 * by calling its getter; written (`=`, compound, `++`) through a `JsAccessors` view, a
 * subscript to the assignment forms. Other accessors are Python properties, read and written
 * as attributes.
 */
export function transformAccessorAccess(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression | undefined {
  const declarations = context.symbolOf(node.name)?.declarations ?? [];
  const accessors = declarations.filter((declaration) => isAccessor(declaration) && ts.isClassLike(declaration.parent));
  const throughSuper = node.expression.kind === ts.SyntaxKind.SuperKeyword;
  if (accessors.length > 0 && !accessors.some(ts.isGetAccessorDeclaration) && !isAssigned(node)) {
    context.report(diagnostics.setterOnlyRead(node, node.name.text));
    return py.none();
  }
  if (accessors.length === 0 || !(throughSuper || accessors.some(isStatic))) return undefined;
  if (ts.isDeleteExpression(node.parent)) {
    context.report(diagnostics.unsupportedSyntax(node.parent));
    return py.none();
  }
  const receiver = throughSuper ? superOf(node, context) : context.transformExpression(node.expression);
  const name = pythonSafeAttribute(node.name.text);
  if (isWrittenTo(node)) return py.subscript(py.call(context.useHelper("JsAccessors"), [receiver]), py.str(name));
  return py.call(py.attribute(receiver, getterMethodName(name)));
}

/** The target of a plain `=` (which reads nothing), not of `+=` or `++`. */
function isAssigned(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  return ts.isBinaryExpression(parent) && parent.left === current && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/**
 * A static accessor of a derived class replacing a static field or method of its base: reads
 * the checker resolves to the base's member (`this.x` in the base's static methods, a variable
 * typed as the base) would find the plain attribute, which a class-level property cannot
 * replace on MicroPython.
 */
export function reportReplacedStaticAccessors(
  owner: ts.ClassLikeDeclaration,
  base: ts.ExpressionWithTypeArguments | undefined,
  context: TransformationContext,
): void {
  for (const { member, inheritedAccessor } of replacedStatics(owner, base, context)) {
    if (!inheritedAccessor) context.report(diagnostics.staticAccessorOverridingField(member));
  }
}

/**
 * A static field or method of a derived class replacing a static accessor of its base: reads
 * and writes the checker resolves to the base's accessor call `_get_x`/`_set_x` on the class
 * they reach, so the derived class answers them from its own attribute (a subclass inheriting
 * it too, as JavaScript's constructors inherit a data property; a write stores on the class
 * written to, as JavaScript defines an own property there).
 */
export function replacedAccessorFunctions(
  owner: ts.ClassLikeDeclaration,
  base: ts.ExpressionWithTypeArguments | undefined,
  storedName: (member: ts.ClassElement) => string | undefined,
  context: TransformationContext,
): py.Statement[] {
  const statements: py.Statement[] = [];
  for (const { member, inheritedAccessor } of replacedStatics(owner, base, context)) {
    const name = inheritedAccessor && storedName(member);
    if (!name) continue;
    const accessorName = pythonSafeAttribute(member.name!.getText().replace(/^["']|["']$/g, ""));
    const attribute = py.attribute(py.name("cls"), name);
    statements.push(
      classMethod(getterMethodName(accessorName), [], [py.returnStatement(attribute)]),
      classMethod(setterMethodName(accessorName), ["value"], [py.assign(attribute, py.name("value"))]),
    );
  }
  return statements;
}

function classMethod(name: string, params: string[], body: py.Statement[]): py.FunctionDef {
  return {
    kind: "FunctionDef",
    name,
    params: [{ name: "cls" }, ...params.map((param) => ({ name: param }))],
    body,
    decorators: [py.name("classmethod")],
    isAsync: false,
  };
}

/** A derived class's statics named like a base class's static of the other kind (accessor or not). */
function replacedStatics(
  owner: ts.ClassLikeDeclaration,
  base: ts.ExpressionWithTypeArguments | undefined,
  context: TransformationContext,
): { member: ts.ClassElement; inheritedAccessor: boolean }[] {
  if (!base) return [];
  const baseClass = context.checker.getTypeAtLocation(base.expression);
  const replaced: { member: ts.ClassElement; inheritedAccessor: boolean }[] = [];
  const seen = new Set<string>();
  for (const member of owner.members) {
    if (!isStatic(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    const inherited = baseClass.getProperty(member.name.text);
    if (!inherited?.declarations?.length || seen.has(member.name.text)) continue;
    const inheritedAccessor = inherited.declarations.some(isAccessor);
    if (inheritedAccessor === isAccessor(member)) continue;
    seen.add(member.name.text);
    replaced.push({ member, inheritedAccessor });
  }
  return replaced;
}

/** Whether a class (its constructor value) has static accessors, its own or inherited. */
function hasStaticAccessors(classSymbol: ts.Symbol, context: TransformationContext): boolean {
  const constructorType = context.checker.getTypeOfSymbol(classSymbol);
  return constructorType
    .getProperties()
    .some(
      (property) => property.declarations?.some((declaration) => isAccessor(declaration) && ts.isClassLike(declaration.parent)) ?? false,
    );
}

/**
 * A class with static accessors (or `this` in its static members) used as a value other than
 * a receiver (`C.x`), a `new`, `extends`, `instanceof`, `typeof` or `===` operand: its static
 * accessors are functions called by name where the checker resolves them, so a holder typed
 * otherwise (`const b: { x: number } = C`) would read or write a plain attribute instead.
 */
export function reportEscapingClass(node: ts.Identifier | ts.ThisExpression, context: TransformationContext): void {
  let symbol = ts.isIdentifier(node) ? context.symbolOf(node) : undefined;
  if (ts.isIdentifier(node)) {
    if (!symbol) return;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
    if (!(symbol.flags & ts.SymbolFlags.Class)) return;
  } else {
    const classType = context.checker.getTypeAtLocation(node);
    symbol = classType.getSymbol();
    if (!symbol || !(symbol.flags & ts.SymbolFlags.Class) || !(classType.flags & ts.TypeFlags.Object)) return;
    // `this` in an instance member is an instance, not the class.
    if (context.checker.getTypeOfSymbol(symbol) !== classType) return;
  }
  if (isNamedOnly(node)) return;
  if (hasStaticAccessors(symbol, context)) context.report(diagnostics.classWithStaticAccessorsAsValue(node, node.getText()));
  else if (hasOwnHasInstance(symbol, context)) context.report(diagnostics.classWithHasInstanceAsValue(node, node.getText()));
  // `C["x"]` with a literal key is resolved as `C.x` is.
  else if (!isReadByLiteralKey(node) && hasStaticsStoredApart(symbol, context))
    context.report(diagnostics.classWithStaticsStoredApartAsValue(node, node.getText()));
}

/** Whether a class (its constructor value) has a static `[Symbol.hasInstance]` the program declares (has-instance.ts). */
function hasOwnHasInstance(classSymbol: ts.Symbol, context: TransformationContext): boolean {
  const member = context.checker
    .getTypeOfSymbol(classSymbol)
    .getProperties()
    .find((property) => property.getName().startsWith("__@hasInstance"));
  return member !== undefined && context.isDeclaredByUser(member);
}

function isReadByLiteralKey(node: ts.Expression): boolean {
  const parent = node.parent;
  return ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression);
}

function isNamedOnly(node: ts.Expression): boolean {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isNewExpression(parent)) return parent.expression === current;
  if (ts.isExpressionWithTypeArguments(parent) || ts.isTypeOfExpression(parent)) return true;
  if (!ts.isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  if (operator === ts.SyntaxKind.InstanceOfKeyword) return parent.right === current;
  return operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken;
}
