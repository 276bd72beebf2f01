import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { isSymbolIterator, iteratorDefinition, pythonIteration } from "./symbol-iterator.js";
import { disposeMethodName, isSymbolDispose } from "./using.js";
import { functionDefinition, scopeDeclarations } from "./function.js";
import { rememberClassName } from "./class-names.js";
import { renamedClassName } from "../builtins/constructor-property.js";
import { accessorDefinitions, replacedAccessorFunctions, reportReplacedStaticAccessors } from "./class-accessors.js";
import { takesClass } from "./class-receivers.js";
import { hasInstanceMethodName, isSymbolHasInstance } from "./has-instance.js";
import { decorateClass, decoratedFieldValue, hasDecorators, isDecoratedField, rejectDecorators } from "./decorators.js";
import { isSetBeforeRead } from "./unset-fields.js";
import { isIdentifierName, numericName, writtenName } from "./member-names.js";
import { reportSharedNames, staticStorageName } from "./static-names.js";
import { getterMethodName, readsAllResolved, returnedField, usesGetterMethods } from "../getter-methods.js";

function isAbstract(member: ts.ClassElement): boolean {
  return (
    ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.AbstractKeyword) ?? false)
  );
}

function isStatic(member: ts.ClassElement): boolean {
  return (
    ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false)
  );
}

function memberName(member: ts.ClassElement, context: TransformationContext): string | undefined {
  const written = writtenName(member, context);
  if (written !== undefined && !isIdentifierName(written)) {
    context.report(diagnostics.nonIdentifierClassMember(member.name!, written));
    return undefined;
  }
  if (written !== undefined) return pythonSafeAttribute(written);
  if (member.name && ts.isPrivateIdentifier(member.name)) context.report(diagnostics.privateName(member.name));
  else if (member.name && numericName(member.name) !== undefined) context.report(diagnostics.numericClassMember(member.name));
  else context.report(diagnostics.unsupportedClassMember(member, "Computed member names other than a string constant (and on accessors)"));
  return undefined;
}

/**
 * The key of a field or method named by a number or by a string that is no identifier
 * (`1 = 4`, `"my-key"() {}`): Python cannot spell such an attribute, but stores and finds it
 * by its string (`setattr`, `getattr`, the class body's `locals()`), where `o[1]` and
 * `o["my-key"]` read it. Accessors and decorated members keep their rejections.
 */
function keyedMemberName(member: ts.ClassElement, context: TransformationContext): string | undefined {
  if (!member.name || !(ts.isPropertyDeclaration(member) || ts.isMethodDeclaration(member))) return undefined;
  if (ts.getDecorators(member)?.length) return undefined;
  const written = writtenName(member, context) ?? numericName(member.name);
  return written !== undefined && !isIdentifierName(written) ? written : undefined;
}

/**
 * A derived class's fields and parameter properties are defined when super(...) returns: a base
 * constructor calling a method this class overrides reads them as undefined in JavaScript, where
 * Python would have no attribute yet (AttributeError). A class attribute None answers until the
 * instance stores its own. Only in a class with instance methods or accessors (what a base
 * constructor could reach), and not for a name a static member of the class also has.
 */
function undefinedUntilSuperReturns(node: ts.ClassLikeDeclaration, context: TransformationContext): py.Statement[] {
  const reachable = node.members.some(
    (member) =>
      (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) && !isStatic(member),
  );
  if (!reachable) return [];
  const plainName = (member: ts.ClassElement) => {
    const written = writtenName(member, context);
    return written !== undefined && isIdentifierName(written) ? written : undefined;
  };
  const statics = new Set(node.members.filter(isStatic).map(plainName));
  const names: string[] = [];
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || isStatic(member) || isAbstract(member) || ts.getDecorators(member)?.length) continue;
    if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    const name = plainName(member);
    if (name !== undefined && !statics.has(name)) names.push(name);
  }
  const constructor = node.members.find(ts.isConstructorDeclaration);
  for (const parameter of constructor?.parameters ?? []) {
    if (
      ts.isIdentifier(parameter.name) &&
      ts.isParameterPropertyDeclaration(parameter, constructor!) &&
      !statics.has(parameter.name.text)
    ) {
      names.push(parameter.name.text);
    }
  }
  return [...new Set(names)].map((name) => py.assign(py.name(pythonSafeAttribute(name)), py.none()));
}

/** Whether a static initializer refers to the class being defined (by name or as `this`). */
function usesOwnClass(initializer: ts.Expression, node: ts.ClassLikeDeclaration, context: TransformationContext): boolean {
  const own = node.name ? context.symbolOf(node.name) : undefined;
  const visit = (child: ts.Node): boolean => {
    if (child.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (ts.isIdentifier(child) && own !== undefined && context.symbolOf(child) === own) return true;
    // Types are erased: `static all = new Map<string, C>()` does not run C.
    if (ts.isFunctionLike(child) || ts.isTypeNode(child)) return false;
    return ts.forEachChild(child, visit) ?? false;
  };
  return visit(initializer);
}

/**
 * A static initializer reading a name the class body also binds (`static a = 1; static b = a`,
 * `static tag = tag` in a function): JavaScript reads the variable outside the class, but a
 * Python class body looks such a name up among the class's own attributes first, and skips the
 * enclosing function's variables for it. Set after the class, the initializer reads the variable.
 */
function readsMemberName(initializer: ts.Expression, bound: ReadonlySet<string>, context: TransformationContext): boolean {
  const visit = (child: ts.Node): boolean => {
    if (ts.isIdentifier(child) && isReference(child) && (bound.has(child.text) || bound.has(context.pythonName(child)))) return true;
    // A function's body runs in a scope of its own, which sees the enclosing function's names.
    if (ts.isFunctionLike(child) || ts.isTypeNode(child)) return false;
    return ts.forEachChild(child, visit) ?? false;
  };
  return visit(initializer);
}

/** The names a class's members bind in its Python class body, as written and as stored. */
function memberNames(node: ts.ClassLikeDeclaration, context: TransformationContext): Set<string> {
  const bound = new Set<string>();
  for (const member of node.members) {
    if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    bound.add(member.name.text).add(pythonSafeAttribute(member.name.text));
    const stored = isStatic(member) ? staticStorageName(member, context) : undefined;
    if (stored) bound.add(stored);
  }
  return bound;
}

/** An identifier naming a variable, not a property (`o.name`, `{ name: 1 }`). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  return true;
}

/**
 * A class becomes a Python class: fields and parameter properties are assigned in
 * `__init__` (after `super().__init__` in a derived class, as in JS), static fields are
 * class attributes, static methods `@staticmethod` (`@classmethod` when they read `this`),
 * accessors as class-accessors.ts defines them.
 */
export function transformClassDeclaration(node: ts.ClassDeclaration, context: TransformationContext): py.Statement[] {
  if (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return [];
  // `export default class C` is `C`, bound as the module's `default` too; unnamed, it is `default`.
  const name = node.name ? context.pythonName(node.name) : "default";
  const decoration = hasDecorators(node) ? decorateClass(node, name, node.name?.text ?? "default", context) : undefined;
  const definition = classDefinition(node, name, context);
  const decorated = decoration ? [...decoration.evaluate, ...definition, ...decoration.apply] : definition;
  const isDefault = ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
  if (!isDefault || name === "default") return decorated;
  return [...decorated, py.assign(py.name("default"), py.name(name))];
}

/**
 * `class { … }` as a value: the class is defined just before the statement using it, under the
 * name of the variable it initialises when there is one (`const Shape = class {}` is `class
 * Shape:`, see statements.ts), otherwise under its own name or a temporary.
 */
export function transformClassExpression(node: ts.ClassExpression, context: TransformationContext): py.Expression {
  const parent = node.parent;
  const hint = ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : "Class";
  // A named class expression refers to itself by its name inside.
  const name = node.name
    ? py.name(context.pythonName(node.name))
    : context.temporary(/^[A-Za-z_][A-Za-z0-9_]*$/.test(hint) ? hint : "Class");
  const [definition, ...after] = classDefinition(node, name.id, context);
  context.addPrecedingStatements(py.at(definition!, context.positionOf(node)), ...after);
  return name;
}

/**
 * The class and what runs once it exists: JavaScript runs static fields and static blocks in
 * order once the class is built, with `this` the class. Python's class body runs before the
 * class exists, so from the first static element that needs the class (a static block, a
 * field initialised from the class) on, they run after the class statement, in order: a block
 * as a function called once (its variables stay its own), a field as an assignment to the class.
 */
export function classDefinition(node: ts.ClassLikeDeclaration, className: string, context: TransformationContext): py.Statement[] {
  const after: py.Statement[] = [];
  const definition = classBody(node, className, after, context);
  if (after.length > 0 && hasDecorators(node)) {
    context.report(diagnostics.staticInitializationInDecoratedClass(node));
  }
  return [definition, ...after];
}

function classBody(node: ts.ClassLikeDeclaration, className: string, after: py.Statement[], context: TransformationContext): py.ClassDef {
  rememberClassName(node, className);
  // A class declaration's decorators are applied by transformClassDeclaration.
  if (!ts.isClassDeclaration(node)) rejectDecorators(node, context);
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const bases = heritage ? [context.transformExpression(heritage.expression)] : [];
  const body: py.Statement[] = [];
  const fieldInitializers: py.Statement[] = [];
  reportSharedNames(node, context);
  reportReplacedStaticAccessors(node, heritage, context);
  let staticsAfter = false;
  // Computed once per class, only when a static field's initializer is checked against them.
  let boundNames: Set<string> | undefined;
  for (const member of node.members) {
    if (ts.isClassStaticBlockDeclaration(member)) {
      staticsAfter = true;
      after.push(...staticBlock(member, context));
      continue;
    }
    if (
      ts.isPropertyDeclaration(member) &&
      isStatic(member) &&
      (staticsAfter ||
        (member.initializer &&
          (usesOwnClass(member.initializer, node, context) ||
            readsMemberName(member.initializer, (boundNames ??= memberNames(node, context)), context))))
    ) {
      staticsAfter = true;
      after.push(...staticFieldAfterClass(member, className, context));
      continue;
    }
    if (ts.isPropertyDeclaration(member)) {
      const key = keyedMemberName(member, context);
      if (key !== undefined) {
        keyedField(member, key, node, body, fieldInitializers, context);
        continue;
      }
      const written = memberName(member, context);
      const name = written && (staticStorageName(member, context) ?? written);
      if (!name || ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) continue;
      if (!member.initializer) {
        // An abstract field is a declaration only. Any other exists from the start, undefined,
        // as JavaScript defines every field (unset-fields.ts).
        if (isAbstract(member)) continue;
        const self = py.attribute(py.name("self"), name);
        if (isDecoratedField(member)) {
          fieldInitializers.push(py.at(py.assign(self, decoratedFieldValue(member, py.none(), context)), context.positionOf(member)));
        } else if (isStatic(member)) {
          body.push(py.at(py.assign(py.name(name), py.none()), context.positionOf(member)));
        } else if (!isSetBeforeRead(member, node)) {
          fieldInitializers.push(py.at(py.assign(self, py.none()), context.positionOf(member)));
        }
        continue;
      }
      if (isStatic(member)) {
        body.push(py.at(py.assign(py.name(name), context.transformExpression(member.initializer)), context.positionOf(member)));
      } else {
        const { result, preceding } = context.collectPreceding(() => context.transformExpression(member.initializer!));
        const value = decoratedFieldValue(member, result, context);
        fieldInitializers.push(...preceding, py.at(py.assign(py.attribute(py.name("self"), name), value), context.positionOf(member)));
      }
    }
  }
  if (heritage) body.push(...undefinedUntilSuperReturns(node, context));
  const constructor = node.members.find(
    (member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && member.body !== undefined,
  );
  if (constructor) {
    body.push(
      py.at(constructorDefinition(constructor, fieldInitializers, heritage !== undefined, context), context.positionOf(constructor)),
    );
  } else if (fieldInitializers.length > 0) {
    // JS passes a derived class's constructor arguments to the base when it has no constructor.
    const init: py.FunctionDef = {
      kind: "FunctionDef",
      name: "__init__",
      params: heritage ? [{ name: "self" }, { name: "args", rest: true }] : [{ name: "self" }],
      body: [
        ...(heritage
          ? [
              py.expressionStatement(
                py.call(py.attribute(py.call(py.name("super")), "__init__"), [{ kind: "Starred", value: py.name("args") }]),
              ),
            ]
          : []),
        ...fieldInitializers,
      ],
      decorators: [],
      isAsync: false,
    };
    body.push(init);
  }
  const getterMethods = ts.isClassDeclaration(node) && usesGetterMethods(node);
  // Every read resolved: a getter that only returns a field is read as that field, and nothing
  // reaches the others by name.
  const resolved = getterMethods && readsAllResolved(node as ts.ClassDeclaration, context);
  const accessorsDefined = new Set<string>();
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isSemicolonClassElement(member)) continue;
    if (ts.isClassStaticBlockDeclaration(member)) continue;
    if (ts.isIndexSignatureDeclaration(member)) continue;
    if (ts.isMethodDeclaration(member)) {
      if (!member.body) continue;
      if (!isStatic(member) && isSymbolIterator(member.name, context)) {
        body.push(py.at(iteratorDefinition(member, "self", context), context.positionOf(member)), pythonIteration(context));
        continue;
      }
      if (!isStatic(member) && isSymbolDispose(member.name, context)) {
        const method = functionDefinition(disposeMethodName, member, context, { leadingParameters: ["self"] });
        body.push(py.at(method, context.positionOf(member)));
        continue;
      }
      if (isStatic(member) && isSymbolHasInstance(member.name, context)) {
        const method = takesClass(member)
          ? functionDefinition(hasInstanceMethodName, member, context, { leadingParameters: ["cls"], decorators: [py.name("classmethod")] })
          : functionDefinition(hasInstanceMethodName, member, context, { decorators: [py.name("staticmethod")] });
        body.push(py.at(method, context.positionOf(member)));
        continue;
      }
      const key = keyedMemberName(member, context);
      const written = key === undefined ? memberName(member, context) : context.temporary("_js_member").id;
      const name = written && (staticStorageName(member, context) ?? written);
      if (!name) continue;
      const method = takesClass(member)
        ? functionDefinition(name, member, context, { leadingParameters: ["cls"], decorators: [py.name("classmethod")] })
        : isStatic(member)
          ? functionDefinition(name, member, context, { decorators: [py.name("staticmethod")] })
          : functionDefinition(name, member, context, { leadingParameters: ["self"] });
      body.push(py.at(method, context.positionOf(member)));
      if (key !== undefined) body.push(py.assign(classNamespaceItem(key), py.name(name)), { kind: "Delete", targets: [py.name(name)] });
      continue;
    }
    if ((ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) && member.body) {
      const name = memberName(member, context);
      if (!name) continue;
      if (getterMethods) {
        if (resolved && ts.isGetAccessorDeclaration(member) && returnedField(member, context)) continue;
        body.push(
          py.at(functionDefinition(getterMethodName(name), member, context, { leadingParameters: ["self"] }), context.positionOf(member)),
        );
        continue;
      }
      const key = `${isStatic(member) ? "static " : ""}${member.name.getText()}`;
      if (accessorsDefined.has(key)) continue;
      accessorsDefined.add(key);
      body.push(...accessorDefinitions(node, member, name, context));
      continue;
    }
    if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) continue;
    context.report(diagnostics.unsupportedClassMember(member, "This kind of member"));
  }
  if (getterMethods && !resolved) body.push(getterDispatch(node, context));
  body.push(
    ...replacedAccessorFunctions(
      node,
      heritage,
      (member) => {
        const written = writtenName(member, context);
        if (written === undefined || !isIdentifierName(written)) return undefined;
        return staticStorageName(member, context) ?? pythonSafeAttribute(written);
      },
      context,
    ),
  );
  const jsName = renamedClassName(node, className);
  // Read by js_class_name, for `x.constructor.name`.
  if (jsName !== undefined) body.unshift(py.assign(py.name("_js_name"), py.str(jsName)));
  return { kind: "ClassDef", name: className, bases, body };
}

/** A static block: a function of its own (its declarations are its own), called once. */
function staticBlock(member: ts.ClassStaticBlockDeclaration, context: TransformationContext): py.Statement[] {
  const superUse = findSuper(member.body);
  if (superUse) context.report(diagnostics.superInStaticBlock(superUse));
  const statements = context.withoutLoops(() => context.transformStatements(member.body.statements));
  const body = statements.length > 0 ? [...scopeDeclarations(member, context), ...statements] : [];
  if (body.length === 0) return [];
  const name = context.temporary("_static_block");
  const definition: py.FunctionDef = { kind: "FunctionDef", name: name.id, params: [], body, decorators: [], isAsync: false };
  return [py.at(definition, context.positionOf(member)), py.expressionStatement(py.call(name))];
}

/** `super` in a static block, not in a function of its own. */
function findSuper(node: ts.Node): ts.Node | undefined {
  if (node.kind === ts.SyntaxKind.SuperKeyword) return node;
  if (ts.isFunctionLike(node) && !ts.isArrowFunction(node)) return undefined;
  return ts.forEachChild(node, findSuper);
}

/** A static field set once the class exists (after a static block, or initialised from the class). */
function staticFieldAfterClass(member: ts.PropertyDeclaration, className: string, context: TransformationContext): py.Statement[] {
  if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) || isAbstract(member)) return [];
  const key = keyedMemberName(member, context);
  const written = key === undefined ? memberName(member, context) : undefined;
  const name = written && (staticStorageName(member, context) ?? written);
  if (key === undefined && !name) return [];
  const { result, preceding } = member.initializer
    ? context.collectPreceding(() => context.transformExpression(member.initializer!))
    : { result: py.none() as py.Expression, preceding: [] };
  const store =
    key === undefined
      ? py.assign(py.attribute(py.name(className), name!), result)
      : py.expressionStatement(py.call(py.name("setattr"), [py.name(className), py.str(key), result]));
  return [...preceding, py.at(store, context.positionOf(member))];
}

/** The class body's own namespace, where an attribute Python cannot spell is stored by its key. */
function classNamespaceItem(key: string): py.Subscript {
  return py.subscript(py.call(py.name("locals")), py.str(key));
}

/** A field named by a key Python cannot spell: `setattr(self, "1", v)` in `__init__`, or the class namespace's item. */
function keyedField(
  member: ts.PropertyDeclaration,
  key: string,
  node: ts.ClassLikeDeclaration,
  body: py.Statement[],
  fieldInitializers: py.Statement[],
  context: TransformationContext,
): void {
  if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) || isAbstract(member)) return;
  if (isStatic(member)) {
    const value = member.initializer ? context.transformExpression(member.initializer) : py.none();
    body.push(py.at(py.assign(classNamespaceItem(key), value), context.positionOf(member)));
    return;
  }
  if (!member.initializer && isSetBeforeRead(member, node)) return;
  const { result, preceding } = member.initializer
    ? context.collectPreceding(() => context.transformExpression(member.initializer!))
    : { result: py.none() as py.Expression, preceding: [] };
  const store = py.expressionStatement(py.call(py.name("setattr"), [py.name("self"), py.str(key), result]));
  fieldInitializers.push(...preceding, py.at(store, context.positionOf(member)));
}

/** `__getattr__`, reached only for a missing attribute: the getters, by name, for reads tsmp could not resolve. */
function getterDispatch(node: ts.ClassLikeDeclaration, context: TransformationContext): py.FunctionDef {
  const cases: py.Statement[] = [];
  for (const member of node.members) {
    if (!ts.isGetAccessorDeclaration(member)) continue;
    const name = memberName(member, context);
    if (!name) continue;
    const read = py.call(py.attribute(py.name("self"), getterMethodName(name)));
    cases.push(py.ifStatement(py.compare(py.name("name"), "==", py.str(name)), [py.returnStatement(read)]));
  }
  return {
    kind: "FunctionDef",
    name: "__getattr__",
    params: [{ name: "self" }, { name: "name" }],
    body: [...cases, { kind: "Raise", exception: py.call(py.name("AttributeError"), [py.name("name")]) }],
    decorators: [],
    isAsync: false,
  };
}

function constructorDefinition(
  node: ts.ConstructorDeclaration,
  fieldInitializers: py.Statement[],
  derived: boolean,
  context: TransformationContext,
): py.FunctionDef {
  const parameterProperties = node.parameters
    .filter((parameter) => ts.isIdentifier(parameter.name) && ts.isParameterPropertyDeclaration(parameter, node))
    .map((parameter) => {
      const name = parameter.name as ts.Identifier;
      return py.assign(py.attribute(py.name("self"), pythonSafeAttribute(name.text)), py.name(context.pythonName(name)));
    });
  if (!derived) {
    // JavaScript initialises the fields before the parameters' defaults run, and a parameter
    // property once its default has (`constructor(public items: T[] = [])`).
    const definition = functionDefinition("__init__", node, context, { leadingParameters: ["self"], prologue: parameterProperties });
    definition.body.splice(leadingDeclarations(definition.body), 0, ...fieldInitializers);
    return definition;
  }
  const definition = functionDefinition("__init__", node, context, { leadingParameters: ["self"] });
  const initialization = [...parameterProperties, ...fieldInitializers];
  // In a derived class, JS initialises fields right after super(...) returns.
  const superIndex = definition.body.findIndex(isSuperCall);
  definition.body.splice(superIndex + 1, 0, ...initialization);
  return definition;
}

function leadingDeclarations(body: py.Statement[]): number {
  let index = 0;
  while (index < body.length && (body[index]!.kind === "Global" || body[index]!.kind === "Nonlocal")) index++;
  return index;
}

function isSuperCall(statement: py.Statement): boolean {
  if (statement.kind !== "ExpressionStatement" || statement.expression.kind !== "Call") return false;
  const func = statement.expression.func;
  return (
    func.kind === "Attribute" &&
    func.attr === "__init__" &&
    func.value.kind === "Call" &&
    func.value.func.kind === "Name" &&
    func.value.func.id === "super"
  );
}
