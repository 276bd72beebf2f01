import { ts } from "./typescript.js";
import type { Diagnostic } from "./diagnostics.js";
import * as diagnostics from "./diagnostics.js";
import * as py from "./python-ast.js";
import { shadowingRenames } from "./renames.js";
import { isInBoardModuleDeclaration } from "./python-modules.js";
import { pythonSafeName } from "./reserved-names.js";
import type { HelperName } from "./runtime/helper-names.js";
import type { VisitedExpression, VisitedStatement } from "./visited-nodes.js";

const singleStringOrNumber = ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral;

/** What a module's transformation needs to know about the whole program. */
export interface ProgramInfo {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** True for the user's own sources (not lib files, not the tsmp facade). */
  isUserFile(file: ts.SourceFile): boolean;
  /** The Python module name a user source becomes (`util`, `drivers.motor`), or undefined outside the root. */
  pythonModuleOf(fileName: string): string | undefined;
  /** The folder holding the facade sources (`src/runtime-shim`). */
  facadeDirectory: string;
  /** The `.py` a declaration file describes (`bme280.d.ts` beside `bme280.py`), when there is one. */
  pythonSourceOf(file: ts.SourceFile): string | undefined;
}

export type ExpressionVisitor<Node extends ts.Expression> = (node: Node, context: TransformationContext) => py.Expression;
export type StatementVisitor<Node extends ts.Statement> = (node: Node, context: TransformationContext) => py.Statement[];

/**
 * One visitor per syntax kind, each receiving that kind's node type: the visitor under
 * `ts.SyntaxKind.IfStatement` takes a `ts.IfStatement`. The caller that starts a
 * transformation passes the map in (visitors/index.ts builds it), so the context, which every
 * visitor uses, does not depend on the visitors.
 */
export interface Visitors {
  expressions: { readonly [Node in VisitedExpression as Node["kind"]]: ExpressionVisitor<Node> };
  statements: { readonly [Node in VisitedStatement as Node["kind"]]: StatementVisitor<Node> };
  /** A block's statements from its first `using` declaration on (visitors/using.ts). */
  usingBlock: (statements: readonly ts.Statement[], context: TransformationContext) => py.Statement[];
}

// The maps as the context looks them up: by any node's kind. A node whose kind has a visitor
// is that visitor's node type, since each visited type is told apart by its kind.
type ExpressionLookup = Readonly<Partial<Record<ts.SyntaxKind, ExpressionVisitor<ts.Expression>>>>;
type StatementLookup = Readonly<Partial<Record<ts.SyntaxKind, StatementVisitor<ts.Statement>>>>;

interface LoopFrame {
  /** Statements that must run before a `continue` (a for-loop's incrementor, a do-while's test). */
  beforeContinue: () => py.Statement[];
}

/**
 * State of one module's transformation: the checker, collected diagnostics, the runtime
 * helpers used, and the "preceding statements" a visitor may emit before its expression.
 */
export class TransformationContext {
  readonly checker: ts.TypeChecker;
  readonly diagnostics: Diagnostic[] = [];
  readonly usedHelpers = new Set<HelperName>();
  private readonly precedingStack: py.Statement[][] = [];
  private readonly loopStack: LoopFrame[] = [];
  private temporaryCount = 0;
  private readonly temporaries = new Set<string>();
  private renames: Map<ts.Symbol, string> | undefined;
  private readonly symbols = new Map<ts.Node, ts.Symbol | undefined>();
  private readonly userSymbols = new Map<ts.Symbol, boolean>();
  private readonly facadeSymbols = new Map<ts.Symbol, boolean>();
  private readonly types = new Map<ts.Node, ts.Type>();
  private readonly substitutes = new Map<ts.Node, py.Expression>();
  private readonly loweredOptionals = new Set<ts.Node>();
  /** Values built once, when the module loads (a tagged template's strings array). */
  readonly moduleConstants: py.Statement[] = [];

  private readonly expressionVisitors: ExpressionLookup;
  private readonly statementVisitors: StatementLookup;
  private readonly usingBlock: Visitors["usingBlock"];

  constructor(
    readonly program: ProgramInfo,
    readonly sourceFile: ts.SourceFile,
    visitors: Visitors,
  ) {
    this.checker = program.checker;
    this.expressionVisitors = visitors.expressions as ExpressionLookup;
    this.statementVisitors = visitors.statements as StatementLookup;
    this.usingBlock = visitors.usingBlock;
  }

  report(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  transformExpression(node: ts.Expression): py.Expression {
    const substitute = this.substitutes.get(node);
    if (substitute) return substitute;
    const visitor = this.expressionVisitors[node.kind];
    if (!visitor) {
      this.report(diagnostics.unsupportedSyntax(node));
      return py.none();
    }
    // Only statements carry source positions: a traceback names lines, and line starts are statements.
    return visitor(node, this);
  }

  /** Transforms one statement; statements its expressions needed come first. */
  transformStatement(node: ts.Statement): py.Statement[] {
    const visitor = this.statementVisitors[node.kind];
    if (!visitor) {
      this.report(diagnostics.unsupportedSyntax(node));
      return [];
    }
    this.precedingStack.push([]);
    const statements = visitor(node, this);
    const preceding = this.precedingStack.pop()!;
    const source = this.positionOf(node);
    for (const statement of statements) py.at(statement, source);
    const emitted = [...preceding, ...statements];
    return emitted.length > 0 ? [...this.leadingComments(node), ...emitted] : [];
  }

  /** The `//` and `/* *\/` comments above a statement, as `#` lines (directives left out). */
  private leadingComments(node: ts.Statement): py.Comment[] {
    const ranges = ts.getLeadingCommentRanges(this.sourceFile.text, node.getFullStart()) ?? [];
    const comments: py.Comment[] = [];
    for (const range of ranges) {
      const text = this.sourceFile.text.slice(range.pos, range.end);
      if (/^\/\/\/\s*<|^\/\/\s*@ts-|^\/\*\s*eslint|^\/\/\s*eslint/.test(text)) continue;
      const lines =
        range.kind === ts.SyntaxKind.SingleLineCommentTrivia
          ? [text.slice(2)]
          : text
              .slice(2, -2)
              .split("\n")
              .map((line) => line.replace(/^\s*\*?/, ""))
              .filter((line, index, all) => line.trim() !== "" || (index > 0 && index < all.length - 1));
      for (const line of lines) comments.push({ kind: "Comment", text: line.trim() === "" ? "" : line.replace(/^ /, "").trimEnd() });
    }
    return comments;
  }

  transformStatements(nodes: readonly ts.Statement[]): py.Statement[] {
    const statements = hoistFunctionDeclarations(nodes, this.checker);
    // From a block's first `using` on, its statements run in a try that disposes (using.ts).
    // A switch's cases share one block, which a case's statements do not make: TypeScript
    // rejects `using` directly in a case (TS1547).
    const first = nodes.length > 0 && ts.isCaseOrDefaultClause(nodes[0]!.parent) ? -1 : statements.findIndex(declaresUsing);
    if (first < 0) return statements.flatMap((node) => this.transformStatement(node));
    return [
      ...statements.slice(0, first).flatMap((node) => this.transformStatement(node)),
      ...this.usingBlock(statements.slice(first), this),
    ];
  }

  /** A block's statements, as a Python suite. */
  transformBlock(node: ts.Statement): py.Statement[] {
    return ts.isBlock(node) ? this.transformStatements(node.statements) : this.transformStatement(node);
  }

  /** Whether the `?.` of this chain link was already lowered (see visitors/optional-chain.ts). */
  isLoweredOptional(link: ts.Node): boolean {
    return this.loweredOptionals.has(link);
  }

  /** Transforms with one `?.` lowered: its link reads as `.`, and its base as the given value. */
  withLoweredOptional<T>(link: ts.Node, base: ts.Expression, value: py.Expression, transform: () => T): T {
    const baseType = this.typeOf(base);
    this.loweredOptionals.add(link);
    this.substitutes.set(base, value);
    // Past the None test the base is known not to be null or undefined.
    this.types.set(base, this.checker.getNonNullableType(baseType));
    try {
      return transform();
    } finally {
      this.loweredOptionals.delete(link);
      this.substitutes.delete(base);
      this.types.set(base, baseType);
    }
  }

  /**
   * Transforms with made-up nodes (no source of their own) read as the given values, of the given
   * types: the parameters of a library function used as a value (builtins/function-values.ts).
   */
  withStandIns<T>(standIns: ReadonlyMap<ts.Node, { value: py.Expression; type: ts.Type }>, transform: () => T): T {
    for (const [node, { value, type }] of standIns) {
      this.substitutes.set(node, value);
      this.types.set(node, type);
    }
    try {
      return transform();
    } finally {
      for (const node of standIns.keys()) {
        this.substitutes.delete(node);
        this.types.delete(node);
      }
    }
  }

  /** Adds statements that must run before the expression being transformed. */
  addPrecedingStatements(...statements: py.Statement[]): void {
    const frame = this.precedingStack[this.precedingStack.length - 1];
    if (!frame) throw new Error("preceding statements outside a statement");
    frame.push(...statements);
  }

  /**
   * Runs a transformation and returns, separately, the statements its expressions need first.
   * Used by visitors that must place them somewhere else (a loop test is re-evaluated each pass).
   */
  collectPreceding<T>(transform: () => T): { result: T; preceding: py.Statement[] } {
    this.precedingStack.push([]);
    try {
      const result = transform();
      return { result, preceding: this.precedingStack[this.precedingStack.length - 1]! };
    } finally {
      this.precedingStack.pop();
    }
  }

  /**
   * Sibling expressions (operands, call arguments) in JS's left-to-right order: when one needs
   * statements first, the siblings before it are evaluated into temporaries ahead of those
   * statements, so `a[i] + f(a[i] = 2)` still reads the old `a[i]` first.
   */
  transformInOrder(nodes: readonly ts.Expression[]): py.Expression[] {
    const results: py.Expression[] = [];
    for (const node of nodes) {
      const { result, preceding } = this.collectPreceding(() => this.transformExpression(node));
      if (preceding.some((statement) => statement.kind !== "FunctionDef")) {
        results.forEach((earlier, index) => {
          if (this.isSettled(earlier)) return;
          const temporary = this.temporary("value");
          this.addPrecedingStatements(py.assign(temporary, earlier));
          results[index] = temporary;
        });
      }
      this.addPrecedingStatements(...preceding);
      results.push(result);
    }
    return results;
  }

  /**
   * What follows an already transformed expression (a call's arguments after its callee), in
   * JS's order: when the rest needs statements first (`a[i].f(i++)`), `first` is evaluated into
   * a temporary ahead of them. Returns `first` as the rest must use it.
   */
  transformAfter<T>(first: py.Expression, rest: () => T): { first: py.Expression; result: T } {
    const { result, preceding } = this.collectPreceding(rest);
    if (preceding.some((statement) => statement.kind !== "FunctionDef") && !this.isSettled(first)) {
      const temporary = this.temporary("value");
      this.addPrecedingStatements(py.assign(temporary, first));
      first = temporary;
    }
    this.addPrecedingStatements(...preceding);
    return { first, result };
  }

  /**
   * Whether an expression names something no argument can rebind: a declared function, class,
   * enum or import, or a `const`. A call need not read such a callee or receiver early.
   */
  namesFixedValue(node: ts.Expression): boolean {
    if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (!ts.isIdentifier(node)) return false;
    const symbol = this.symbolOf(node);
    if (!symbol) return false;
    if (
      symbol.flags &
      (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.Alias | ts.SymbolFlags.ValueModule)
    )
      return true;
    const declaration = symbol.valueDeclaration;
    return (
      declaration !== undefined &&
      ts.isVariableDeclaration(declaration) &&
      (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0
    );
  }

  /**
   * A library call built around an already transformed receiver (`build` transforms the
   * arguments), in JS's order: when building needs statements first (`a[i].slice(i++)`), the
   * receiver is evaluated into a temporary ahead of them and the call uses the temporary.
   */
  transformAround(receiver: py.Expression, build: () => py.Expression): py.Expression {
    const { result, preceding } = this.collectPreceding(build);
    if (!preceding.some((statement) => statement.kind !== "FunctionDef") || this.isSettled(receiver)) {
      this.addPrecedingStatements(...preceding);
      return result;
    }
    const temporary = this.temporary("value");
    this.addPrecedingStatements(py.assign(temporary, receiver), ...replaceNode(preceding, receiver, temporary));
    return replaceNode(result, receiver, temporary);
  }

  /** Whether a name is one of the temporaries this module's transformation made. */
  isTemporary(name: string): boolean {
    return this.temporaries.has(name);
  }

  /** A value no later statement can change: a literal, a lambda, a temporary. */
  private isSettled(expression: py.Expression): boolean {
    if (expression.kind === "Constant" || expression.kind === "Lambda") return true;
    return expression.kind === "Name" && this.temporaries.has(expression.id);
  }

  /** For a sub-expression that runs only sometimes (`&&`, `?:`): it must not need statements. */
  transformConditionalExpression(node: ts.Expression): py.Expression {
    const { result, preceding } = this.collectPreceding(() => this.transformExpression(node));
    // A hoisted `def` has no effect of its own, so it may run unconditionally.
    if (preceding.some((statement) => statement.kind !== "FunctionDef")) this.report(diagnostics.sideEffectInShortCircuit(node));
    else this.addPrecedingStatements(...preceding);
    return result;
  }

  /** Asks for a runtime helper from `src/transpile/runtime/<name>.py`; returns its name. */
  useHelper(name: HelperName): py.Name {
    this.usedHelpers.add(name);
    return py.name(name);
  }

  /** A value built once when the module loads; its module-level name. */
  moduleConstant(hint: string, value: py.Expression): py.Name {
    const name = `_${hint}_${this.moduleConstants.length + 1}`;
    this.moduleConstants.push(py.assign(py.name(name), value));
    return py.name(name);
  }

  /** A fresh local name for a temporary value. */
  temporary(hint = "tmp"): py.Name {
    this.temporaryCount += 1;
    // Hints come from JavaScript names (`$pick`, a quoted key): keep only what Python allows.
    const name = `${hint.replace(/[^A-Za-z0-9_]/g, "_")}_${this.temporaryCount}`;
    this.temporaries.add(name);
    return py.name(name);
  }

  withLoop<T>(frame: LoopFrame, body: () => T): T {
    this.loopStack.push(frame);
    try {
      return body();
    } finally {
      this.loopStack.pop();
    }
  }

  /** Statements a `continue` must run first, for the innermost loop. */
  beforeContinue(): py.Statement[] {
    const frame = this.loopStack[this.loopStack.length - 1];
    return frame ? frame.beforeContinue() : [];
  }

  /** A function body is a new loop context: `continue` never crosses it. */
  withoutLoops<T>(body: () => T): T {
    const saved = this.loopStack.splice(0);
    try {
      return body();
    } finally {
      this.loopStack.push(...saved);
    }
  }

  /** The Python spelling of a user identifier (keywords and builtins renamed, shadowing undone). */
  pythonName(identifier: ts.Identifier): string {
    const text = identifier.text;
    const symbol = this.symbolOf(identifier);
    if (symbol && !this.isDeclaredByUser(symbol)) return text;
    this.renames ??= shadowingRenames(this.sourceFile, this.checker);
    const local =
      symbol && (this.renames.get(symbol) ?? this.renames.get(this.checker.getShorthandAssignmentValueSymbol(identifier.parent) ?? symbol));
    return local ?? pythonSafeName(text);
  }

  /** The checker's symbol for a node, remembered: the checker resolves a name anew on every ask. */
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    if (this.symbols.has(node)) return this.symbols.get(node);
    const symbol = this.checker.getSymbolAtLocation(node);
    this.symbols.set(node, symbol);
    return symbol;
  }

  /** The checker's type for a node, remembered (a type query repeats flow analysis). */
  typeOf(node: ts.Node): ts.Type {
    let type = this.types.get(node);
    if (!type) {
      type = this.checker.getTypeAtLocation(node);
      // `o.a?.s` in `o.a?.s.length`: the chain goes on only when `o.a` is not nullish, so the
      // link's value there is never the undefined the checker adds for the short circuit.
      if (continuesOptionalChain(node)) type = this.checker.getNonNullableType(type);
      this.types.set(node, type);
    }
    return type;
  }

  /**
   * A type that classifies `node` as the checker's type for it does (string, number, boolean,
   * nullish, any, a type parameter, the kinds in a union), for decisions that look no further. A
   * variable declared with one string or number type can only be narrowed to a literal of that
   * type (or to never, where the code cannot run), so its declared type answers without the flow
   * analysis a type query repeats for every reference: the most frequent query in a build.
   */
  classifiedTypeOf(node: ts.Node): ts.Type {
    if (ts.isIdentifier(node) && !ts.isShorthandPropertyAssignment(node.parent)) {
      const symbol = this.symbolOf(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Variable) {
        const declared = this.checker.getTypeOfSymbol(symbol);
        if (declared.flags & singleStringOrNumber && !(declared.flags & ts.TypeFlags.EnumLiteral)) return declared;
      }
    }
    return this.typeOf(node);
  }

  /** Whether a symbol comes from the user's sources (so tsmp may rename it). */
  isDeclaredByUser(symbol: ts.Symbol): boolean {
    let known = this.userSymbols.get(symbol);
    if (known === undefined) {
      const declaration = symbol.declarations?.[0];
      known = declaration !== undefined && this.program.isUserFile(declaration.getSourceFile());
      this.userSymbols.set(symbol, known);
    }
    return known;
  }

  /**
   * Whether a symbol is declared by the facade (`tsmp/*`) or by the declaration of a Python
   * module (a local `.py`'s `.d.ts`, a `board:` module): either way it is Python's, used as is.
   */
  isDeclaredByFacade(symbol: ts.Symbol): boolean {
    let known = this.facadeSymbols.get(symbol);
    if (known === undefined) {
      const resolved = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
      const declaration = resolved.declarations?.[0];
      known = declaration !== undefined && this.isPythonDeclaration(declaration);
      this.facadeSymbols.set(symbol, known);
    }
    return known;
  }

  private isPythonDeclaration(declaration: ts.Declaration): boolean {
    const file = declaration.getSourceFile();
    return (
      file.fileName.startsWith(this.program.facadeDirectory) ||
      this.program.pythonSourceOf(file) !== undefined ||
      isInBoardModuleDeclaration(declaration)
    );
  }

  positionOf(node: ts.Node): py.SourcePosition {
    const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile));
    return { line, column: character };
  }
}

/** `using x = …` and `await using x = …` statements. */
export function declaresUsing(node: ts.Statement): node is ts.VariableStatement {
  return ts.isVariableStatement(node) && (node.declarationList.flags & ts.NodeFlags.Using) !== 0;
}

/** A link of an optional chain that the chain continues from without a `?.` of its own. */
function continuesOptionalChain(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (node.flags & ts.NodeFlags.OptionalChain) !== 0 &&
    parent !== undefined &&
    (parent.flags & ts.NodeFlags.OptionalChain) !== 0 &&
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
    parent.expression === node &&
    parent.questionDotToken === undefined
  );
}

/**
 * JS hoists function declarations; Python binds a `def` when it runs. A function that code
 * above its declaration may call (directly or through other functions) moves to the top of
 * its block; everything else keeps its order.
 */
export function hoistFunctionDeclarations(nodes: readonly ts.Statement[], checker: ts.TypeChecker): readonly ts.Statement[] {
  const declarations = new Map<ts.Symbol, ts.FunctionDeclaration>();
  for (const node of nodes) {
    if (!ts.isFunctionDeclaration(node) || !node.body || !node.name) continue;
    const symbol = checker.getSymbolAtLocation(node.name);
    if (symbol) declarations.set(symbol, node);
  }
  if (declarations.size === 0) return nodes;
  const names = new Set([...declarations.values()].map((declaration) => declaration.name!.text));
  const referenced = new Map<ts.Node, Set<ts.Symbol>>();
  const referencesOf = (root: ts.Node): Set<ts.Symbol> => {
    let found = referenced.get(root);
    if (found) return found;
    const symbols = new Set<ts.Symbol>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        if (!names.has(node.text)) return;
        // `{ f }` names the property; the function it holds is the shorthand's value symbol.
        const symbol = ts.isShorthandPropertyAssignment(node.parent)
          ? checker.getShorthandAssignmentValueSymbol(node.parent)
          : checker.getSymbolAtLocation(node);
        if (symbol && declarations.has(symbol) && declarations.get(symbol)!.name !== node) symbols.add(symbol);
      } else {
        ts.forEachChild(node, visit);
      }
    };
    visit(root);
    referenced.set(root, symbols);
    found = symbols;
    return found;
  };
  const hoisted = new Set<ts.Statement>();
  const reachable = new Set<ts.Symbol>();
  const reach = (symbol: ts.Symbol): void => {
    if (reachable.has(symbol)) return;
    reachable.add(symbol);
    for (const next of referencesOf(declarations.get(symbol)!)) reach(next);
  };
  for (const node of nodes) {
    if (ts.isFunctionDeclaration(node) && node.name) {
      const symbol = checker.getSymbolAtLocation(node.name);
      if (symbol && reachable.has(symbol)) hoisted.add(node);
      continue;
    }
    for (const symbol of referencesOf(node)) reach(symbol);
  }
  if (hoisted.size === 0) return nodes;
  return [...nodes.filter((node) => hoisted.has(node)), ...nodes.filter((node) => !hoisted.has(node))];
}

/** A copy of `tree` in which the node `target` (the same object) is `replacement` wherever it occurs. */
function replaceNode<T>(tree: T, target: py.Expression, replacement: py.Expression): T {
  if (tree === target) return replacement as T;
  if (Array.isArray(tree)) return tree.map((item: unknown) => replaceNode(item, target, replacement)) as T;
  if (tree === null || typeof tree !== "object") return tree;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) copy[key] = replaceNode(value, target, replacement);
  return copy as T;
}
