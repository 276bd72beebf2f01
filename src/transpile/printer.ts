import type * as py from "./python-ast.js";
import type { Mapping } from "../sourcemap/source-map.js";

/**
 * Turns the Python AST into source text. The only place that knows Python's precedence,
 * parentheses and indentation (4 spaces, as a person would write it).
 */

// Higher binds tighter (Python language reference, "Operator precedence").
const enum Precedence {
  Lambda = 1,
  IfExp = 2,
  Or = 3,
  And = 4,
  Not = 5,
  Compare = 6,
  BitOr = 7,
  BitXor = 8,
  BitAnd = 9,
  Shift = 10,
  Additive = 11,
  Multiplicative = 12,
  Unary = 13,
  Power = 14,
  Await = 15,
  Primary = 16,
  Atom = 17,
}

const binaryPrecedence: Record<py.BinaryOperator, Precedence> = {
  "|": Precedence.BitOr,
  "^": Precedence.BitXor,
  "&": Precedence.BitAnd,
  "<<": Precedence.Shift,
  ">>": Precedence.Shift,
  "+": Precedence.Additive,
  "-": Precedence.Additive,
  "*": Precedence.Multiplicative,
  "/": Precedence.Multiplicative,
  "//": Precedence.Multiplicative,
  "%": Precedence.Multiplicative,
  "**": Precedence.Power,
};

function precedenceOf(node: py.Expression): Precedence {
  switch (node.kind) {
    case "Lambda":
      return Precedence.Lambda;
    case "NamedExpr":
    case "Yield":
      // Printed with its own parentheses, which Python requires in most places anyway.
      return Precedence.Atom;
    case "IfExp":
      return Precedence.IfExp;
    case "BoolOp":
      return node.op === "or" ? Precedence.Or : Precedence.And;
    case "UnaryOp":
      return node.op === "not" ? Precedence.Not : Precedence.Unary;
    case "Compare":
      return Precedence.Compare;
    case "BinOp":
      return binaryPrecedence[node.op];
    case "Await":
      return Precedence.Await;
    case "Attribute":
    case "Subscript":
    case "Call":
      return Precedence.Primary;
    case "Constant":
      // `-1 .x` never happens, but `(-1) ** 2` must keep its parentheses.
      return typeof node.value === "object" && node.value !== null && node.value.number.startsWith("-")
        ? Precedence.Unary
        : Precedence.Atom;
    default:
      return Precedence.Atom;
  }
}

export interface PrintedModule {
  text: string;
  mappings: Mapping[];
}

export function printModule(module: py.Module): PrintedModule {
  const printer = new Printer();
  printer.statements(module.body, 0);
  return { text: printer.lines.join("\n") + (printer.lines.length > 0 ? "\n" : ""), mappings: printer.mappings };
}

class Printer {
  readonly lines: string[] = [];
  readonly mappings: Mapping[] = [];

  statements(body: py.Statement[], depth: number): void {
    if (body.every((statement) => statement.kind === "Comment")) {
      body = [...body, { kind: "Pass" }];
    }
    body.forEach((statement, index) => {
      const previous = body[index - 1];
      // A comment belongs to the statement it precedes: blank lines go above the comment.
      const owner = body.slice(index).find((next) => next.kind !== "Comment") ?? statement;
      // PEP 8: blank lines around top-level definitions, one around nested ones.
      if (previous && previous.kind !== "Comment" && (isDefinition(owner) || isDefinition(previous))) {
        const blank = depth === 0 ? 2 : 1;
        for (let i = 0; i < blank; i++) this.lines.push("");
      }
      this.statement(statement, depth);
    });
  }

  private line(text: string, depth: number, source?: py.SourcePosition): void {
    if (source) {
      this.mappings.push({
        generatedLine: this.lines.length,
        generatedColumn: depth * 4,
        sourceLine: source.line,
        sourceColumn: source.column,
      });
    }
    this.lines.push("    ".repeat(depth) + text);
  }

  private statement(node: py.Statement, depth: number): void {
    const source = node.source;
    switch (node.kind) {
      case "Comment":
        return this.line(node.text ? `# ${node.text}` : "#", depth);
      case "ExpressionStatement":
        return this.line(this.expression(node.expression, 0), depth, source);
      case "Assign":
        return this.line(
          [...node.targets.map((target) => this.expression(target, 0)), this.expression(node.value, 0)].join(" = "),
          depth,
          source,
        );
      case "AugAssign":
        return this.line(`${this.expression(node.target, 0)} ${node.op}= ${this.expression(node.value, 0)}`, depth, source);
      case "Return":
        return this.line(node.value ? `return ${this.expression(node.value, 0)}` : "return", depth, source);
      case "If":
        return this.ifStatement(node, depth, "if");
      case "While":
        this.line(`while ${this.expression(node.test, 0)}:`, depth, source);
        return this.statements(node.body, depth + 1);
      case "For":
        this.line(`for ${this.expression(node.target, 0)} in ${this.expression(node.iter, 0)}:`, depth, source);
        return this.statements(node.body, depth + 1);
      case "Break":
        return this.line("break", depth, source);
      case "Continue":
        return this.line("continue", depth, source);
      case "Pass":
        return this.line("pass", depth, source);
      case "FunctionDef":
        for (const decorator of node.decorators) this.line(`@${this.expression(decorator, 0)}`, depth, source);
        this.line(`${node.isAsync ? "async " : ""}def ${node.name}(${this.parameters(node.params)}):`, depth, source);
        return this.statements(node.body, depth + 1);
      case "ClassDef": {
        const bases = node.bases.length > 0 ? `(${node.bases.map((base) => this.expression(base, 0)).join(", ")})` : "";
        this.line(`class ${node.name}${bases}:`, depth, source);
        return this.statements(node.body, depth + 1);
      }
      case "Import":
        return this.line(`import ${node.names.map(alias).join(", ")}`, depth, source);
      case "ImportFrom":
        return this.line(`from ${node.module} import ${node.names.map(alias).join(", ")}`, depth, source);
      case "Try":
        this.line("try:", depth, source);
        this.statements(node.body, depth + 1);
        for (const handler of node.handlers) {
          const type = handler.type ? ` ${this.expression(handler.type, 0)}` : "";
          const as = handler.name ? ` as ${handler.name}` : "";
          this.line(`except${type}${as}:`, depth);
          this.statements(handler.body, depth + 1);
        }
        if (node.finalbody.length > 0) {
          this.line("finally:", depth);
          this.statements(node.finalbody, depth + 1);
        }
        return;
      case "Raise":
        return this.line(node.exception ? `raise ${this.expression(node.exception, 0)}` : "raise", depth, source);
      case "Global":
        return this.line(`global ${node.names.join(", ")}`, depth, source);
      case "Nonlocal":
        return this.line(`nonlocal ${node.names.join(", ")}`, depth, source);
      case "Delete":
        return this.line(`del ${node.targets.map((target) => this.expression(target, 0)).join(", ")}`, depth, source);
      default:
        return unhandled(node);
    }
  }

  private ifStatement(node: py.If, depth: number, keyword: "if" | "elif"): void {
    this.line(`${keyword} ${this.expression(node.test, 0)}:`, depth, node.source);
    this.statements(node.body, depth + 1);
    if (node.orelse.length === 1 && node.orelse[0]!.kind === "If") {
      this.ifStatement(node.orelse[0], depth, "elif");
    } else if (node.orelse.length > 0) {
      this.line("else:", depth);
      this.statements(node.orelse, depth + 1);
    }
  }

  private parameters(params: py.Parameter[]): string {
    let starred = false;
    return params
      .map((param) => {
        if (param.rest) {
          starred = true;
          return `*${param.name}`;
        }
        const text = param.default ? `${param.name}=${this.expression(param.default, 0)}` : param.name;
        if (!param.keywordOnly || starred) return text;
        starred = true;
        return `*, ${text}`;
      })
      .join(", ");
  }

  /** Prints `node`, parenthesised when it binds looser than the context needs. */
  expression(node: py.Expression, minimum: number): string {
    const text = this.bare(node);
    return precedenceOf(node) < minimum ? `(${text})` : text;
  }

  private bare(node: py.Expression): string {
    switch (node.kind) {
      case "Name":
        return node.id;
      case "Constant":
        return constant(node.value);
      case "Attribute": {
        const value = this.expression(node.value, Precedence.Primary);
        // `1 .real` needs the space; integer literals are the only atom where `.` is ambiguous.
        return /^\d+$/.test(value) ? `${value} .${node.attr}` : `${value}.${node.attr}`;
      }
      case "Subscript":
        return `${this.expression(node.value, Precedence.Primary)}[${this.expression(node.index, 0)}]`;
      case "Call": {
        const args = [
          ...node.args.map((arg) => this.expression(arg, Precedence.Lambda)),
          ...node.keywords.map((keyword) => `${keyword.name}=${this.expression(keyword.value, Precedence.Lambda)}`),
        ];
        return `${this.expression(node.func, Precedence.Primary)}(${args.join(", ")})`;
      }
      case "BinOp": {
        const precedence = binaryPrecedence[node.op];
        // `**` is right-associative; everything else left-associative.
        const rightAssociative = node.op === "**";
        const left = this.expression(node.left, rightAssociative ? precedence + 1 : precedence);
        const right = this.expression(node.right, rightAssociative ? precedence : precedence + 1);
        return `${left} ${node.op} ${right}`;
      }
      case "BoolOp": {
        const precedence = node.op === "or" ? Precedence.Or : Precedence.And;
        return `${this.expression(node.left, precedence)} ${node.op} ${this.expression(node.right, precedence + 1)}`;
      }
      case "Compare":
        // Python chains comparisons (`a < b < c`), so a comparison operand is never a bare comparison.
        return `${this.expression(node.left, node.chained ? Precedence.Compare : Precedence.Compare + 1)} ${node.op} ${this.expression(node.right, Precedence.Compare + 1)}`;
      case "UnaryOp":
        return node.op === "not"
          ? `not ${this.expression(node.operand, Precedence.Not)}`
          : `${node.op}${this.expression(node.operand, Precedence.Unary)}`;
      case "IfExp":
        return `${this.expression(node.body, Precedence.IfExp + 1)} if ${this.expression(node.test, Precedence.IfExp + 1)} else ${this.expression(node.orelse, Precedence.IfExp)}`;
      case "Lambda": {
        const params = this.parameters(node.params);
        return `lambda${params ? " " + params : ""}: ${this.expression(node.body, Precedence.Lambda)}`;
      }
      case "List":
        return `[${node.elements.map((element) => this.expression(element, Precedence.IfExp)).join(", ")}]`;
      case "Tuple":
        if (node.elements.length === 1) return `(${this.expression(node.elements[0]!, Precedence.IfExp)},)`;
        return `(${node.elements.map((element) => this.expression(element, Precedence.IfExp)).join(", ")})`;
      case "Dict":
        return `{${node.entries
          .map((entry) => `${this.expression(entry.key, Precedence.IfExp)}: ${this.expression(entry.value, Precedence.IfExp)}`)
          .join(", ")}}`;
      case "Await":
        return `await ${this.expression(node.value, Precedence.Primary)}`;
      case "NamedExpr":
        return `(${node.target.id} := ${this.expression(node.value, Precedence.IfExp)})`;
      case "Yield":
        if (!node.value) return "(yield)";
        return `(yield ${node.from ? "from " : ""}${this.expression(node.value, Precedence.IfExp)})`;
      case "ListComp": {
        // The iterable and the condition are or-tests in Python's grammar: a bare conditional or lambda needs parentheses.
        const condition = node.condition ? ` if ${this.expression(node.condition, Precedence.IfExp + 1)}` : "";
        return `[${this.expression(node.element, Precedence.IfExp)} for ${node.target.id} in ${this.expression(node.iterable, Precedence.IfExp + 1)}${condition}]`;
      }
      case "Starred":
        return `*${this.expression(node.value, Precedence.Primary)}`;
      case "Slice":
        return `${node.lower ? this.expression(node.lower, Precedence.IfExp) : ""}:${node.upper ? this.expression(node.upper, Precedence.IfExp) : ""}`;
      default:
        return unhandled(node);
    }
  }
}

/** Every AST kind has a case above: a new kind left out is a type error here, not a missing line. */
function unhandled(node: never): never {
  throw new Error(`printer: unhandled Python AST node ${JSON.stringify(node)}`);
}

function isDefinition(node: py.Statement): boolean {
  return node.kind === "FunctionDef" || node.kind === "ClassDef";
}

function alias(name: py.ImportAlias): string {
  return name.asname && name.asname !== name.name ? `${name.name} as ${name.asname}` : name.name;
}

function constant(value: py.Constant["value"]): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return `"${escapeString(value)}"`;
  return value.number;
}

function escapeString(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    // A lone surrogate (`"\uD800"`) has no UTF-8 spelling: written out, it would become U+FFFD.
    else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
    else out += char;
  }
  return out;
}
