import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";

/**
 * Standard (ECMAScript, TypeScript 5) decorators on a class declaration and its methods, with
 * JavaScript's order: every decorator expression is evaluated first, top to bottom (the class's,
 * then its members' in source order), into temporaries ahead of the class; after the class
 * statement, static methods are decorated, then instance methods, then the class, each list
 * last written first (runtime js_decorate_method, js_decorate_accessor, js_decorate_class), and
 * instance fields' decorators give the functions each new instance's value passes through
 * (js_decorate_field). Static getter, setter and field decorators, `accessor` decorators and
 * decorators on class expressions are rejected by kind.
 */
export interface Decoration {
  /** The decorator expressions, evaluated before the class statement. */
  evaluate: py.Statement[];
  /** The calls that apply them, after the class statement. */
  apply: py.Statement[];
}

function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return (ts.canHaveDecorators(node) && ts.getDecorators(node)) || [];
}

function isStatic(member: ts.ClassElement): boolean {
  return (
    (ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) ?? false
  );
}

/** A decorator kind tsmp does not apply yet, named as the proposal names it. */
function unsupportedKind(member: ts.ClassElement): string | undefined {
  if (ts.isMethodDeclaration(member)) return undefined;
  if (ts.isGetAccessorDeclaration(member)) return isStatic(member) ? "Static getter" : undefined;
  if (ts.isSetAccessorDeclaration(member)) return isStatic(member) ? "Static setter" : undefined;
  if (!ts.isPropertyDeclaration(member)) return "Member";
  if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.AccessorKeyword)) return "Auto-accessor (`accessor`)";
  return isStatic(member) ? "Static field" : undefined;
}

/** A decorated instance field's initializer list (filled by js_decorate_field), for class.ts. */
const fieldInitializers = new WeakMap<ts.PropertyDeclaration, py.Name>();

/**
 * The value a decorated field starts with: its initializer's value (undefined without one)
 * passed through the functions its decorators returned (runtime js_field_init).
 */
export function decoratedFieldValue(member: ts.PropertyDeclaration, value: py.Expression, context: TransformationContext): py.Expression {
  const initializers = fieldInitializers.get(member);
  return initializers ? py.call(context.useHelper("js_field_init"), [py.name("self"), initializers, value]) : value;
}

export function isDecoratedField(member: ts.ClassElement): boolean {
  return ts.isPropertyDeclaration(member) && fieldInitializers.has(member);
}

/** Whether anything in the class is decorated. */
export function hasDecorators(node: ts.ClassLikeDeclaration): boolean {
  return [node, ...node.members].some((decorated) => decoratorsOf(decorated).length > 0);
}

/** Decorators on a class expression: not applied yet, so rejected rather than dropped. */
export function rejectDecorators(node: ts.ClassLikeDeclaration, context: TransformationContext): void {
  for (const decorated of [node, ...node.members]) {
    for (const decorator of decoratorsOf(decorated)) context.report(diagnostics.unsupportedDecorator(decorator, "Class expression"));
  }
}

/**
 * A decorator's expression, kept as it is when it names a function declaration (nothing can
 * rebind it in between), otherwise evaluated now into a temporary.
 */
function evaluated(decorator: ts.Decorator, evaluate: py.Statement[], context: TransformationContext): py.Expression {
  const { result, preceding } = context.collectPreceding(() => context.transformExpression(decorator.expression));
  evaluate.push(...preceding);
  const declaration = ts.isIdentifier(decorator.expression) ? context.symbolOf(decorator.expression)?.valueDeclaration : undefined;
  if (declaration && ts.isFunctionDeclaration(declaration)) return result;
  const temporary = context.temporary("decorator");
  evaluate.push(py.at(py.assign(temporary, result), context.positionOf(decorator)));
  return temporary;
}

/**
 * Whether the function a method, accessor or field decorator returns declares `this` (then the installed method
 * passes the instance as `this=`, see this-call.ts), false when it returns nothing; undefined
 * when its type does not say.
 */
function resultTakesThis(decorator: ts.Decorator, context: TransformationContext): boolean | undefined {
  const signature = context.checker.getResolvedSignature(decorator);
  if (!signature) return undefined;
  const returned = context.checker.getReturnTypeOfSignature(signature);
  if (returned.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return false;
  const signatures = context.checker.getSignaturesOfType(context.checker.getNonNullableType(returned), ts.SignatureKind.Call);
  if (signatures.length === 0) return undefined;
  const takesThis = signatures.map((each) => each.thisParameter !== undefined);
  return takesThis.every((each) => each === takesThis[0]) ? takesThis[0] : undefined;
}

export function decorateClass(node: ts.ClassDeclaration, className: string, jsName: string, context: TransformationContext): Decoration {
  const evaluate: py.Statement[] = [];
  const classDecorators = decoratorsOf(node).map((decorator) => evaluated(decorator, evaluate, context));
  // As TypeScript's emit: static methods' decorations first, then instance methods' and
  // accessors', then fields', each in source order.
  const staticMembers: py.Statement[] = [];
  const instanceMembers: py.Statement[] = [];
  const fields: py.Statement[] = [];
  for (const member of node.members) {
    const decorators = decoratorsOf(member);
    if (decorators.length === 0) continue;
    const kind = unsupportedKind(member);
    if (kind !== undefined) {
      for (const decorator of decorators) context.report(diagnostics.unsupportedDecorator(decorator, kind));
      continue;
    }
    const entries = decorators.map((decorator) => {
      const takesThis = resultTakesThis(decorator, context);
      if (takesThis === undefined) context.report(diagnostics.untypedMemberDecorator(decorator));
      return py.tuple([evaluated(decorator, evaluate, context), py.bool(takesThis ?? false)]);
    });
    if (!member.name || (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name))) continue; // reported by class.ts
    const name = member.name.text;
    let call: py.Expression;
    if (ts.isPropertyDeclaration(member)) {
      const initializers = context.temporary(`${name}_initializers`);
      evaluate.push(py.assign(initializers, py.list([])));
      fieldInitializers.set(member, initializers);
      call = py.call(context.useHelper("js_decorate_field"), [py.str(name), py.list(entries), initializers]);
    } else if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      call = py.call(context.useHelper("js_decorate_accessor"), [
        py.name(className),
        py.str(name),
        py.str(pythonSafeAttribute(name)),
        py.str(ts.isGetAccessorDeclaration(member) ? "getter" : "setter"),
        py.bool(
          node.members.some(
            (other) => ts.isSetAccessorDeclaration(other) && !isStatic(other) && other.name.getText() === member.name.getText(),
          ),
        ),
        py.list(entries),
      ]);
    } else {
      call = py.call(context.useHelper("js_decorate_method"), [
        py.name(className),
        py.str(name),
        py.str(pythonSafeAttribute(name)),
        py.bool(isStatic(member)),
        py.list(entries),
      ]);
    }
    (ts.isPropertyDeclaration(member) ? fields : isStatic(member) ? staticMembers : instanceMembers).push(
      py.at(py.expressionStatement(call), context.positionOf(member)),
    );
  }
  // JavaScript runs static fields after the decorators; a Python class body runs them before.
  if (node.members.some((member) => ts.isPropertyDeclaration(member) && isStatic(member) && member.initializer)) {
    context.report(diagnostics.unsupportedClassMember(node.name ?? node, "Static fields with initializers beside decorators"));
  }
  const apply = [...staticMembers, ...instanceMembers, ...fields];
  if (classDecorators.length > 0) {
    const call = py.call(context.useHelper("js_decorate_class"), [py.name(className), py.str(jsName), py.list(classDecorators)]);
    apply.push(py.at(py.assign(py.name(className), call), context.positionOf(node)));
  }
  return { evaluate, apply };
}
