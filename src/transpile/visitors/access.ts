import { ts } from "../typescript.js";
import { ownIteratorMethod } from "./symbol-iterator.js";
import { getterMethodName, getterMethodOf, returnedField } from "../getter-methods.js";
import { transformBuiltinProperty } from "../builtins/index.js";
import type { TransformationContext } from "../context.js";
import { asString } from "../conversions.js";
import * as diagnostics from "../diagnostics.js";
import { isWrittenTo, recordKey } from "../builtins/arguments.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute, pythonSafeName } from "../reserved-names.js";
import { enumForwardLookup, enumObject, enumProperties, enumReverseLookup, enumUsedAsValue } from "../builtins/enum-object.js";
import { isTypedArrayName } from "../typed-array-names.js";
import { transformDynamicElement, transformDynamicProperty } from "./dynamic-access.js";
import { transformOptionalChain } from "./optional-chain.js";
import { transformAccessorAccess } from "./class-accessors.js";
import { isFunctionProperty } from "./function-properties.js";
import { reportDetachedMethod } from "./object-literal.js";
import { classMethodValue, staticMethodValue } from "./method-values.js";
import { facadePropertyBytes } from "./facade-bytes.js";
import { liveNamespaceMemberRead, namespaceModule } from "./live-bindings.js";
import { memberAttribute } from "./static-names.js";
import { isIdentifierName } from "./member-names.js";
import { isNegativeZeroLiteral } from "../integers.js";
import { elementRead, isWritten } from "../element-bounds.js";
import { isArrayType, isFacadeDictType, isNumberType, isPythonItemsType, isRecordType, isStringType, typeOf } from "../types.js";

export function transformPropertyAccess(node: ts.PropertyAccessExpression, context: TransformationContext): py.Expression {
  const chain = transformOptionalChain(node, context);
  if (chain) return chain;
  const accessor = transformAccessorAccess(node, context);
  if (accessor) return accessor;
  reportDetachedMethod(node, context);
  if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
    context.report(diagnostics.superPropertyAccess(node));
    return py.none();
  }
  if (ts.isPrivateIdentifier(node.name)) {
    context.report(diagnostics.privateName(node.name));
    return py.none();
  }
  const dynamic = transformDynamicProperty(node, context);
  if (dynamic) return dynamic;
  const builtin = transformBuiltinProperty(node, context);
  if (builtin) return builtin;
  const live = liveNamespaceMemberRead(node, context);
  if (live) return live;
  const member = context.symbolOf(node.name);
  // `NS.E` printed or passed on: the enum's object, as for a bare `E`.
  const enumMembers = enumUsedAsValue(node, member, context);
  if (enumMembers) return enumObject(enumMembers, context);
  // `ns.sum` of one of the program's modules (`import * as ns`, `export * as ns`): the module's
  // top-level Python name, which renames a Python builtin's name (`sum_`) as a named import does.
  if (isUserModuleNamespace(node.expression, context)) {
    return py.attribute(context.transformExpression(node.expression), pythonSafeName(node.name.text));
  }
  const undeclared = !member?.declarations?.length;
  // Tuples (and mapped tuples such as gather's results) synthesize `length` without a
  // declaration, so the library lookup does not see it: it is still the array's length.
  if (undeclared && isArrayType(context, typeOf(context, node.expression))) {
    if (node.name.text === "length") return py.call(py.name("len"), [context.transformExpression(node.expression)]);
    context.report(diagnostics.unsupportedLibraryMember(node, `Array.${node.name.text}`));
    return py.none();
  }
  // JavaScript functions are objects that can hold properties (`counter.calls = 0`);
  // MicroPython's functions and closures cannot: only a JsFunction (function-properties.ts) can.
  if (
    member &&
    context.isDeclaredByUser(member) &&
    typeOf(context, node.expression).getCallSignatures().length > 0 &&
    !isFunctionProperty(member, context)
  ) {
    context.report(diagnostics.functionProperty(node));
    return py.attribute(context.transformExpression(node.expression), pythonSafeAttribute(node.name.text));
  }
  const receiver = context.transformExpression(node.expression);
  // A record (`Record<string, T>`, an index signature, a dict the facade declares) is a dict:
  // its keys are not attributes.
  const receiverType = typeOf(context, node.expression);
  if ((!member || !member.valueDeclaration || isFacadeDictType(context, receiverType)) && isRecordType(context, receiverType)) {
    // Reading a missing key is undefined in JS, a KeyError in Python: reads use get().
    if (!isWrittenTo(node)) return py.call(py.attribute(receiver, "get"), [py.str(node.name.text)]);
    return py.subscript(receiver, py.str(node.name.text));
  }
  // A getter its class defines as a method (getter-methods.ts) is called directly, or, when
  // it only returns one of the class's fields, that field is read.
  const getter = getterMethodOf(member?.declarations?.find(ts.isGetAccessorDeclaration));
  if (getter && !isWrittenTo(node)) {
    const field = returnedField(getter, context);
    if (field) return py.attribute(receiver, pythonSafeAttribute(field));
    return py.call(py.attribute(receiver, getterMethodName(pythonSafeAttribute(node.name.text))));
  }
  // What the facade, a `.py` driver or a `board:` module declares is named as Python names it:
  // their `__len__` or `__setitem__` are the Python object's own.
  const declaredInPython = member !== undefined && context.isDeclaredByFacade(member);
  if (declaredInPython) return facadePropertyBytes(node, py.attribute(receiver, node.name.text), context);
  return (
    classMethodValue(node, member, receiver, context) ??
    staticMethodValue(node, member, py.attribute(receiver, memberAttribute(node.name, node.name.text, context)), context)
  );
}

/**
 * Whether an expression is the Python module of one of the program's own modules: a name its
 * import binds (`import * as ns`, `import { ns }` of an `export * as ns`), or such a re-export
 * read off one (`index.ns`). A value typed `typeof ns` that was passed on is a JsModule, keyed
 * by the JavaScript names.
 */
function isUserModuleNamespace(node: ts.Expression, context: TransformationContext): boolean {
  if (ts.isIdentifier(node)) return namespaceModule(context.symbolOf(node), context) !== undefined;
  return (
    ts.isPropertyAccessExpression(node) &&
    namespaceModule(context.symbolOf(node.name), context) !== undefined &&
    isUserModuleNamespace(node.expression, context)
  );
}

export function transformElementAccess(node: ts.ElementAccessExpression, context: TransformationContext): py.Expression {
  const chain = transformOptionalChain(node, context);
  if (chain) return chain;
  const iterator = ownIteratorMethod(node, context);
  if (iterator) return iterator;
  const dynamic = transformDynamicElement(node, context);
  if (dynamic) return dynamic;
  const receiverType = typeOf(context, node.expression);
  const receiverSymbol = receiverType.getSymbol();
  if (receiverSymbol && receiverSymbol.flags & ts.SymbolFlags.Enum) {
    // `E[value]`: the name of a numeric member (reverse mapping); `E["A"]` the member.
    const properties = enumProperties(node.expression, context, true);
    if (properties && ts.isStringLiteralLike(node.argumentExpression)) {
      const key = node.argumentExpression.text;
      const receiver = context.transformExpression(node.expression);
      if (!isIdentifierName(key)) return py.call(py.name("getattr"), [receiver, py.str(key)]);
      return py.attribute(receiver, pythonSafeAttribute(key));
    }
    // Only an enum-typed index, or a number constant one of the members has, is sure to name a
    // member: another number may be none (undefined, which TypeScript types as string).
    const indexType = typeOf(context, node.argumentExpression);
    const reverseKeys = new Set((properties ?? []).filter(([, value]) => typeof value === "string").map(([key]) => key));
    const isMember = (part: ts.Type) =>
      ((part.flags & ts.TypeFlags.EnumLike) !== 0 && (part.flags & ts.TypeFlags.NumberLike) !== 0) ||
      (part.isNumberLiteral() && reverseKeys.has(String(part.value)));
    const every = (test: (part: ts.Type) => boolean) => (indexType.isUnion() ? indexType.types.every(test) : test(indexType));
    if (properties && !isWrittenTo(node) && every(isMember)) {
      return enumReverseLookup(properties, context.transformExpression(node.argumentExpression));
    }
    // `E[name as keyof typeof E]`: a name typed as one of the members' names.
    const names = new Set((properties ?? []).filter(([key]) => Number.isNaN(Number(key))).map(([key]) => key));
    if (properties && !isWrittenTo(node) && every((part) => part.isStringLiteral() && names.has(part.value))) {
      return enumForwardLookup(properties, context.transformExpression(node.argumentExpression));
    }
    context.report(diagnostics.enumReverseMapping(node, node.expression.getText()));
    return py.none();
  }
  // `a[-0]` is `a[0]`: the key is String(-0), "0" (and a Python list takes no float index).
  const transformIndex = () =>
    isNegativeZeroLiteral(node.argumentExpression) ? py.num(0) : context.transformExpression(node.argumentExpression);
  let receiver = context.transformExpression(node.expression);
  let index: py.Expression;
  // JavaScript reads the receiver before the index: when the index needs statements first
  // (`g(s += "F")[s += "H"]`, `a[(a = b, 0)]`), the receiver is evaluated into a temporary ahead of them.
  if (context.namesFixedValue(node.expression)) index = transformIndex();
  else ({ first: receiver, result: index } = context.transformAfter(receiver, transformIndex));
  // `a[k]` with a string key (`for (const k in a)` gives "0", "1", …) reads the index it names.
  if ((isArrayType(context, receiverType) || isStringType(receiverType)) && isStringType(typeOf(context, node.argumentExpression)))
    index = py.call(py.name("int"), [index]);
  if (isPythonItemsType(context, receiverType) && isNumberType(typeOf(context, node.argumentExpression)))
    return py.subscript(receiver, index);
  // `s[-1]` is undefined in JavaScript (a property named "-1"), the last item in Python.
  if (
    (isArrayType(context, receiverType) || isStringType(receiverType)) &&
    isNegativeLiteral(node.argumentExpression) &&
    !isWrittenTo(node)
  ) {
    if (receiver.kind !== "Name") context.addPrecedingStatements(py.expressionStatement(receiver));
    return py.none();
  }
  if (isRecordType(context, receiverType) && !isArrayType(context, receiverType)) {
    index = recordKey(node.argumentExpression, index, context);
    if (!isWrittenTo(node)) return py.call(py.attribute(receiver, "get"), [index]);
  }
  const isSequence = isArrayType(context, receiverType) || isStringType(receiverType) || isTypedArrayName(receiverSymbol?.getName());
  if (isSequence && !isWritten(node)) {
    if (expectsMissing(node)) return py.call(context.useHelper("js_item"), [receiver, index]);
    return elementRead(node, receiver, index, context);
  }
  if (isSequence || isRecordType(context, receiverType)) return py.subscript(receiver, index);
  // Other objects are attribute bags (class instances, object literals): `o["x"]` is `o.x`.
  if (ts.isStringLiteral(node.argumentExpression) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(node.argumentExpression.text)) {
    return py.attribute(receiver, memberAttribute(node.argumentExpression, node.argumentExpression.text, context));
  }
  const key = propertyKeyText(node.argumentExpression, index, context);
  // An object literal's property written by key (`o[1] = v`, `o["my-key"] += 1`, `o[pin]++`):
  // a JsObject (or a dict) takes the key as an item, keeping its key order.
  if (isWrittenTo(node) && isLiteralObjectType(receiverType)) return py.subscript(receiver, key);
  // A class instance with a number index signature (`class T { [n: number]: string }`) may lack
  // the key: undefined, as in JavaScript, not an AttributeError.
  const attribute = attributeKey(node.argumentExpression, key, context);
  if (context.checker.getIndexInfoOfType(receiverType, ts.IndexKind.Number)) {
    return py.call(py.name("getattr"), [receiver, attribute, py.none()]);
  }
  return py.call(py.name("getattr"), [receiver, attribute]);
}

/**
 * The attribute a key known only at run time names (`o[k]`, `c[name]`): a property named like a
 * Python keyword, with a `$` or of the `__x__` form is stored under another spelling
 * (`pythonSafeAttribute`), so a key that may hold such a name goes through `py_key` as the
 * runtime's own lookups do. A key whose type lists only names Python spells as they are (or
 * numbers) stays as it is.
 */
function attributeKey(node: ts.Expression, key: py.Expression, context: TransformationContext): py.Expression {
  if (key.kind === "Constant") return typeof key.value === "string" ? py.str(pythonSafeAttribute(key.value)) : key;
  const type = typeOf(context, node);
  const parts = type.isUnion() ? type.types : [type];
  const spelledAsIs = (part: ts.Type) =>
    (part.flags & ts.TypeFlags.NumberLike) !== 0 || (part.isStringLiteral() && pythonSafeAttribute(part.value) === part.value);
  if (parts.every(spelledAsIs)) return key;
  return py.call(context.useHelper("py_key"), [key]);
}

/** Attribute names are strings: a number key (`o[5]`, `o[-1]`, `o[i]`) names the property "5". */
export function propertyKeyText(node: ts.Expression, key: py.Expression, context: TransformationContext): py.Expression {
  if (ts.isNumericLiteral(node)) return py.str(String(Number(node.text)));
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return py.str(String(-Number(node.operand.text)));
  }
  return asString(context, node, key);
}

/**
 * An object literal's type, or one written like it (`{ 1: string }`, `Record<Pin, string>` of a
 * numeric enum): a JsObject, whose items are its properties. A class's instances have no items,
 * so `c[1] = v` is stored with setattr (simpleAssignment) and other writes are rejected.
 */
function isLiteralObjectType(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => {
    if ((part.flags & ts.TypeFlags.Object) === 0 || part.getCallSignatures().length > 0) return false;
    const objectFlags = (part as ts.ObjectType).objectFlags;
    if ((objectFlags & (ts.ObjectFlags.Anonymous | ts.ObjectFlags.Mapped | ts.ObjectFlags.ObjectLiteral)) === 0) return false;
    const symbol = part.getSymbol();
    return !symbol || (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Function | ts.SymbolFlags.Enum | ts.SymbolFlags.Module)) === 0;
  });
}

/**
 * Whether the program reads this element expecting it may be missing: inside an optional chain
 * (`a?.[i]`, `a[i]?.x`), before `??`, or compared with undefined or null. There it reads
 * undefined past the end, as in JavaScript; elsewhere Python's own indexing (which raises
 * past the end) keeps the common loop `a[i]` fast.
 */
function expectsMissing(node: ts.ElementAccessExpression): boolean {
  if (node.flags & ts.NodeFlags.OptionalChain) return true;
  let parent = node.parent;
  let child: ts.Node = node;
  while (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
    parent.questionDotToken
  )
    return parent.expression === child;
  if (!ts.isBinaryExpression(parent) || parent.left !== child) return false;
  const operator = parent.operatorToken.kind;
  if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.QuestionQuestionEqualsToken) return true;
  const isEquality =
    operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    operator === ts.SyntaxKind.EqualsEqualsToken ||
    operator === ts.SyntaxKind.ExclamationEqualsToken;
  const other = parent.right;
  return isEquality && (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined"));
}

function isNegativeLiteral(node: ts.Expression): boolean {
  return (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand) &&
    Number(node.operand.text) > 0
  );
}
