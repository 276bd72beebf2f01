import { ts } from "./typescript.js";
import type { TransformationContext } from "./context.js";
import { moduleFacts } from "./module-facts.js";
import { symbolKey } from "./builtins/diagnostics.js";
import { isLibrarySymbol } from "./builtins/library.js";
import { maySymbol } from "./builtins/symbol.js";

/**
 * Symbols are values tsmp keeps (JsSymbol), but not property keys: its objects, classes and
 * records key their properties by strings, so `o[s]`, `{ [s]: v }`, `s in o` or
 * `Object.defineProperty(o, s, …)` would make a property that Object.keys and JSON.stringify
 * list, where JavaScript leaves a symbol-keyed one out. Each place a key of a type that may be
 * a symbol is written is reported, once per file, before the file is transformed. The
 * well-known `Symbol.iterator` keeps its own mapping (symbol-iterator.ts).
 */
export function reportSymbolKeys(file: ts.SourceFile, context: TransformationContext): void {
  const check = (key: ts.Expression | undefined): void => {
    if (key && !isWellKnownSymbol(key, context) && mayBeSymbolKey(context.typeOf(key), context)) context.report(symbolKey(key));
  };
  // Outside types, interfaces and type aliases, in the order of the module's text (module-facts.ts).
  for (const node of moduleFacts(file).propertyKeys) {
    if (ts.isElementAccessExpression(node)) check(node.argumentExpression);
    else if (ts.isComputedPropertyName(node)) check(node.expression);
    else if (ts.isBinaryExpression(node)) check(node.left);
    else if (ts.isCallExpression(node)) propertyKeyArguments(node, context).forEach(check);
  }
}

/**
 * A key typed as a symbol, or as a type parameter declared to take one (`K extends
 * PropertyKey`). `K extends keyof T` is a key of a type of the program, which cannot have a
 * symbol-keyed property: making one is reported here.
 */
function mayBeSymbolKey(type: ts.Type, context: TransformationContext): boolean {
  if (type.flags & ts.TypeFlags.TypeParameter) {
    const constraint = type.getSymbol()?.declarations?.find(ts.isTypeParameterDeclaration)?.constraint;
    if (!constraint || (ts.isTypeOperatorNode(constraint) && constraint.operator === ts.SyntaxKind.KeyOfKeyword)) return false;
    return maySymbol(context.checker.getTypeFromTypeNode(constraint));
  }
  return maySymbol(type);
}

/** `Symbol.iterator`, `Symbol.asyncIterator`…: the library's own symbols, named as such. */
function isWellKnownSymbol(node: ts.Expression, context: TransformationContext): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== "Symbol") return false;
  const symbol = context.symbolOf(node.expression);
  return symbol !== undefined && isLibrarySymbol(symbol, context);
}

/**
 * The arguments a library function takes as property keys (`PropertyKey` parameters:
 * hasOwnProperty, defineProperty, Reflect.get…). The signature comes first: the full check left
 * every call's signature in the checker's cache, while typing an argument runs flow analysis
 * again, for every argument of every call in the program.
 */
function propertyKeyArguments(node: ts.CallExpression, context: TransformationContext): ts.Expression[] {
  const declaration = context.checker.getResolvedSignature(node)?.getDeclaration();
  if (!declaration || context.program.isUserFile(declaration.getSourceFile())) return [];
  const keys = node.arguments.filter((_argument, index) => {
    const type = declaration.parameters[index]?.type;
    return type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "PropertyKey";
  });
  if (keys.length === 0 || !node.arguments.some((argument) => maySymbol(context.typeOf(argument)))) return [];
  return keys;
}
