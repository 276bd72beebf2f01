import { ts } from "../typescript.js";
import type { TransformationContext } from "../context.js";
import * as py from "../python-ast.js";
import { comparesByIdentity, needsStrictEquality, typeOf } from "../types.js";

/**
 * `switch`. When every case ends in break/return/throw/continue, default comes last and no
 * other `break` leaves the switch, it is a plain if/elif/else chain. Otherwise (fall-through,
 * default in the middle, an early break) it picks the entry clause first — case tests run in
 * order, lazily, as in JavaScript — then runs the clauses from there inside `while True:`,
 * so that `break` leaves the switch and clauses fall through to the next.
 */
export function transformSwitchStatement(node: ts.SwitchStatement, context: TransformationContext): py.Statement[] {
  const clauses = node.caseBlock.clauses;
  // A function declared in any clause exists in the whole switch block (from its start, case
  // tests included), as JavaScript hoists it: the `def`s come first.
  const functions = clauses.flatMap((clause) => clause.statements.filter(isFunctionDeclaration));
  const hoisted = context.transformStatements(functions);
  const bodyOf = (clause: ts.CaseOrDefaultClause) => clause.statements.filter((statement) => !isFunctionDeclaration(statement));
  const discriminant = context.transformExpression(node.expression);
  const subject = context.temporary("switch");
  const statements: py.Statement[] = [...hoisted, py.assign(subject, discriminant)];
  const byIdentity = (clause: ts.CaseClause) => comparesByIdentity(typeOf(context, node.expression), typeOf(context, clause.expression));
  // Cases compare with ===: js_eq where Python's == would take true for 1 (types.ts).
  const strict = (clause: ts.CaseClause) => needsStrictEquality(typeOf(context, node.expression), typeOf(context, clause.expression));
  const test = (clause: ts.CaseClause) => {
    const value = context.transformConditionalExpression(clause.expression);
    if (!byIdentity(clause) && strict(clause)) return py.call(context.useHelper("js_eq"), [subject, value]);
    return py.compare(subject, byIdentity(clause) ? "is" : "==", value);
  };

  if (isSimple(node)) {
    let chain: py.Statement[] | undefined;
    let pending: ts.CaseClause[] = [];
    const branches: { test?: py.Expression; body: py.Statement[] }[] = [];
    for (const clause of clauses) {
      if (ts.isCaseClause(clause)) pending.push(clause);
      if (bodyOf(clause).length === 0 && ts.isCaseClause(clause)) continue;
      const body = context.transformStatements(withoutFinalBreak(bodyOf(clause)));
      if (ts.isDefaultClause(clause)) {
        // `case x: default:` runs the default body for x too: it is all the same branch.
        branches.push({ body });
      } else {
        const tests = pending.map(test);
        branches.push({ test: tests.reduce<py.Expression>((all, next) => py.boolOp(all, "or", next), tests.shift()!), body });
      }
      pending = [];
    }
    for (let index = branches.length - 1; index >= 0; index -= 1) {
      const branch = branches[index]!;
      const body = branch.body.length > 0 ? branch.body : [py.pass()];
      chain = branch.test ? [py.ifStatement(branch.test, body, chain ?? [])] : body;
    }
    return [...statements, ...(chain ?? [])];
  }

  // General form: entry index first, then every clause from the entry on.
  const entry = context.temporary("entry");
  const defaultIndex = clauses.findIndex(ts.isDefaultClause);
  let selection: py.Statement[] = [py.assign(entry, py.num(defaultIndex >= 0 ? defaultIndex : clauses.length))];
  for (let index = clauses.length - 1; index >= 0; index -= 1) {
    const clause = clauses[index]!;
    if (!ts.isCaseClause(clause)) continue;
    selection = [py.ifStatement(test(clause), [py.assign(entry, py.num(index))], selection)];
  }
  statements.push(...selection);

  const continued = context.temporary("continued");
  let usesContinue = false;
  const outerContinue = context.beforeContinue();
  const body = context.withLoop(
    {
      // `continue` inside the switch belongs to the enclosing loop: leave the wrapper first.
      beforeContinue: () => {
        usesContinue = true;
        return [py.assign(continued, py.bool(true)), py.breakStatement()];
      },
    },
    () =>
      clauses.map((clause, index) =>
        py.ifStatement(py.compare(entry, "<=", py.num(index)), orPass(context.transformStatements(bodyOf(clause)))),
      ),
  );
  const loop = py.whileStatement(py.bool(true), [...body, py.breakStatement()]);
  if (!usesContinue) return [...statements, loop];
  return [...statements, py.assign(continued, py.bool(false)), loop, py.ifStatement(continued, [...outerContinue, py.continueStatement()])];
}

function orPass(statements: py.Statement[]): py.Statement[] {
  return statements.length > 0 ? statements : [py.pass()];
}

const terminators = new Set([
  ts.SyntaxKind.BreakStatement,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ThrowStatement,
  ts.SyntaxKind.ContinueStatement,
]);

function endsClause(statements: readonly ts.Statement[]): boolean {
  let last = statements[statements.length - 1];
  while (last && ts.isBlock(last)) last = last.statements[last.statements.length - 1];
  return last !== undefined && terminators.has(last.kind);
}

function withoutFinalBreak(statements: readonly ts.Statement[]): ts.Statement[] {
  const last = statements[statements.length - 1];
  if (last && ts.isBreakStatement(last) && !last.label) return statements.slice(0, -1);
  if (last && ts.isBlock(last)) {
    const inner = last.statements[last.statements.length - 1];
    if (inner && ts.isBreakStatement(inner) && !inner.label) return [...statements.slice(0, -1), ...last.statements.slice(0, -1)];
  }
  return [...statements];
}

function isFunctionDeclaration(statement: ts.Statement): boolean {
  return ts.isFunctionDeclaration(statement) && statement.body !== undefined;
}

/** Whether the switch can be an if/elif chain. */
export function isSimple(node: ts.SwitchStatement): boolean {
  const clauses = node.caseBlock.clauses;
  const defaultIndex = clauses.findIndex(ts.isDefaultClause);
  if (defaultIndex >= 0 && defaultIndex !== clauses.length - 1) return false;
  // `case f(): default:` shares the default's branch, which skips the test: only a test that
  // cannot run code may be skipped.
  for (let index = defaultIndex - 1; index >= 0 && clauses[index]!.statements.length === 0; index -= 1) {
    if (!isPlainValue((clauses[index] as ts.CaseClause).expression)) return false;
  }
  for (let index = 0; index < clauses.length; index += 1) {
    const statements = clauses[index]!.statements.filter((statement) => !isFunctionDeclaration(statement));
    if (statements.length === 0) continue;
    if (index < clauses.length - 1 && !endsClause(statements)) return false;
    if (containsSwitchBreak(withoutFinalBreak(statements))) return false;
  }
  return true;
}

/** A literal, a name or a property of one (an enum member): evaluating it runs no code. */
function isPlainValue(node: ts.Expression): boolean {
  if (ts.isLiteralExpression(node) || ts.isIdentifier(node) || node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(node)) return isPlainValue(node.operand);
  if (ts.isParenthesizedExpression(node)) return isPlainValue(node.expression);
  return ts.isPropertyAccessExpression(node) && isPlainValue(node.expression);
}

/** A `break` (unlabeled) that would leave this switch, outside nested loops and switches. */
function containsSwitchBreak(statements: readonly ts.Node[]): boolean {
  const visit = (node: ts.Node): boolean => {
    if (ts.isBreakStatement(node)) return !node.label;
    if (ts.isIterationStatement(node, false) || ts.isSwitchStatement(node) || ts.isFunctionLike(node)) return false;
    return ts.forEachChild(node, visit) ?? false;
  };
  return statements.some(visit);
}
