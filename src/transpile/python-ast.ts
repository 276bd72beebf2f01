/**
 * The small Python AST the visitors build. Visitors never build strings: the printer
 * (printer.ts) alone decides indentation, precedence and parentheses.
 *
 * `source` is the 0-based position in the TypeScript file a node came from; the printer turns
 * it into a source-map segment, so tracebacks can point back at the `.ts` line.
 */

export interface SourcePosition {
  line: number;
  column: number;
}

interface Located {
  source?: SourcePosition;
}

// ---------------------------------------------------------------- expressions

export interface Name extends Located {
  kind: "Name";
  id: string;
}

/** A literal: strings, numbers (kept as their Python spelling), booleans and None. */
export interface Constant extends Located {
  kind: "Constant";
  value: string | boolean | null | { number: string };
}

export interface Attribute extends Located {
  kind: "Attribute";
  value: Expression;
  attr: string;
}

export interface Subscript extends Located {
  kind: "Subscript";
  value: Expression;
  index: Expression;
}

export interface Keyword {
  name: string;
  value: Expression;
}

export interface Call extends Located {
  kind: "Call";
  func: Expression;
  args: Expression[];
  keywords: Keyword[];
}

export type BinaryOperator = "+" | "-" | "*" | "/" | "//" | "%" | "**" | "<<" | ">>" | "&" | "|" | "^";
export type CompareOperator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "is" | "is not" | "in" | "not in";
export type UnaryOperator = "not" | "-" | "+" | "~";

export interface BinOp extends Located {
  kind: "BinOp";
  op: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface BoolOp extends Located {
  kind: "BoolOp";
  op: "and" | "or";
  left: Expression;
  right: Expression;
}

export interface Compare extends Located {
  kind: "Compare";
  op: CompareOperator;
  left: Expression;
  right: Expression;
  /** `left` is itself a comparison that this one continues: `a <= b <= c` (b evaluated once). */
  chained?: true;
}

export interface UnaryOp extends Located {
  kind: "UnaryOp";
  op: UnaryOperator;
  operand: Expression;
}

export interface IfExp extends Located {
  kind: "IfExp";
  test: Expression;
  body: Expression;
  orelse: Expression;
}

export interface Lambda extends Located {
  kind: "Lambda";
  params: Parameter[];
  body: Expression;
}

export interface List extends Located {
  kind: "List";
  elements: Expression[];
}

export interface Tuple extends Located {
  kind: "Tuple";
  elements: Expression[];
}

export interface Dict extends Located {
  kind: "Dict";
  entries: { key: Expression; value: Expression }[];
}

export interface Await extends Located {
  kind: "Await";
  value: Expression;
}

/** `(yield value)` or `(yield from value)`, always printed in parentheses. */
export interface Yield extends Located {
  kind: "Yield";
  value?: Expression;
  from: boolean;
}

/** `(name := value)`: MicroPython supports assignment expressions. */
export interface NamedExpr extends Located {
  kind: "NamedExpr";
  target: Name;
  value: Expression;
}

/** `[element for target in iterable if condition]`, the condition left out when absent. */
export interface ListComp extends Located {
  kind: "ListComp";
  element: Expression;
  target: Name;
  iterable: Expression;
  condition?: Expression;
}

export interface Starred extends Located {
  kind: "Starred";
  value: Expression;
}

/** `lower:upper` inside a subscript (`s[1:3]`); either bound may be left out. */
export interface Slice extends Located {
  kind: "Slice";
  lower?: Expression;
  upper?: Expression;
}

export type Expression =
  | Name
  | Constant
  | Attribute
  | Subscript
  | Call
  | BinOp
  | BoolOp
  | Compare
  | UnaryOp
  | IfExp
  | Lambda
  | List
  | Tuple
  | Dict
  | Await
  | Yield
  | NamedExpr
  | ListComp
  | Starred
  | Slice;

// ---------------------------------------------------------------- statements

export interface ExpressionStatement extends Located {
  kind: "ExpressionStatement";
  expression: Expression;
}

export interface Assign extends Located {
  kind: "Assign";
  targets: Expression[];
  value: Expression;
}

export interface AugAssign extends Located {
  kind: "AugAssign";
  target: Expression;
  op: BinaryOperator;
  value: Expression;
}

export interface Return extends Located {
  kind: "Return";
  value?: Expression;
}

export interface If extends Located {
  kind: "If";
  test: Expression;
  body: Statement[];
  orelse: Statement[];
}

export interface While extends Located {
  kind: "While";
  test: Expression;
  body: Statement[];
}

export interface For extends Located {
  kind: "For";
  target: Expression;
  iter: Expression;
  body: Statement[];
}

export interface Break extends Located {
  kind: "Break";
}

export interface Continue extends Located {
  kind: "Continue";
}

export interface Pass extends Located {
  kind: "Pass";
}

export interface Parameter {
  name: string;
  default?: Expression;
  /** `*args` */
  rest?: boolean;
  /** Only passed by name (after `*` or `*args`). */
  keywordOnly?: boolean;
}

export interface FunctionDef extends Located {
  kind: "FunctionDef";
  name: string;
  params: Parameter[];
  body: Statement[];
  decorators: Expression[];
  isAsync: boolean;
}

export interface ClassDef extends Located {
  kind: "ClassDef";
  name: string;
  bases: Expression[];
  body: Statement[];
}

export interface ImportAlias {
  name: string;
  asname?: string;
}

export interface Import extends Located {
  kind: "Import";
  names: ImportAlias[];
}

export interface ImportFrom extends Located {
  kind: "ImportFrom";
  module: string;
  names: ImportAlias[];
}

export interface ExceptHandler {
  type?: Expression;
  name?: string;
  body: Statement[];
}

export interface Try extends Located {
  kind: "Try";
  body: Statement[];
  handlers: ExceptHandler[];
  finalbody: Statement[];
}

export interface Raise extends Located {
  kind: "Raise";
  exception?: Expression;
}

export interface Global extends Located {
  kind: "Global";
  names: string[];
}

export interface Nonlocal extends Located {
  kind: "Nonlocal";
  names: string[];
}

export interface Delete extends Located {
  kind: "Delete";
  targets: Expression[];
}

/** A `#` comment line carried over from the TypeScript source. */
export interface Comment extends Located {
  kind: "Comment";
  text: string;
}

export type Statement =
  | Comment
  | ExpressionStatement
  | Assign
  | AugAssign
  | Return
  | If
  | While
  | For
  | Break
  | Continue
  | Pass
  | FunctionDef
  | ClassDef
  | Import
  | ImportFrom
  | Try
  | Raise
  | Global
  | Nonlocal
  | Delete;

export interface Module {
  body: Statement[];
}

// ---------------------------------------------------------------- factories

export const name = (id: string): Name => ({ kind: "Name", id });
export const str = (value: string): Constant => ({ kind: "Constant", value });
export const num = (spelling: string | number): Constant => ({ kind: "Constant", value: { number: String(spelling) } });
export const bool = (value: boolean): Constant => ({ kind: "Constant", value });
export const none = (): Constant => ({ kind: "Constant", value: null });
export const attribute = (value: Expression, attr: string): Attribute => ({ kind: "Attribute", value, attr });
export const starred = (value: Expression): Starred => ({ kind: "Starred", value });
export const lambda = (params: Parameter[], body: Expression): Lambda => ({ kind: "Lambda", params, body });
export const dict = (entries: { key: Expression; value: Expression }[]): Dict => ({ kind: "Dict", entries });
export const subscript = (value: Expression, index: Expression): Subscript => ({ kind: "Subscript", value, index });
export const call = (func: Expression, args: Expression[] = [], keywords: Keyword[] = []): Call => ({
  kind: "Call",
  func,
  args,
  keywords,
});
export const binOp = (left: Expression, op: BinaryOperator, right: Expression): BinOp => ({ kind: "BinOp", op, left, right });
export const boolOp = (left: Expression, op: "and" | "or", right: Expression): BoolOp => ({ kind: "BoolOp", op, left, right });
export const compare = (left: Expression, op: CompareOperator, right: Expression): Compare => ({
  kind: "Compare",
  op,
  left,
  right,
});
/** `low <= value <= high`: Python evaluates `value` once. */
export const between = (low: Expression, value: Expression, high: Expression): Compare => ({
  kind: "Compare",
  op: "<=",
  left: compare(low, "<=", value),
  right: high,
  chained: true,
});
export const unaryOp = (op: UnaryOperator, operand: Expression): UnaryOp => ({ kind: "UnaryOp", op, operand });
export const ifExp = (test: Expression, body: Expression, orelse: Expression): IfExp => ({ kind: "IfExp", test, body, orelse });
export const list = (elements: Expression[]): List => ({ kind: "List", elements });
export const tuple = (elements: Expression[]): Tuple => ({ kind: "Tuple", elements });
export const awaitExpr = (value: Expression): Await => ({ kind: "Await", value });
export const yieldExpr = (value: Expression | undefined, from = false): Yield => ({ kind: "Yield", value, from });
export const namedExpr = (target: Name, value: Expression): NamedExpr => ({ kind: "NamedExpr", target, value });
export const listComp = (element: Expression, target: Name, iterable: Expression, condition?: Expression): ListComp => ({
  kind: "ListComp",
  element,
  target,
  iterable,
  condition,
});

export const expressionStatement = (expression: Expression): ExpressionStatement => ({ kind: "ExpressionStatement", expression });
export const assign = (target: Expression, value: Expression): Assign => ({ kind: "Assign", targets: [target], value });
export const augAssign = (target: Expression, op: BinaryOperator, value: Expression): AugAssign => ({
  kind: "AugAssign",
  target,
  op,
  value,
});
export const returnStatement = (value?: Expression): Return => ({ kind: "Return", value });
export const ifStatement = (test: Expression, body: Statement[], orelse: Statement[] = []): If => ({ kind: "If", test, body, orelse });
export const whileStatement = (test: Expression, body: Statement[]): While => ({ kind: "While", test, body });
export const breakStatement = (): Break => ({ kind: "Break" });
export const continueStatement = (): Continue => ({ kind: "Continue" });
export const pass = (): Pass => ({ kind: "Pass" });

/** Marks a node (and returns it) with the TypeScript position it came from. */
export function at<T extends Located>(node: T, source: SourcePosition | undefined): T {
  if (source && !node.source) node.source = source;
  return node;
}
