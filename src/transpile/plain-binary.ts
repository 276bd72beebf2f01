import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { isIntegerValued } from "./integers.js";
import { isNonNegative } from "./operators/numeric.js";
import { readsArguments } from "./scope.js";

/**
 * Plain bytes: a `Uint8Array` or `DataView` whose every use tsmp can see needs none of the
 * runtime classes. MicroPython indexes a `bytearray` about three times faster than a subclass
 * of `memoryview` (an instance of a user class looks `__getitem__` up on every access), and
 * the classes cost their compiled size in heap. So a `new Uint8Array(n)` whose value is only
 * indexed, measured, iterated, handed to functions that do the same, or viewed whole by a
 * plain `DataView`, is a `bytearray`; such a `DataView` is the bytes themselves, read and
 * written with `struct`. Indexing, `len`, iteration and element stores (which wrap natively)
 * behave the same on both, and a bytearray prints and reads through `any` as a Uint8Array
 * does: only the methods and properties of the class tell them apart, and those are exactly
 * the uses that keep a value out of this.
 *
 * A value stays plain only while it cannot leave what is seen: the variable is not exported,
 * a field is private, a function it is passed to is a plain function whose parameter stays
 * plain, and no name of it is destructured, re-exported or spelled as a string key.
 */

type Declaration = ts.VariableDeclaration | ts.PropertyDeclaration | ts.ParameterDeclaration;

const dataViewFormats: Record<string, { format: string; mask?: number }> = {
  Int8: { format: "b", mask: 0xff },
  Uint8: { format: "B", mask: 0xff },
  Int16: { format: "h", mask: 0xffff },
  Uint16: { format: "H", mask: 0xffff },
  Int32: { format: "i", mask: 0xffffffff },
  Uint32: { format: "I", mask: 0xffffffff },
  Float32: { format: "f" },
  Float64: { format: "d" },
};

/** What a call on a plain DataView becomes: `struct.unpack_from(format, …)` or `pack_into`. */
export interface PlainDataViewAccess {
  kind: "get" | "set";
  /** The struct format with its byte order: `">H"`, `"<I"`, `"B"`. */
  format: string;
  /** For integer setters: the mask that wraps the (integral) value to the element width. */
  mask?: number;
}

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) ? unwrap(node.expression) : node;

/** The expression a use sits in, through parentheses and `!`. */
function outerOf(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) current = current.parent;
  return current;
}

/** `new Uint8Array(n)` (n a non-negative integer) or `new Uint8Array([int literals])` that can be a bytearray. */
export function isPlainUint8ArrayNew(node: ts.NewExpression, context: TransformationContext): boolean {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== "Uint8Array" || node.arguments?.length !== 1) return false;
  return cached(context, node, () => {
    const symbol = context.symbolOf(node.expression);
    if (!symbol || context.isDeclaredByUser(symbol)) return false;
    const source = node.arguments![0]!;
    const lengthForm = isIntegerValued(source, context) && isNonNegative(source, context);
    if (!lengthForm && !isIntegerLiteralList(source)) return false;
    const declaration = holderOf(node, context);
    return declaration !== undefined && staysPlain(declaration, context, new Set());
  });
}

/** The int literals of `new Uint8Array([1, 2, 300])`, wrapped to bytes, or undefined for any other source. */
export function byteLiterals(node: ts.NewExpression): number[] | undefined {
  const source = node.arguments?.[0];
  if (!source || !isIntegerLiteralList(source)) return undefined;
  return (source as ts.ArrayLiteralExpression).elements.map((element) => {
    const value = unwrap(element as ts.Expression);
    const number = ts.isPrefixUnaryExpression(value)
      ? -Number((value.operand as ts.NumericLiteral).text)
      : Number((value as ts.NumericLiteral).text);
    return ((number % 256) + 256) % 256;
  });
}

function isIntegerLiteralList(node: ts.Expression): boolean {
  return (
    ts.isArrayLiteralExpression(node) &&
    node.elements.every((element) => {
      const value = unwrap(element as ts.Expression);
      const literal =
        ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(value.operand)
          ? value.operand
          : value;
      return ts.isNumericLiteral(literal) && Number.isSafeInteger(Number(literal.text));
    })
  );
}

/** `new DataView(buffer)` held in a const whose every use is a get or set tsmp turns into `struct` calls. */
export function isPlainDataViewNew(node: ts.NewExpression, context: TransformationContext): boolean {
  if (!ts.isIdentifier(node.expression) || node.expression.text !== "DataView" || node.arguments?.length !== 1) return false;
  return cached(context, node, () => {
    const symbol = context.symbolOf(node.expression);
    if (!symbol || context.isDeclaredByUser(symbol)) return false;
    const declaration = holderOf(node, context);
    if (!declaration || !ts.isVariableDeclaration(declaration) || !isConst(declaration)) return false;
    const uses = referencesTo(declaration, context);
    return uses !== undefined && uses.every((use) => plainDataViewAccess(use, context) !== undefined);
  });
}

/**
 * `view.getUint16(at, true)` on a plain DataView: the struct format, when the offset is a
 * non-negative integer (struct counts a negative one from the end) and the byte order a
 * literal; undefined for anything else.
 */
export function plainDataViewAccess(reference: ts.Expression, context: TransformationContext): PlainDataViewAccess | undefined {
  const access = outerOf(reference).parent;
  if (!ts.isPropertyAccessExpression(access) || !ts.isCallExpression(access.parent) || access.parent.expression !== access)
    return undefined;
  const match = /^(get|set)(\w+)$/.exec(access.name.text);
  const kind = match?.[1] as "get" | "set" | undefined;
  const entry = match && Object.hasOwn(dataViewFormats, match[2]!) ? dataViewFormats[match[2]!] : undefined;
  if (!kind || !entry) return undefined;
  const args = access.parent.arguments;
  const valueCount = kind === "get" ? 1 : 2;
  if (args.length < valueCount || args.length > valueCount + 1 || args.some(ts.isSpreadElement)) return undefined;
  const offset = args[0]!;
  if (!isIntegerValued(offset, context) || !isNonNegative(offset, context)) return undefined;
  if (kind === "set" && entry.mask !== undefined && !isIntegerValued(args[1]!, context)) return undefined;
  const order = args[valueCount];
  let little = false;
  if (order !== undefined) {
    if (order.kind === ts.SyntaxKind.TrueKeyword) little = true;
    else if (order.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
  }
  const single = entry.format === "b" || entry.format === "B";
  return { kind, format: single ? entry.format : (little ? "<" : ">") + entry.format, mask: kind === "set" ? entry.mask : undefined };
}

/** Whether a reference names a DataView that is plain (its const's initializer is). */
export function isPlainDataViewReference(reference: ts.Expression, context: TransformationContext): boolean {
  const declaration = declarationOf(unwrap(reference), context);
  return (
    declaration !== undefined &&
    ts.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    ts.isNewExpression(declaration.initializer) &&
    isPlainDataViewNew(declaration.initializer, context)
  );
}

/** `bytes.buffer` inside `new DataView(bytes.buffer)` for a plain `bytes`: the bytearray itself is the buffer. */
export function isPlainBufferOf(node: ts.PropertyAccessExpression, context: TransformationContext): boolean {
  const declaration = declarationOf(unwrap(node.expression), context);
  if (!declaration || !isFixedHolder(declaration)) return false;
  const initializer = declaration.initializer;
  return (
    initializer !== undefined &&
    ts.isNewExpression(initializer) &&
    isPlainUint8ArrayNew(initializer, context) &&
    ts.isNewExpression(outerOf(node).parent) &&
    isPlainDataViewNew(outerOf(node).parent as ts.NewExpression, context)
  );
}

/** What holds a creation: the variable or field it initialises (`this.bytes = new …` too), or the parameter it is passed to. */
function holderOf(node: ts.NewExpression, context: TransformationContext): Declaration | undefined {
  const outer = outerOf(node);
  const parent = outer.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === outer) {
    return ts.isIdentifier(parent.name) || ts.isPrivateIdentifier(parent.name) ? parent : undefined;
  }
  // An argument: the parameter of the plain function it lands in holds it.
  if (ts.isCallExpression(parent) && parent.arguments.includes(outer))
    return parameterReceiving(parent, parent.arguments.indexOf(outer), context);
  if (ts.isBinaryExpression(parent) && parent.right === outer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const field = declarationOf(unwrap(parent.left), context);
    return field && ts.isPropertyDeclaration(field) ? field : undefined;
  }
  return undefined;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** A holder that always holds its initializer: a const (a readonly field may still be set in the constructor). */
function isFixedHolder(declaration: Declaration): declaration is ts.VariableDeclaration {
  return ts.isVariableDeclaration(declaration) && isConst(declaration);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** Every value the holder can hand out is used only as a bytearray can be. */
function staysPlain(declaration: Declaration, context: TransformationContext, visiting: Set<Declaration>): boolean {
  if (visiting.has(declaration)) return true;
  visiting.add(declaration);
  const uses = referencesTo(declaration, context);
  return uses !== undefined && uses.every((use) => isPlainUse(use, declaration, context, visiting));
}

function isPlainUse(
  reference: ts.Expression,
  declaration: Declaration,
  context: TransformationContext,
  visiting: Set<Declaration>,
): boolean {
  const outer = outerOf(reference);
  const parent = outer.parent;
  // Written, not read: `bytes = other`.
  if (ts.isBinaryExpression(parent) && parent.left === outer) return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  if (ts.isElementAccessExpression(parent) && parent.expression === outer) {
    return (context.typeOf(parent.argumentExpression).flags & ts.TypeFlags.NumberLike) !== 0;
  }
  if (ts.isForOfStatement(parent) && parent.expression === outer) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === outer) {
    if (parent.name.text === "length") return true;
    // The bytes viewed whole by a plain DataView, from a holder that keeps this very array.
    const view = outerOf(parent).parent;
    return parent.name.text === "buffer" && isFixedHolder(declaration) && ts.isNewExpression(view) && isPlainDataViewNew(view, context);
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(outer)) {
    const parameter = parameterReceiving(parent, parent.arguments.indexOf(outer), context);
    return parameter !== undefined && staysPlain(parameter, context, visiting);
  }
  return false;
}

/**
 * The parameter of a plain function (declared by the user, called by its name, not through a
 * method that a subclass could override) that an argument lands in.
 */
function parameterReceiving(call: ts.CallExpression, index: number, context: TransformationContext): ts.ParameterDeclaration | undefined {
  if (!ts.isIdentifier(call.expression) || call.arguments.slice(0, index + 1).some(ts.isSpreadElement)) return undefined;
  const target = context.checker.getResolvedSignature(call)?.getDeclaration();
  if (!target || !(ts.isFunctionDeclaration(target) || ts.isFunctionExpression(target) || ts.isArrowFunction(target))) return undefined;
  // A function of this module: an edit elsewhere that changes no declared type does not re-emit this one.
  if (!target.body || target.getSourceFile() !== context.sourceFile) return undefined;
  if (ts.isFunctionDeclaration(target) && target.name && context.symbolOf(call.expression) !== context.symbolOf(target.name))
    return undefined;
  const parameter = target.parameters[index];
  if (!parameter || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name) || readsArguments(target.body)) return undefined;
  return parameter;
}

/** The local variable, private field or parameter a name (or `this.name`) refers to. */
function declarationOf(node: ts.Expression, context: TransformationContext): Declaration | undefined {
  const name = ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword ? node.name : node;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return undefined;
  const declaration = context.symbolOf(name)?.valueDeclaration;
  return declaration && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration))
    ? declaration
    : undefined;
}

/**
 * The expressions reading or writing the holder (a name, or `this.field`), or undefined when
 * it can be reached where tsmp does not look: an exported variable, a field that is not
 * private, a name that is destructured, re-exported or written as a string key.
 */
function referencesTo(declaration: Declaration, context: TransformationContext): ts.Expression[] | undefined {
  const name = declaration.name;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return undefined;
  if (ts.isVariableDeclaration(declaration)) {
    const statement = declaration.parent.parent;
    if (ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) return undefined;
    if (!ts.isVariableStatement(statement)) return undefined;
  }
  if (ts.isPropertyDeclaration(declaration) && !ts.isPrivateIdentifier(name) && !hasModifier(declaration, ts.SyntaxKind.PrivateKeyword))
    return undefined;
  const symbol = context.symbolOf(name);
  if (!symbol) return undefined;
  const file = declaration.getSourceFile();
  const references: ts.Expression[] = [];
  for (const node of namesIn(file, context).get(name.text) ?? []) {
    if (node === name) continue;
    const parent = node.parent;
    // Where the checker's symbol is not the holder's although the text is: be safe.
    if (
      ts.isStringLiteralLike(node) ||
      ts.isShorthandPropertyAssignment(parent) ||
      ts.isBindingElement(parent) ||
      ts.isExportSpecifier(parent) ||
      ts.isExportAssignment(parent)
    )
      return undefined;
    if (context.symbolOf(node) !== symbol) continue;
    if (ts.isPropertyDeclaration(declaration)) {
      if (!ts.isPropertyAccessExpression(parent) || parent.name !== node || parent.expression.kind !== ts.SyntaxKind.ThisKeyword)
        return undefined;
      references.push(parent);
    } else {
      references.push(node as ts.Identifier);
    }
  }
  return references;
}

// Per checker (a program's symbols belong to it), per file: every identifier and string literal, by text.
const namesByFile = new WeakMap<ts.TypeChecker, WeakMap<ts.SourceFile, Map<string, ts.Node[]>>>();

function namesIn(file: ts.SourceFile, context: TransformationContext): Map<string, ts.Node[]> {
  const files = namesByFile.get(context.checker) ?? new WeakMap<ts.SourceFile, Map<string, ts.Node[]>>();
  namesByFile.set(context.checker, files);
  let names = files.get(file);
  if (!names) {
    const found = new Map<string, ts.Node[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node)) {
        found.set(node.text, [...(found.get(node.text) ?? []), node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    names = found;
    files.set(file, names);
  }
  return names;
}

// Per checker, a creation's answer, keyed by the creation node (a node is one kind of creation).
const decisions = new WeakMap<ts.TypeChecker, Map<ts.Node, boolean>>();

function cached(context: TransformationContext, node: ts.Node, decide: () => boolean): boolean {
  const table = decisions.get(context.checker) ?? new Map<ts.Node, boolean>();
  decisions.set(context.checker, table);
  let decision = table.get(node);
  if (decision === undefined) {
    // A holder that reaches itself (a DataView over its own bytes) is decided once.
    table.set(node, false);
    decision = decide();
    table.set(node, decision);
  }
  return decision;
}
