import { ts } from "../typescript.js";
import { hoistFunctionDeclarations, type TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { pythonSafeAttribute } from "../reserved-names.js";
import { enumObject, enumSymbolProperties } from "../builtins/enum-object.js";
import { capturedAssignments, exportingNamespace, hasExport } from "../scope.js";

/**
 * `namespace NS { … }` as TypeScript emits it: an object (`NS = JsObject()`) filled by a
 * function that runs the body once. The body's own names stay locals of that function; what
 * it exports becomes a property of the object. Like TypeScript, an exported variable is read
 * through the object everywhere (`NS.x`), other exported declarations by their local name
 * inside the body that declares them and through the object elsewhere (a merged `namespace NS`
 * further down, or outside). A namespace merged with a class or an enum adds attributes to it.
 */
export function transformNamespace(node: ts.ModuleDeclaration, context: TransformationContext): py.Statement[] {
  const symbol = context.symbolOf(node.name);
  if (!symbol || !isInstantiated(node)) return [];
  if (symbol.flags & ts.SymbolFlags.Function && !isMergeableFunction(symbol, context)) {
    // MicroPython functions take no attributes; a function declared here with a body is a JsFunction.
    context.report(diagnostics.namespaceMergedWithFunction(node));
    return [];
  }
  const name = py.name(context.pythonName(node.name as ts.Identifier));
  const statements = namespaceObject(node, symbol, name, context);
  const fill = context.temporary(`${name.id}_namespace`);
  const body = ts.isModuleBlock(node.body!)
    ? namespaceBody(node, node.body.statements, context)
    : // `namespace A.B { … }` is `namespace A { export namespace B { … } }`.
      transformNamespace(node.body as ts.ModuleDeclaration, context);
  statements.push(
    {
      kind: "FunctionDef",
      name: fill.id,
      params: [],
      body: [...scopeDeclarations(node, context), ...(body.length > 0 ? body : [{ kind: "Pass" } as py.Statement])],
      decorators: [],
      isAsync: false,
    },
    py.expressionStatement(py.call(fill, [])),
  );
  return statements;
}

/** A function declared with a body in this file: made a JsFunction (function-properties.ts), which holds the namespace's members. */
function isMergeableFunction(symbol: ts.Symbol, context: TransformationContext): boolean {
  const declaration = symbol.valueDeclaration;
  return (
    declaration !== undefined &&
    ts.isFunctionDeclaration(declaration) &&
    declaration.body !== undefined &&
    declaration.getSourceFile() === context.sourceFile &&
    !(declaration.asteriskToken || ts.getModifiers(declaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword))
  );
}

function scopeDeclarations(node: ts.ModuleDeclaration, context: TransformationContext): py.Statement[] {
  const { global, nonlocal } = capturedAssignments(node as unknown as ts.SignatureDeclaration, context);
  const statements: py.Statement[] = [];
  if (global.length > 0) statements.push({ kind: "Global", names: global });
  if (nonlocal.length > 0) statements.push({ kind: "Nonlocal", names: nonlocal });
  return statements;
}

/**
 * Binds the namespace's name where its body runs: the first declaration creates the object (an
 * exported inner one stores it in the outer object too), a later one of an exported inner
 * namespace fetches it from the outer object; a class or an enum is its own namespace object.
 */
function namespaceObject(node: ts.ModuleDeclaration, symbol: ts.Symbol, name: py.Name, context: TransformationContext): py.Statement[] {
  if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.Function)) return [];
  const first = symbol.declarations?.find((declaration) => ts.isModuleDeclaration(declaration) && isInstantiated(declaration)) === node;
  const outer = ts.isModuleDeclaration(node.parent)
    ? node.parent
    : ts.isModuleBlock(node.parent) && hasExport(node)
      ? node.parent.parent
      : undefined;
  if (!first) return outer ? [py.assign(name, py.attribute(namespaceReference(outer, context), pythonSafeAttribute(name.id)))] : [];
  const created = [py.assign(name, py.call(context.useHelper("JsNamespace"), []))];
  if (outer) created.push(py.assign(namespaceMemberTarget(outer, node.name.text, context), name));
  return created;
}

function isDeclare(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) ?? false);
}

/** Whether a namespace declaration holds values (not only types), as TypeScript decides. */
function isInstantiated(node: ts.ModuleDeclaration): boolean {
  const body = node.body;
  if (!body || isDeclare(node)) return false;
  if (ts.isModuleDeclaration(body)) return isInstantiated(body);
  if (!ts.isModuleBlock(body)) return false;
  return body.statements.some(
    (statement) =>
      !ts.isInterfaceDeclaration(statement) &&
      !ts.isTypeAliasDeclaration(statement) &&
      !(ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) &&
      !(ts.isModuleDeclaration(statement) && !isInstantiated(statement)),
  );
}

function namespaceBody(node: ts.ModuleDeclaration, statements: readonly ts.Statement[], context: TransformationContext): py.Statement[] {
  const emitted: py.Statement[] = [];
  for (const statement of hoistFunctionDeclarations(statements, context.checker)) {
    if (ts.isVariableStatement(statement) && hasExport(statement)) {
      emitted.push(...exportedVariables(statement, node, context));
      continue;
    }
    emitted.push(...context.transformStatement(statement));
    const declared =
      ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)
        ? statement.name
        : undefined;
    if (declared && hasExport(statement) && !isDeclare(statement)) {
      // An enum's property is JavaScript's enum object (printed, listed as one); a merged
      // namespace's members live on the class, read as `NS.E.f`.
      const members =
        ts.isEnumDeclaration(statement) && !isMergedEnum(statement, context)
          ? enumSymbolProperties(context.symbolOf(statement.name), context)
          : undefined;
      if (members) emitted.push(py.assign(namespaceMemberTarget(node, declared.text, context), enumObject(members, context)));
      else emitted.push(...exportBinding(declared, node, context));
    }
  }
  return emitted;
}

/** An enum that a namespace of the same name adds members to. */
function isMergedEnum(node: ts.EnumDeclaration, context: TransformationContext): boolean {
  const symbol = context.symbolOf(node.name);
  return symbol !== undefined && (symbol.flags & ts.SymbolFlags.ValueModule) !== 0;
}

/** `NS["f"] = f` right after an exported declaration, as TypeScript's `NS.f = f`. */
function exportBinding(name: ts.Identifier, namespace: ts.ModuleDeclaration, context: TransformationContext): py.Statement[] {
  return [py.assign(namespaceMemberTarget(namespace, name.text, context), py.name(context.pythonName(name)))];
}

function exportedVariables(
  statement: ts.VariableStatement,
  namespace: ts.ModuleDeclaration,
  context: TransformationContext,
): py.Statement[] {
  const emitted: py.Statement[] = [];
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name)) {
      context.report(diagnostics.unsupportedSyntax(declaration));
      continue;
    }
    // `export let x;` assigns nothing: reading NS.x is undefined until it is set.
    if (!declaration.initializer) continue;
    const { result, preceding } = context.collectPreceding(() => context.transformExpression(declaration.initializer!));
    emitted.push(...preceding, py.assign(namespaceMemberTarget(namespace, declaration.name.text, context), result));
  }
  return emitted;
}

/**
 * Where an exported member is first stored: an item of the namespace object (so Object.keys
 * sees it in order), or an attribute of a class or enum it merges with.
 */
export function namespaceMemberTarget(namespace: ts.ModuleDeclaration, member: string, context: TransformationContext): py.Expression {
  const object = namespaceReference(namespace, context);
  const symbol = context.symbolOf(namespace.name);
  if (symbol && symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.Function))
    return py.attribute(object, pythonSafeAttribute(member));
  return py.subscript(object, py.str(member));
}

/** The namespace object, by its name: every declaration of a namespace binds it where its members are used. */
function namespaceReference(namespace: ts.ModuleDeclaration, context: TransformationContext): py.Expression {
  return py.name(context.pythonName(namespace.name as ts.Identifier));
}

/**
 * A name that, as TypeScript emits it, is read through its namespace object: an exported
 * namespace variable or alias anywhere, another exported member outside the body declaring it.
 */
export function namespaceMemberReference(
  identifier: ts.Identifier,
  context: TransformationContext,
  symbol = context.symbolOf(identifier),
): py.Expression | undefined {
  // An alias (`export import R = A.B`) has no value declaration of its own.
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.find(ts.isImportEqualsDeclaration);
  if (!symbol || !declaration || !context.isDeclaredByUser(symbol)) return undefined;
  const namespace = exportingNamespace(declaration);
  if (!namespace || (declaration as ts.NamedDeclaration).name === identifier) return undefined;
  const body = namespace.body!;
  const local = identifier.pos >= body.pos && identifier.end <= body.end;
  if (local && !ts.isVariableDeclaration(declaration) && !ts.isImportEqualsDeclaration(declaration)) return undefined;
  return py.attribute(namespaceReference(namespace, context), pythonSafeAttribute(identifier.text));
}
