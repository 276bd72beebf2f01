/**
 * A JavaScript regular expression pattern (without the `u`/`v` flags, with Annex B's
 * leniencies) parsed into a tree. Whatever tsmp's matcher would not run exactly as JavaScript
 * does is refused here with the feature's name and what to write instead; the caller turns that
 * into a diagnostic.
 */

export type Node =
  | { kind: "char"; code: number }
  | { kind: "any" }
  | { kind: "set"; ranges: [number, number][]; negated: boolean }
  | { kind: "sequence"; items: Node[] }
  | { kind: "alternation"; alternatives: Node[] }
  | { kind: "group"; index: number | undefined; body: Node }
  | { kind: "lookahead"; negated: boolean; body: Node }
  | { kind: "lineStart" }
  | { kind: "lineEnd" }
  | { kind: "wordBoundary"; negated: boolean }
  | { kind: "backreference"; index: number }
  | { kind: "repeat"; min: number; max: number; greedy: boolean; body: Node };

export interface Pattern {
  root: Node;
  /** Capturing groups, not counting the whole match. */
  groupCount: number;
  /** Group names by index (1-based); empty when the pattern names none. */
  groupNames: (string | undefined)[];
}

/** Something the pattern uses that tsmp refuses, or a syntax error; `message` is the whole sentence's core. */
export class PatternRefused extends Error {}

export const digitRanges: [number, number][] = [[0x30, 0x39]];
export const wordRanges: [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
export const spaceRanges: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

export function complement(ranges: [number, number][]): [number, number][] {
  const sorted = normalizeRanges(ranges);
  const out: [number, number][] = [];
  let next = 0;
  for (const [low, high] of sorted) {
    if (low > next) out.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

export function normalizeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = out[out.length - 1];
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else out.push([low, high]);
  }
  return out;
}

const syntaxCharacters = "^$\\.*+?()[]{}|/";

export function parsePattern(source: string): Pattern {
  return new Parser(source).parse();
}

class Parser {
  private at = 0;
  private groupCount = 0;
  private readonly names: (string | undefined)[] = [];
  private readonly backreferences: { node: { kind: "backreference"; index: number }; name?: string; digits?: number }[] = [];
  private readonly hasNamedGroups: boolean;

  constructor(private readonly source: string) {
    this.hasNamedGroups = /\(\?<[^=!]/.test(source);
  }

  parse(): Pattern {
    const root = this.disjunction();
    if (this.at < this.source.length) this.fail(`unmatched '${this.source[this.at]}'`);
    for (const reference of this.backreferences) {
      if (reference.name !== undefined) {
        const index = this.names.indexOf(reference.name);
        if (index < 0) this.fail(`\\k<${reference.name}> names no group`);
        reference.node.index = index;
      } else if (reference.digits! > this.groupCount) {
        throw new PatternRefused(
          `the legacy octal escape \\${reference.digits} (there are only ${this.groupCount} groups): write \\x or \\u escapes`,
        );
      } else {
        reference.node.index = reference.digits!;
      }
    }
    return { root, groupCount: this.groupCount, groupNames: this.names.some((name) => name !== undefined) ? this.names : [] };
  }

  private fail(what: string): never {
    throw new PatternRefused(`invalid regular expression /${this.source}/: ${what}`);
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.at + offset];
  }

  private eat(text: string): boolean {
    if (!this.source.startsWith(text, this.at)) return false;
    this.at += text.length;
    return true;
  }

  private disjunction(): Node {
    const alternatives = [this.alternative()];
    while (this.eat("|")) alternatives.push(this.alternative());
    return alternatives.length === 1 ? alternatives[0]! : { kind: "alternation", alternatives };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.term();
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { kind: "sequence", items };
  }

  private term(): Node {
    const start = this.at;
    if (this.eat("^")) return this.notQuantified({ kind: "lineStart" }, "^");
    if (this.eat("$")) return this.notQuantified({ kind: "lineEnd" }, "$");
    if (this.eat("\\b")) return this.notQuantified({ kind: "wordBoundary", negated: false }, "\\b");
    if (this.eat("\\B")) return this.notQuantified({ kind: "wordBoundary", negated: true }, "\\B");
    if (this.eat("(?<=") || this.eat("(?<!")) {
      throw new PatternRefused("lookbehind ((?<=…), (?<!…)): test the text before the match with a capture or a second regular expression");
    }
    if (this.eat("(?=") || this.eat("(?!")) {
      const negated = this.source[this.at - 1] === "!";
      const body = this.disjunction();
      if (!this.eat(")")) this.fail("missing )");
      return this.notQuantified({ kind: "lookahead", negated, body }, this.source.slice(start, this.at));
    }
    const atom = this.atom();
    return this.quantified(atom);
  }

  private notQuantified(node: Node, written: string): Node {
    if (this.quantifierAhead()) throw new PatternRefused(`a quantifier after the assertion ${written}: repeat a group instead`);
    return node;
  }

  private quantifierAhead(): boolean {
    const next = this.peek();
    return next === "*" || next === "+" || next === "?" || (next === "{" && this.countedBounds(false) !== undefined);
  }

  /** `{n}`, `{n,}`, `{n,m}` at the cursor, consumed when `consume`; otherwise a literal `{` (Annex B). */
  private countedBounds(consume: boolean): [number, number] | undefined {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (!match) return undefined;
    if (consume) this.at += match[0].length;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === "" ? Infinity : Number(match[3]);
    return [min, max];
  }

  private quantified(body: Node): Node {
    let min: number;
    let max: number;
    if (this.eat("*")) [min, max] = [0, Infinity];
    else if (this.eat("+")) [min, max] = [1, Infinity];
    else if (this.eat("?")) [min, max] = [0, 1];
    else {
      const bounds = this.peek() === "{" ? this.countedBounds(true) : undefined;
      if (!bounds) return body;
      [min, max] = bounds;
      if (min > max) this.fail("numbers out of order in {} quantifier");
    }
    const greedy = !this.eat("?");
    return { kind: "repeat", min, max, greedy, body };
  }

  private atom(): Node {
    const char = this.peek()!;
    if (char === "*" || char === "+" || char === "?") this.fail("nothing to repeat");
    if (char === "{" && this.countedBounds(false)) this.fail("nothing to repeat");
    if (char === ".") {
      this.at += 1;
      return { kind: "any" };
    }
    if (char === "(") return this.group();
    if (char === "[") return this.characterClass();
    if (char === "\\") return this.atomEscape();
    return { kind: "char", code: this.literalCharacter() };
  }

  /** A literal character; one outside the BMP is refused (JavaScript sees two UTF-16 units, tsmp one code point). */
  private literalCharacter(): number {
    const code = this.source.codePointAt(this.at)!;
    if (code > 0xffff) {
      throw new PatternRefused(
        `the character ${String.fromCodePoint(code)} outside the Basic Multilingual Plane: JavaScript matches its two UTF-16 halves, tsmp strings hold code points; compare with includes() or indexOf()`,
      );
    }
    this.at += 1;
    return code;
  }

  private group(): Node {
    this.at += 1;
    if (this.eat("?:")) {
      const body = this.disjunction();
      if (!this.eat(")")) this.fail("missing )");
      return { kind: "group", index: undefined, body };
    }
    let name: string | undefined;
    if (this.eat("?<")) {
      const match = /^([A-Za-z_$][\w$]*)>/.exec(this.source.slice(this.at));
      if (!match) this.fail("invalid capture group name");
      name = match[1]!;
      if (this.names.includes(name)) this.fail(`duplicate capture group name ${name}`);
      this.at += match[0].length;
    } else if (this.peek() === "?") {
      throw new PatternRefused(
        `the group modifier (${this.source.slice(this.at - 1, this.at + 3)}…): write the pattern without inline flags`,
      );
    }
    const index = ++this.groupCount;
    this.names[index] = name;
    const body = this.disjunction();
    if (!this.eat(")")) this.fail("missing )");
    return { kind: "group", index, body };
  }

  private characterClass(): Node {
    this.at += 1;
    const negated = this.eat("^");
    const ranges: [number, number][] = [];
    while (!this.eat("]")) {
      if (this.at >= this.source.length) this.fail("missing ]");
      const low = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.at += 1;
        const high = this.classAtom();
        if (typeof low === "number" && typeof high === "number") {
          if (low > high) this.fail("range out of order in character class");
          ranges.push([low, high]);
          continue;
        }
        // Annex B: a class escape at either end makes the `-` a literal.
        for (const side of [low, high]) ranges.push(...(typeof side === "number" ? [[side, side] as [number, number]] : side));
        ranges.push([0x2d, 0x2d]);
        continue;
      }
      if (typeof low === "number") ranges.push([low, low]);
      else ranges.push(...low);
    }
    return { kind: "set", ranges: normalizeRanges(ranges), negated };
  }

  /** One character of a class, or the ranges of a class escape (`\d`). */
  private classAtom(): number | [number, number][] {
    if (this.peek() !== "\\") return this.literalCharacter();
    this.at += 1;
    const char = this.peek();
    if (char === undefined) this.fail("\\ at end of pattern");
    const classEscape = this.classEscape(char);
    if (classEscape) return classEscape;
    if (char === "b") {
      this.at += 1;
      return 0x08;
    }
    if (char === "-") {
      this.at += 1;
      return 0x2d;
    }
    if (/[0-9]/.test(char)) {
      if (char === "0" && !/[0-9]/.test(this.peek(1) ?? "")) {
        this.at += 1;
        return 0;
      }
      throw new PatternRefused(`the legacy octal escape \\${char} in a character class: write \\x or \\u escapes`);
    }
    return this.characterEscape();
  }

  private classEscape(char: string): [number, number][] | undefined {
    const table: Record<string, () => [number, number][]> = {
      d: () => digitRanges,
      D: () => complement(digitRanges),
      w: () => wordRanges,
      W: () => complement(wordRanges),
      s: () => spaceRanges,
      S: () => complement(spaceRanges),
    };
    const build = table[char];
    if (!build) return undefined;
    this.at += 1;
    return build();
  }

  private atomEscape(): Node {
    this.at += 1;
    const char = this.peek();
    if (char === undefined) this.fail("\\ at end of pattern");
    const classEscape = this.classEscape(char);
    if (classEscape) return { kind: "set", ranges: classEscape, negated: false };
    if (/[1-9]/.test(char)) {
      const digits = /^\d+/.exec(this.source.slice(this.at))![0];
      this.at += digits.length;
      const node = { kind: "backreference" as const, index: 0 };
      this.backreferences.push({ node, digits: Number(digits) });
      return node;
    }
    if (char === "0") {
      if (/[0-9]/.test(this.peek(1) ?? "")) throw new PatternRefused("the legacy octal escape \\0… : write \\x or \\u escapes");
      this.at += 1;
      return { kind: "char", code: 0 };
    }
    if (char === "k" && this.hasNamedGroups) {
      const match = /^k<([A-Za-z_$][\w$]*)>/.exec(this.source.slice(this.at));
      if (!match) this.fail("invalid named reference");
      this.at += match[0].length;
      const node = { kind: "backreference" as const, index: 0 };
      this.backreferences.push({ node, name: match[1]! });
      return node;
    }
    return { kind: "char", code: this.characterEscape() };
  }

  /** After the backslash: \n, \xhh, \uhhhh, \cX, or an identity escape. */
  private characterEscape(): number {
    const char = this.peek()!;
    const controls: Record<string, number> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };
    if (char in controls) {
      this.at += 1;
      return controls[char]!;
    }
    if (char === "p" || char === "P") {
      throw new PatternRefused(
        `\\${char}{…} (Unicode property escapes need the u flag, which tsmp does not support): list the characters in a class ([A-Za-z])`,
      );
    }
    if (char === "c") {
      const letter = this.peek(1);
      if (letter && /[A-Za-z]/.test(letter)) {
        this.at += 2;
        return letter.charCodeAt(0) % 32;
      }
      throw new PatternRefused("\\c without a control letter: write \\\\c");
    }
    if (char === "x") {
      const match = /^x([0-9A-Fa-f]{2})/.exec(this.source.slice(this.at));
      this.at += 1;
      if (!match) return 0x78;
      this.at += 2;
      return parseInt(match[1]!, 16);
    }
    if (char === "u") {
      const match = /^u([0-9A-Fa-f]{4})/.exec(this.source.slice(this.at));
      this.at += 1;
      if (!match) return 0x75;
      this.at += 4;
      return parseInt(match[1]!, 16);
    }
    if (!syntaxCharacters.includes(char) && /[A-Za-z0-9_]/.test(char) && char !== "k") {
      // Annex B: \q is "q", but it is almost always a mistake (\. meant, or a u-flag escape).
      throw new PatternRefused(`the escape \\${char}, which JavaScript reads as a plain "${char}": write "${char}" without the backslash`);
    }
    return this.literalCharacter();
  }
}
