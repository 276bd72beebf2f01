import { ts } from "../typescript.js";
import type { StatementVisitor, TransformationContext } from "../context.js";
import * as diagnostics from "../diagnostics.js";
import * as py from "../python-ast.js";
import { isSimple } from "./switch.js";

/**
 * Labeled `break` and `continue`. Python has neither, so a jump that crosses inner loops sets
 * a flag and breaks out of the innermost Python loop; right after each loop it crossed, the
 * flag is tested again — breaking further out, or, at the labeled loop itself, breaking or
 * continuing it. A jump to the innermost loop needs no flag at all.
 */
interface LabelFrame {
  label: string;
  loop: ts.Node;
  breakFlag: py.Name;
  continueFlag: py.Name;
  /** Loops (and wrapper switches) a jump to this label leaves on its way out. */
  crossed: Set<ts.Node>;
}

const framesByContext = new WeakMap<TransformationContext, LabelFrame[]>();

function framesOf(context: TransformationContext): LabelFrame[] {
  let frames = framesByContext.get(context);
  if (!frames) {
    frames = [];
    framesByContext.set(context, frames);
  }
  return frames;
}

/**
 * Statements that are loops in the emitted Python: iterations, switches in their general form,
 * and labeled blocks (a loop that runs once).
 */
function isPythonLoop(node: ts.Node): boolean {
  return (
    ts.isIterationStatement(node, false) ||
    (ts.isSwitchStatement(node) && !isSimple(node)) ||
    (ts.isLabeledStatement(node.parent) && !ts.isIterationStatement(node, false))
  );
}

/** An unlabeled `break`/`continue` in a labeled block that leaves the block for an enclosing loop. */
function jumpsOutUnlabeled(block: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isIterationStatement(node, false)) return;
    if ((ts.isBreakStatement(node) || ts.isContinueStatement(node)) && !node.label) {
      found = node;
      return;
    }
    // An unlabeled break inside a switch leaves the switch only; a continue still leaves the block.
    if (ts.isSwitchStatement(node)) {
      node.caseBlock.clauses.forEach((clause) => clause.statements.forEach((statement) => visitContinues(statement)));
      return;
    }
    ts.forEachChild(node, visit);
  };
  const visitContinues = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isIterationStatement(node, false)) return;
    if (ts.isContinueStatement(node) && !node.label) {
      found = node;
      return;
    }
    ts.forEachChild(node, visitContinues);
  };
  visit(block);
  return found;
}

/**
 * `label: { … break label; … }`: a labeled block is a loop that runs once (`while True: …
 * break`), so `break label` is a plain `break`, or a flagged one from inside inner loops.
 */
const transformLabeledBlock = withLabeledExits<ts.Statement>((block, context) => {
  const label = (block.parent as ts.LabeledStatement).label.text;
  const frames = framesOf(context);
  frames.push({
    label,
    loop: block,
    breakFlag: context.temporary(`break_${label}`),
    continueFlag: context.temporary(`continue_${label}`),
    crossed: new Set(),
  });
  try {
    const body = context.transformBlock(block);
    return [{ kind: "While", test: py.bool(true), body: [...body, py.breakStatement()] }];
  } finally {
    frames.pop();
  }
});

export function transformLabeledStatement(node: ts.LabeledStatement, context: TransformationContext): py.Statement[] {
  if (!ts.isIterationStatement(node.statement, false)) {
    const escaping = jumpsOutUnlabeled(node.statement);
    if (escaping) {
      context.report(diagnostics.unlabeledJumpOutOfLabeledBlock(escaping));
      return [];
    }
    return transformLabeledBlock(node.statement, context);
  }
  const frames = framesOf(context);
  const label = node.label.text;
  frames.push({
    label,
    loop: node.statement,
    breakFlag: context.temporary(`break_${label}`),
    continueFlag: context.temporary(`continue_${label}`),
    crossed: new Set(),
  });
  try {
    return context.transformStatement(node.statement);
  } finally {
    frames.pop();
  }
}

/** The loops between a jump and its target: what the flag must get through. */
function loopsBetween(jump: ts.Node, target: ts.Node): ts.Node[] {
  const loops: ts.Node[] = [];
  for (let current = jump.parent; current && current !== target; current = current.parent) {
    if (isPythonLoop(current)) loops.push(current);
  }
  return loops;
}

function labeledJump(
  node: ts.BreakStatement | ts.ContinueStatement,
  context: TransformationContext,
  plain: () => py.Statement[],
): py.Statement[] {
  if (!node.label) return plain();
  const frame = [...framesOf(context)].reverse().find((candidate) => candidate.label === node.label!.text);
  if (!frame) {
    context.report(diagnostics.unsupportedSyntax(node));
    return [];
  }
  const crossed = loopsBetween(node, frame.loop);
  if (crossed.length === 0) return plain();
  for (const loop of crossed) frame.crossed.add(loop);
  const flag = ts.isBreakStatement(node) ? frame.breakFlag : frame.continueFlag;
  return [py.assign(flag, py.bool(true)), py.breakStatement()];
}

export function transformBreakStatement(node: ts.BreakStatement, context: TransformationContext): py.Statement[] {
  return labeledJump(node, context, () => [py.breakStatement()]);
}

export function transformContinueStatement(node: ts.ContinueStatement, context: TransformationContext): py.Statement[] {
  return labeledJump(node, context, () => [...context.beforeContinue(), py.continueStatement()]);
}

/** Wraps a loop visitor: after a loop that a labeled jump left, the jump carries on outward. */
export function withLabeledExits<Node extends ts.Statement>(visitor: StatementVisitor<Node>): StatementVisitor<Node> {
  return (node, context) => {
    const statements = visitor(node, context);
    const frames = framesOf(context).filter((frame) => frame.crossed.has(node));
    if (frames.length === 0) return statements;
    const before: py.Statement[] = [];
    const after: py.Statement[] = [];
    for (const frame of frames) {
      before.push(py.assign(frame.breakFlag, py.bool(false)), py.assign(frame.continueFlag, py.bool(false)));
      // Is this loop directly inside the labeled one (no other Python loop in between)?
      const direct = loopsBetween(node, frame.loop).length === 0;
      if (direct) {
        after.push(py.ifStatement(frame.breakFlag, [py.breakStatement()]));
        after.push(py.ifStatement(frame.continueFlag, [...context.beforeContinue(), py.continueStatement()]));
      } else {
        after.push(py.ifStatement(py.boolOp(frame.breakFlag, "or", frame.continueFlag), [py.breakStatement()]));
      }
    }
    return [...before, ...statements, ...after];
  };
}
