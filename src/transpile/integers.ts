import { isTypedArrayName } from "./typed-array-names.js";
import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { moduleFacts } from "./module-facts.js";
import { isArrayType, isStringType, typeOf } from "./types.js";
import { isFinalClass } from "./getter-methods.js";

/**
 * Whether a number-typed expression always holds an integer. JS has only doubles, but a
 * Python int prints as JS prints an integral number, so integers need no formatting helper:
 * `${count}` stays `f"{count}"` while `${ratio}` becomes `f"{num_str(ratio)}"`.
 */
export function isIntegerValued(node: ts.Expression, context: TransformationContext, visiting = new Set<ts.Symbol>()): boolean {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) {
    return isIntegerValued(node.expression, context, visiting);
  }
  // The emitter keeps a literal from 1e21 on as a float (literals.ts), as JavaScript prints it.
  if (ts.isNumericLiteral(node)) return Number.isInteger(Number(node.text)) && Math.abs(Number(node.text)) < 1e21;
  if (isNegativeZeroLiteral(node)) return false;
  if (ts.isPrefixUnaryExpression(node)) {
    return (
      [ts.SyntaxKind.MinusToken, ts.SyntaxKind.PlusToken, ts.SyntaxKind.TildeToken].includes(node.operator) &&
      isIntegerValued(node.operand, context, visiting)
    );
  }
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    // JavaScript's bitwise operators always give a 32-bit integer, and so does their Python form.
    if (bitwiseResults.has(kind)) return true;
    // `x % 0` is NaN: a remainder is an integer only by a divisor known not to be zero.
    if (kind === ts.SyntaxKind.PercentToken && !(ts.isNumericLiteral(node.right) && Number(node.right.text) !== 0)) return false;
    if (integerOperators.has(kind)) return isIntegerValued(node.left, context, visiting) && isIntegerValued(node.right, context, visiting);
    return false;
  }
  if (ts.isConditionalExpression(node))
    return isIntegerValued(node.whenTrue, context, visiting) && isIntegerValued(node.whenFalse, context, visiting);
  // An element of an integer typed array (Uint8Array…) is an int.
  if (ts.isElementAccessExpression(node)) return isIntegerTypedArray(typeOf(context, node.expression));
  if (ts.isPropertyAccessExpression(node)) {
    if (node.name.text === "length") {
      const receiver = typeOf(context, node.expression);
      if (isArrayType(context, receiver) || isStringType(receiver) || isTypedArrayName(receiver.getSymbol()?.getName())) return true;
    }
    const value = context.checker.getConstantValue(node as ts.PropertyAccessExpression);
    if (typeof value === "number") return Number.isInteger(value);
    return isIntegerField(node, context, visiting) || isIntegerGetter(node, context, visiting);
  }
  if (ts.isIdentifier(node)) return isIntegerVariable(node, context, visiting);
  if (ts.isCallExpression(node)) return isIntegerCall(node, context, visiting);
  return false;
}

/**
 * `-0` (also `-(0)`, `-0.0`): JavaScript's negative zero, which only a Python float can hold
 * (`-0.0`), so it is not one of the integer-valued expressions.
 */
export function isNegativeZeroLiteral(node: ts.Expression): boolean {
  if (!ts.isPrefixUnaryExpression(node) || node.operator !== ts.SyntaxKind.MinusToken) return false;
  let operand: ts.Expression = node.operand;
  while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
  return ts.isNumericLiteral(operand) && Number(operand.text) === 0;
}

const bitwiseResults = new Set([
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);

// DataView's integer getters read an int out of the bytes.
const integerLibraryCalls = new Set(["getInt8", "getUint8", "getInt16", "getUint16", "getInt32", "getUint32"]);

/**
 * A call of a DataView integer getter, or of the user's own function (called by its name) or
 * method whose declared or inferred result is a number and whose every `return` gives an integer.
 */
function isIntegerCall(node: ts.CallExpression, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee) && integerLibraryCalls.has(callee.name.text)) {
    const symbol = context.symbolOf(callee.name);
    const receiver = typeOf(context, callee.expression).getSymbol()?.getName();
    return symbol !== undefined && !context.isDeclaredByUser(symbol) && receiver === "DataView";
  }
  const symbol = context.symbolOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return false;
  if (ts.isFunctionDeclaration(declaration) && ts.isIdentifier(callee)) return returnsIntegers(symbol, declaration, context, visiting);
  if (ts.isMethodDeclaration(declaration) && ts.isPropertyAccessExpression(callee) && isFinalMember(declaration))
    return returnsIntegers(symbol, declaration, context, visiting);
  return false;
}

/** `this.count` or `counter.count` of a getter that returns integers, in a class nothing can extend. */
function isIntegerGetter(node: ts.PropertyAccessExpression, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const symbol = context.symbolOf(node.name);
  const declaration = symbol?.declarations?.find(ts.isGetAccessorDeclaration);
  return (
    symbol !== undefined &&
    declaration !== undefined &&
    isFinalMember(declaration) &&
    returnsIntegers(symbol, declaration, context, visiting)
  );
}

/** A method or getter no other module can override: its class is final (getter-methods.ts). */
function isFinalMember(member: ts.MethodDeclaration | ts.GetAccessorDeclaration): boolean {
  return ts.isClassDeclaration(member.parent) && isFinalClass(member.parent);
}

/** A body of this module, not async or a generator, typed to give a number, whose every `return` gives an integer. */
function returnsIntegers(
  symbol: ts.Symbol,
  declaration: ts.FunctionDeclaration | ts.MethodDeclaration | ts.GetAccessorDeclaration,
  context: TransformationContext,
  visiting: Set<ts.Symbol>,
): boolean {
  if (!declaration.body || (!ts.isGetAccessorDeclaration(declaration) && declaration.asteriskToken)) return false;
  if (hasModifier(declaration, ts.SyntaxKind.AsyncKeyword)) return false;
  // Only a body of this very module: an incremental build re-emits a module when what it
  // imports changes shape, not when another module's function body does.
  if (declaration.getSourceFile() !== context.sourceFile || visiting.has(symbol)) return false;
  const signature = context.checker.getSignatureFromDeclaration(declaration);
  if (!signature || !(context.checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.NumberLike)) return false;
  visiting.add(symbol);
  try {
    return returnsOf(declaration.body).every((expression) => expression !== undefined && isIntegerValued(expression, context, visiting));
  } finally {
    visiting.delete(symbol);
  }
}

/** The values a function body's own `return`s give (undefined for a bare `return`), nested functions left out. */
function returnsOf(body: ts.Block): (ts.Expression | undefined)[] {
  const found: (ts.Expression | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) found.push(node.expression);
    else if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/**
 * `this.count` of a private field (only its class can write it) whose initializer and every
 * write through `this` are integers; a write through another name makes it unknown.
 */
function isIntegerField(node: ts.PropertyAccessExpression, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const symbol = context.symbolOf(node.name);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration || !ts.isPropertyDeclaration(declaration) || !declaration.initializer) return false;
  if (!ts.isPrivateIdentifier(declaration.name) && !hasModifier(declaration, ts.SyntaxKind.PrivateKeyword)) return false;
  if (hasModifier(declaration, ts.SyntaxKind.StaticKeyword) || declaration.getSourceFile() !== context.sourceFile) return false;
  return isIntegerHolder(symbol, declaration.initializer, declaration.getSourceFile(), context, visiting);
}

// `/` and `**` can leave the integers; `%` of integers stays integral.
const integerOperators = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
]);

const integerAssignments = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
]);

/** A variable is integral when its initializer and every value later written to it are. */
function isIntegerVariable(node: ts.Identifier, context: TransformationContext, visiting: Set<ts.Symbol>): boolean {
  const symbol = context.symbolOf(node);
  const declaration = symbol?.valueDeclaration;
  if (declaration && ts.isVariableDeclaration(declaration) && isConstOf(declaration)) {
    // `for (const byte of bytes)` over an integer typed array: each element is an int.
    return isIntegerTypedArray(typeOf(context, declaration.parent.parent.expression));
  }
  if (!symbol || !declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  if (!context.program.isUserFile(declaration.getSourceFile())) return false;
  return isIntegerHolder(symbol, declaration.initializer, declaration.getSourceFile(), context, visiting);
}

/** A variable or field is integral when its initializer and every value later written to it are. */
function isIntegerHolder(
  symbol: ts.Symbol,
  initializer: ts.Expression,
  file: ts.SourceFile,
  context: TransformationContext,
  visiting: Set<ts.Symbol>,
): boolean {
  // A cycle (`x = x + 1`) decides nothing on its own: the other writes do.
  if (visiting.has(symbol)) return true;
  const known = decided.get(context.checker)?.get(symbol);
  if (known !== undefined) return known;
  const outermost = visiting.size === 0;
  visiting.add(symbol);
  try {
    const integral =
      isIntegerValued(initializer, context, visiting) &&
      writesTo(symbol, file, context).every((write) => {
        if (ts.isPrefixUnaryExpression(write) || ts.isPostfixUnaryExpression(write)) return true;
        return integerAssignments.has(write.operatorToken.kind) && isIntegerValued(write.right, context, visiting);
      });
    // Inside a cycle the answer leaned on an assumption about the outer variable; only the
    // outermost question is settled.
    if (outermost || !integral) {
      const table = decided.get(context.checker) ?? new Map<ts.Symbol, boolean>();
      table.set(symbol, integral);
      decided.set(context.checker, table);
    }
    return integral;
  } finally {
    visiting.delete(symbol);
  }
}

// Symbols belong to one checker: both caches are kept per checker.
const decided = new WeakMap<ts.TypeChecker, Map<ts.Symbol, boolean>>();

export type Write = ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
const writesBySymbol = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Map<ts.Symbol, Write[]>>>();

export function writesTo(symbol: ts.Symbol, file: ts.SourceFile, context: TransformationContext): Write[] {
  const files = writesBySymbol.get(context.checker) ?? new WeakMap<ts.SourceFile, Map<ts.Symbol, Write[]>>();
  writesBySymbol.set(context.checker, files);
  let index = files.get(file);
  if (!index) {
    const built = new Map<ts.Symbol, Write[]>();
    const record = (target: ts.Expression, write: Write) => {
      // A field is written through `this.name` (or, where a private field is reached through
      // another instance, that name: the field's symbol all the same).
      const name = ts.isPropertyAccessExpression(target) ? target.name : target;
      if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return;
      const written = context.symbolOf(name);
      if (!written) return;
      const writes = built.get(written);
      if (writes) writes.push(write);
      else built.set(written, [write]);
    };
    // The module's assignments and `++`/`--`, in the order of its text (module-facts.ts).
    for (const write of moduleFacts(file).writes) {
      if (!ts.isForOfStatement(write.node) && !ts.isForInStatement(write.node)) record(write.target, write.node);
    }
    index = built;
    files.set(file, index);
  }
  return index.get(symbol) ?? [];
}

function isIntegerTypedArray(type: ts.Type): boolean {
  const name = type.getSymbol()?.getName();
  return isTypedArrayName(name) && !name.startsWith("Float");
}

function isConstOf(
  declaration: ts.VariableDeclaration,
): declaration is ts.VariableDeclaration & { parent: ts.VariableDeclarationList & { parent: ts.ForOfStatement } } {
  const list = declaration.parent;
  return (
    ts.isVariableDeclarationList(list) &&
    (list.flags & ts.NodeFlags.Const) !== 0 &&
    ts.isForOfStatement(list.parent) &&
    ts.isIdentifier(declaration.name)
  );
}
