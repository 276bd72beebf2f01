import { ts } from "../typescript.js";
import { mayHoldUndefined } from "../undefined-text.js";
import type { TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isConstantValue, nullishKinds, nullValue } from "../nullish.js";
import { asAsyncioAwaitable } from "../builtins/promise.js";

/**
 * Positional arguments, and keyword arguments for a trailing object literal passed where the
 * facade declares a `KwArgs<...>` parameter.
 */
export function transformArguments(
  node: ts.CallExpression | ts.NewExpression,
  context: TransformationContext,
): { args: py.Expression[]; keywords: py.Keyword[] } {
  const argumentNodes = [...(node.arguments ?? [])];
  const keywords: py.Keyword[] = [];
  const kwargsIndex = keywordParameterIndex(node, context);
  if (kwargsIndex !== undefined && argumentNodes.length > kwargsIndex) {
    const options = argumentNodes[kwargsIndex]!;
    argumentNodes.splice(kwargsIndex, 1);
    if (!ts.isObjectLiteralExpression(options)) {
      context.report(diagnostics.keywordArgumentsNotLiteral(options));
    } else {
      for (const property of options.properties) {
        if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
          const value = isNull(property.initializer) ? py.none() : context.transformExpression(property.initializer);
          keywords.push({ name: property.name.text, value: asPythonNone(property.initializer, value, context) });
        } else if (ts.isShorthandPropertyAssignment(property)) {
          keywords.push({
            name: property.name.text,
            value: asPythonNone(property.name, context.transformExpression(property.name), context),
          });
        } else {
          context.report(diagnostics.keywordArgumentsNotLiteral(property));
        }
      }
    }
  }
  // Left to right, as JS evaluates arguments (`f(i, i++)`). Python is handed None for a null.
  const toPython = callsPython(node, context);
  const evaluated = argumentNodes.filter((argument) => !(toPython && isNull(argument)));
  const transformed = context.transformInOrder(
    evaluated.map((argument) => (ts.isSpreadElement(argument) ? argument.expression : argument)),
  );
  const values = argumentNodes.map((argument) => (toPython && isNull(argument) ? py.none() : transformed[evaluated.indexOf(argument)]!));
  const args = values.map((value, index): py.Expression => {
    const argument = argumentNodes[index]!;
    if (ts.isSpreadElement(argument)) return { kind: "Starred", value };
    const passed = asPythonData(node, index, argument, withDefault(node, index, argument, value, context), context);
    return toPython ? asAsyncioAwaitable(argument, asPythonNone(argument, passed, context), context) : passed;
  });
  return { args, keywords };
}

function isNull(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node.kind === ts.SyntaxKind.NullKeyword;
}

/** A call of a function of the facade (`tsmp/*`) or of a Python module, which know None, not JavaScript's null. */
export function callsPython(node: ts.CallExpression | ts.NewExpression, context: TransformationContext): boolean {
  const declaration = context.checker.getResolvedSignature(node)?.getDeclaration();
  const symbol = declaration && "symbol" in declaration ? (declaration as { symbol?: ts.Symbol }).symbol : undefined;
  return symbol !== undefined && context.isDeclaredByFacade(symbol);
}

/**
 * An argument handed to Python: null becomes None there (`wait_for(t, null)`, `{ handler: null }`),
 * the literal when building, a value that may be null at run time.
 */
function asPythonNone(argument: ts.Expression, value: py.Expression, context: TransformationContext): py.Expression {
  if (isNull(argument) || !nullishKinds(context, argument).null) return value;
  const temporary = value.kind === "Name" ? value : context.temporary("value");
  const read = value.kind === "Name" ? value : py.namedExpr(temporary, value);
  return py.ifExp(py.compare(read, "is", nullValue(context)), py.none(), temporary);
}

/**
 * An argument for a parameter declared `PythonData<…>`: objects in it become dicts (`py_data`);
 * one whose type holds no objects (numbers, strings, arrays of them) is passed as it is.
 */
function asPythonData(
  node: ts.CallExpression | ts.NewExpression,
  index: number,
  argument: ts.Expression,
  value: py.Expression,
  context: TransformationContext,
): py.Expression {
  const parameter = context.checker.getResolvedSignature(node)?.getDeclaration()?.parameters?.[index];
  if (!parameter || !ts.isParameter(parameter) || !parameter.type || !isMarkerType(parameter.type, "PythonData", context)) return value;
  if (!mayHoldObjects(context.checker.getTypeAtLocation(argument), context)) return value;
  return py.call(context.useHelper("py_data"), [value]);
}

function mayHoldObjects(type: ts.Type, context: TransformationContext, depth = 0): boolean {
  if (depth > 8) return true;
  return (type.isUnion() ? type.types : [type]).some((part) => {
    if ((part.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) === 0) return false;
    if (context.checker.isArrayType(part) || context.checker.isTupleType(part)) {
      return context.checker.getTypeArguments(part as ts.TypeReference).some((element) => mayHoldObjects(element, context, depth + 1));
    }
    return true;
  });
}

/**
 * The index of the argument passed as keyword arguments: the parameter typed `KwArgs<...>`
 * (src/runtime-shim/kwargs.ts), or the last element of a rest tuple ending in one
 * (`...args: [...aws: T, options: KwArgs<...>]`).
 */
function keywordParameterIndex(node: ts.CallExpression | ts.NewExpression, context: TransformationContext): number | undefined {
  const signature = context.checker.getResolvedSignature(node);
  const declaration = signature?.getDeclaration();
  if (!declaration || !("parameters" in declaration)) return undefined;
  const parameters = declaration.parameters;
  const last = parameters[parameters.length - 1];
  if (!last?.type) return undefined;
  if (isKwArgsType(last.type, context)) return parameters.length - 1;
  if (last.dotDotDotToken && ts.isTupleTypeNode(last.type)) {
    const element = last.type.elements[last.type.elements.length - 1];
    const elementType = element && ts.isNamedTupleMember(element) ? element.type : element;
    const argumentCount = node.arguments?.length ?? 0;
    if (elementType && isKwArgsType(elementType, context) && argumentCount > 0) return argumentCount - 1;
  }
  return undefined;
}

function isKwArgsType(type: ts.TypeNode, context: TransformationContext): boolean {
  return isMarkerType(type, "KwArgs", context);
}

/** A parameter type written with one of tsmp/kwargs' markers (`KwArgs<…>`, `PythonData<…>`). */
function isMarkerType(type: ts.TypeNode, marker: string, context: TransformationContext): boolean {
  if (!ts.isTypeReferenceNode(type)) return false;
  let symbol = context.checker.getSymbolAtLocation(type.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
  const aliasDeclaration = symbol?.declarations?.[0];
  if (!aliasDeclaration || symbol?.getName() !== marker) return false;
  const fileName = aliasDeclaration.getSourceFile().fileName;
  return fileName.startsWith(context.program.facadeDirectory) && fileName.endsWith("/kwargs.ts");
}

/**
 * JS applies a parameter's default when the argument is undefined; Python only when it is
 * left out. A constant default is written into the `def` itself (`def f(x=5)`), so an argument
 * that may be undefined gets the default at the call: `f(5)` for a literal `undefined`,
 * `f(v if v is not None else 5)` otherwise.
 */
function withDefault(
  node: ts.CallExpression | ts.NewExpression,
  index: number,
  argument: ts.Expression,
  value: py.Expression,
  context: TransformationContext,
): py.Expression {
  const parameter = context.checker.getResolvedSignature(node)?.getDeclaration()?.parameters?.[index];
  if (!parameter || !ts.isParameter(parameter) || !parameter.initializer || parameter.dotDotDotToken) return value;
  // Also a value typed without undefined that may be undefined (`r["k"]` of a record, an element
  // past the end): undefined-text.ts.
  if (!mayBeUndefined(context.checker.getTypeAtLocation(argument)) && !mayHoldUndefined(argument, context)) return value;
  const fallback = context.transformExpression(parameter.initializer);
  // Defaults that are not constants are applied inside the function already (see transformParameters).
  if (!isConstantValue(fallback)) return value;
  if (value.kind === "Constant" && value.value === null) return fallback;
  if (value.kind === "Name") return py.ifExp(py.compare(value, "is not", py.none()), value, fallback);
  const temporary = context.temporary("argument");
  return py.ifExp(py.compare(py.namedExpr(temporary, value), "is not", py.none()), temporary, fallback);
}

function mayBeUndefined(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0);
}
