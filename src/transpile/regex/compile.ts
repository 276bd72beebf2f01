import { normalizeRanges, parsePattern, PatternRefused, type Node } from "./pattern.js";

/**
 * A JavaScript pattern compiled for `re_run` (src/transpile/runtime/re_run.py), a backtracking
 * matcher over code points that tries alternatives in JavaScript's order. The program is one
 * flat tuple of small ints, byte strings and range tuples, a constant MicroPython builds once.
 * The opcodes are documented in re_run.py; both sides must agree.
 */
export const op = {
  char: 0,
  literal: 1,
  any: 2,
  all: 3,
  set: 4,
  split: 5,
  jump: 6,
  save: 7,
  start: 8,
  end: 9,
  lineStart: 10,
  lineEnd: 11,
  wordBoundary: 12,
  notWordBoundary: 13,
  backreference: 14,
  lookahead: 15,
  match: 16,
  reset: 17,
  mark: 18,
  check: 19,
  greedy: 20,
} as const;

/** An entry of the program: an int, ASCII text to be written as a bytes literal, or a tuple of range bounds. */
export type Entry = number | { bytes: string } | number[];

export interface CompiledPattern {
  program: Entry[];
  groupCount: number;
  groupNames: (string | undefined)[];
  /** Capture and register slots the matcher allocates. */
  slots: number;
}

export interface Flags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

/** Past this many program entries a counted repetition (`\d{1,500}`) is refused rather than unrolled. */
const maxProgramLength = 4000;

export function compilePattern(source: string, flags: Flags): CompiledPattern {
  const pattern = parsePattern(source);
  const compiler = new Compiler(flags, 2 * (pattern.groupCount + 1));
  compiler.node(pattern.root);
  compiler.emit(op.match);
  compiler.linkGreedyLoops();
  return { program: compiler.out, groupCount: pattern.groupCount, groupNames: pattern.groupNames, slots: compiler.slots };
}

class Compiler {
  readonly out: Entry[] = [];
  private readonly greedyLoops: number[] = [];

  constructor(
    private readonly flags: Flags,
    public slots: number,
  ) {}

  emit(...entries: Entry[]): number {
    this.out.push(...entries);
    if (this.out.length > maxProgramLength) {
      throw new PatternRefused("a pattern this long once counted repetitions are unrolled: write a smaller count, or a * or + loop");
    }
    return this.out.length - entries.length;
  }

  node(node: Node): void {
    switch (node.kind) {
      case "char":
      case "any":
      case "set":
        return this.single(node);
      case "sequence":
        return this.sequence(node.items);
      case "alternation":
        return this.alternation(node.alternatives);
      case "group":
        if (node.index === undefined) return this.node(node.body);
        this.emit(op.save, 2 * node.index);
        this.node(node.body);
        this.emit(op.save, 2 * node.index + 1);
        return;
      case "lookahead": {
        const at = this.emit(op.lookahead, node.negated ? 1 : 0, 0);
        this.node(node.body);
        this.emit(op.match);
        this.out[at + 2] = this.out.length;
        return;
      }
      case "lineStart":
        this.emit(this.flags.multiline ? op.lineStart : op.start);
        return;
      case "lineEnd":
        this.emit(this.flags.multiline ? op.lineEnd : op.end);
        return;
      case "wordBoundary":
        this.emit(node.negated ? op.notWordBoundary : op.wordBoundary);
        return;
      case "backreference":
        if (this.flags.ignoreCase) {
          throw new PatternRefused(
            "a backreference with the i flag (MicroPython cannot fold the case of the text it matched): spell out the cases in a class",
          );
        }
        this.emit(op.backreference, node.index);
        return;
      case "repeat":
        return this.repeat(node);
    }
  }

  /**
   * A greedy loop followed by a literal character need not come back to a position where that
   * character is not: the loop's last operand says which (-1: any), so `\w+=` backtracks only
   * to an `=`, not through every letter.
   */
  linkGreedyLoops(): void {
    for (const at of this.greedyLoops) {
      // Closing a group (`(\w+)=`) consumes nothing: look past it.
      let after = at + 7;
      while (this.out[after] === op.save) after += 2;
      const next = this.out[after];
      const operand = this.out[after + 1];
      if (next === op.char && typeof operand === "number") this.out[at + 6] = operand;
      else if (next === op.literal && typeof operand === "object" && !Array.isArray(operand))
        this.out[at + 6] = operand.bytes.charCodeAt(0);
    }
  }

  /** Runs of ASCII characters that match only themselves become one bytes literal. */
  private sequence(items: Node[]): void {
    let run = "";
    const flush = () => {
      if (run.length === 1) this.emit(op.char, run.charCodeAt(0));
      else if (run.length > 1) this.emit(op.literal, { bytes: run });
      run = "";
    };
    for (const item of items) {
      if (item.kind === "char" && item.code < 0x80 && this.variants(item.code).length === 1) {
        run += String.fromCharCode(item.code);
        continue;
      }
      flush();
      this.node(item);
    }
    flush();
  }

  private alternation(alternatives: Node[]): void {
    const jumps: number[] = [];
    alternatives.forEach((alternative, index) => {
      if (index === alternatives.length - 1) {
        this.node(alternative);
        return;
      }
      const split = this.emit(op.split, 0, 0);
      this.out[split + 1] = this.out.length;
      this.node(alternative);
      jumps.push(this.emit(op.jump, 0));
      this.out[split + 2] = this.out.length;
    });
    for (const jump of jumps) this.out[jump + 1] = this.out.length;
  }

  /** A single-character matcher as (opcode, operands…). */
  private matcher(node: Node & { kind: "char" | "any" | "set" }): Entry[] {
    if (node.kind === "any") return [this.flags.dotAll ? op.all : op.any];
    if (node.kind === "char") {
      const variants = this.variants(node.code);
      if (variants.length === 1) return [op.char, node.code];
      return [op.set, flatten(variants.map((code) => [code, code])), 0];
    }
    const ranges = this.flags.ignoreCase ? caseClosure(node.ranges) : normalizeRanges(node.ranges);
    return [op.set, flatten(ranges), node.negated ? 1 : 0];
  }

  private single(node: Node & { kind: "char" | "any" | "set" }): void {
    this.emit(...this.matcher(node));
  }

  private variants(code: number): number[] {
    return this.flags.ignoreCase ? flattenRanges(caseClosure([[code, code]])) : [code];
  }

  private repeat(node: Node & { kind: "repeat" }): void {
    const { body, min, max, greedy } = node;
    if (body.kind === "lookahead") throw new PatternRefused("a quantifier after a lookahead: repeat a group instead");
    if (greedy && (body.kind === "char" || body.kind === "any" || body.kind === "set")) {
      const [code, a = 0, b = 0] = this.matcher(body);
      this.greedyLoops.push(this.emit(op.greedy, min, max === Infinity ? -1 : max, code!, a, b, -1));
      return;
    }
    const groups = groupRange(body);
    const iteration = () => {
      if (groups) this.emit(op.reset, 2 * groups[0], 2 * groups[1] + 2);
      this.node(body);
    };
    for (let count = 0; count < min; count += 1) iteration();
    if (max === min) return;
    const register = this.slots++;
    const optional = () => {
      this.emit(op.mark, register);
      iteration();
      this.emit(op.check, register);
    };
    if (max === Infinity) {
      const loop = this.emit(op.split, 0, 0);
      this.out[loop + (greedy ? 1 : 2)] = this.out.length;
      optional();
      this.emit(op.jump, loop);
      this.out[loop + (greedy ? 2 : 1)] = this.out.length;
      return;
    }
    const exits: number[] = [];
    for (let count = min; count < max; count += 1) {
      const split = this.emit(op.split, 0, 0);
      this.out[split + (greedy ? 1 : 2)] = this.out.length;
      exits.push(split + (greedy ? 2 : 1));
      optional();
    }
    for (const exit of exits) this.out[exit] = this.out.length;
  }
}

function flatten(ranges: [number, number][]): number[] {
  return ranges.flat();
}

function flattenRanges(ranges: [number, number][]): number[] {
  return ranges.flatMap(([low, high]) => Array.from({ length: high - low + 1 }, (_, index) => low + index));
}

/** The first and last capturing group inside a node, if any. */
function groupRange(node: Node): [number, number] | undefined {
  let first = Infinity;
  let last = -Infinity;
  const visit = (inner: Node): void => {
    if (inner.kind === "group" && inner.index !== undefined) {
      first = Math.min(first, inner.index);
      last = Math.max(last, inner.index);
    }
    if ("body" in inner) visit(inner.body);
    if (inner.kind === "sequence") inner.items.forEach(visit);
    if (inner.kind === "alternation") inner.alternatives.forEach(visit);
  };
  visit(node);
  return first === Infinity ? undefined : [first, last];
}

let canonicalTable: Uint16Array | undefined;
/** The code units sharing each canonical form, for the forms shared by more than one. */
let caseClasses: Map<number, number[]> | undefined;

/** ECMAScript's Canonicalize for patterns without the u flag: upper case, unless that leaves one unit or crosses into ASCII. */
function canonical(code: number): number {
  if (!canonicalTable) {
    canonicalTable = new Uint16Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit += 1) {
      const upper = String.fromCharCode(unit).toUpperCase();
      const mapped = upper.length === 1 ? upper.charCodeAt(0) : unit;
      canonicalTable[unit] = unit >= 0x80 && mapped < 0x80 ? unit : mapped;
    }
  }
  return code > 0xffff ? code : canonicalTable[code]!;
}

function caseClass(code: number): number[] | undefined {
  if (!caseClasses) {
    const all = new Map<number, number[]>();
    for (let unit = 0; unit < 0x10000; unit += 1) {
      const form = canonical(unit);
      const members = all.get(form);
      if (members) members.push(unit);
      else all.set(form, [unit]);
    }
    caseClasses = new Map([...all].filter(([, members]) => members.length > 1));
  }
  return code > 0xffff ? undefined : caseClasses.get(canonical(code));
}

/**
 * Every character the i flag lets a class match: those whose canonical form is the canonical
 * form of a member. Computed when building, with Node's case tables, so the board needs none.
 */
function caseClosure(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [...ranges];
  for (const [low, high] of ranges) {
    for (let code = low; code <= Math.min(high, 0xffff); code += 1) {
      for (const member of caseClass(code) ?? []) out.push([member, member]);
    }
  }
  return normalizeRanges(out);
}
