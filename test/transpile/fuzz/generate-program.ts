/**
 * Random, well-typed TypeScript programs over integers, strings and integer arrays, for the
 * differential fuzz test. Deterministic for a seed; bounded (no unbounded loops, values kept
 * well inside 2^53 by reducing modulo a prime after multiplications) and free of runtime
 * errors on Node, so any difference in output is a transpiler or runtime-helper bug. Results
 * that could be a negative zero get `+ 0`: Python ints have no -0 (a documented difference).
 */

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = "int" | "str" | "arr";

class Generator {
  private readonly next: () => number;
  private readonly vars: Record<Kind, string[]> = { int: [], str: [], arr: [] };
  private loopDepth = 0;
  /** Loop counters are read but never assigned: the loops must stay bounded. */
  private readonly loopIndexes = new Set<string>();
  private counter = 0;

  constructor(seed: number) {
    this.next = random(seed);
  }

  private int(max: number): number {
    return Math.floor(this.next() * max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private chance(p: number): boolean {
    return this.next() < p;
  }

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  intExpr(depth = 0): string {
    const leaf = depth > 2 || this.chance(0.35);
    if (leaf) {
      if (this.vars.int.length > 0 && this.chance(0.6)) return this.pick(this.vars.int);
      return String(this.int(41) - 20);
    }
    const a = () => this.intExpr(depth + 1);
    switch (this.int(17)) {
      case 0:
        return `(${a()} + ${a()})`;
      case 1:
        return `(${a()} - ${a()})`;
      case 2:
        return `((${a()} * ${a()}) % 10007 + 0)`;
      case 3:
        return `(${a()} % ${this.pick([2, 3, 5, 7, -3])} + 0)`;
      case 4:
        return `(Math.floor(${a()} / ${this.pick([2, 3, 4, 7, -5])}) + 0)`;
      case 5:
        return `Math.max(${a()}, ${a()})`;
      case 6:
        return `Math.min(${a()}, ${a()})`;
      case 7:
        return `Math.abs(${a()})`;
      case 8:
        return `(${this.cond(depth + 1)} ? ${a()} : ${a()})`;
      case 9:
        return `${this.strExpr(depth + 1)}.length`;
      case 10:
        return this.vars.arr.length > 0 ? `${this.pick(this.vars.arr)}.length` : a();
      case 11:
        return `(${a()} ${this.pick(["&", "|", "^"])} ${a()})`;
      case 12:
        return `((${a()} ${this.pick(["<<", ">>", ">>>"])} ${this.int(5)}) % 10007 + 0)`;
      case 13:
        return `${this.strExpr(depth + 1)}.indexOf(${JSON.stringify(this.pick(["a", "b", "ab", "z", ""]))})`;
      case 14:
        return this.vars.arr.length > 0 ? `${this.pick(this.vars.arr)}.reduce((s, x) => (s + x) % 10007, 0)` : a();
      case 15:
        return `(Math.round(${a()} / ${this.pick([2, 4, 8])}) + 0)`;
      default:
        return this.vars.arr.length > 0 ? `${this.pick(this.vars.arr)}.indexOf(${a()})` : `(-(${a()}) + 0)`;
    }
  }

  strExpr(depth = 0): string {
    const leaf = depth > 2 || this.chance(0.4);
    if (leaf) {
      if (this.vars.str.length > 0 && this.chance(0.6)) return this.pick(this.vars.str);
      return JSON.stringify(this.pick(["", "a", "ab", "abc", "b,a", "Zz", "x y", "a-b-a"]));
    }
    const s = () => this.strExpr(depth + 1);
    switch (this.int(13)) {
      case 0:
        return `(${s()} + ${s()})`;
      case 1:
        return `(${s()} + ${this.intExpr(depth + 1)})`;
      case 2:
        return `\`<\${${this.intExpr(depth + 1)}}|\${${s()}}>\``;
      case 3:
        return `${s()}.slice(${this.int(5) - 2}, ${this.int(6)})`;
      case 4:
        return `${s()}.toUpperCase()`;
      case 5:
        return `${s()}.repeat(${this.int(3)})`;
      case 6:
        return `${s()}.padStart(${this.int(8)}, ${JSON.stringify(this.pick(["0", "-", "ab"]))})`;
      case 7:
        return `${s()}.split(${JSON.stringify(this.pick([",", "a", "-"]))}).join(${JSON.stringify(this.pick(["+", "", ", "]))})`;
      case 8:
        return `${s()}.replace(${JSON.stringify(this.pick(["a", "b", "-"]))}, ${JSON.stringify(this.pick(["", "A", "$$", "[$&]"]))})`;
      case 9:
        return this.vars.arr.length > 0 ? `${this.pick(this.vars.arr)}.join(${JSON.stringify(this.pick([",", "-", ""]))})` : s();
      case 10:
        return `String(${this.intExpr(depth + 1)} / ${this.pick([2, 4, 5, 8, 3])})`;
      case 11:
        return `${s()}.trim()`;
      default:
        return `(${this.cond(depth + 1)} ? ${s()} : ${s()})`;
    }
  }

  arrExpr(depth = 0): string {
    if (depth > 1 || this.chance(0.4)) {
      if (this.vars.arr.length > 0 && this.chance(0.5)) return `[...${this.pick(this.vars.arr)}]`;
      const length = this.int(5);
      return `[${Array.from({ length }, () => this.intExpr(2)).join(", ")}]`;
    }
    const base = this.vars.arr.length > 0 ? this.pick(this.vars.arr) : this.arrExpr(depth + 1);
    switch (this.int(6)) {
      case 0:
        return `${base}.map((x) => (x * ${this.int(5) - 2}) % 1009 + 0)`;
      case 1:
        return `${base}.filter((x) => x % ${this.pick([2, 3])} === 0)`;
      case 2:
        return `${base}.slice(${this.int(4) - 1})`;
      case 3:
        return `${base}.concat(${this.arrExpr(depth + 1)})`;
      case 4:
        return `[...${base}].sort((a, b) => ${this.pick(["a - b", "b - a"])})`;
      default:
        return `[...${base}].reverse()`;
    }
  }

  cond(depth = 0): string {
    switch (this.int(5)) {
      case 0:
        // A widened variable on the left: TypeScript rejects comparing two distinct literals,
        // and narrows a variable to a literal inside an earlier comparison's branches.
        return `(${this.pick(this.vars.int)} as number) ${this.pick(["<", "<=", ">", ">=", "===", "!=="])} ${this.intExpr(depth + 1)}`;
      case 1:
        return `(${this.pick(this.vars.str)} as string) ${this.pick(["===", "!==", "<"])} ${this.strExpr(depth + 1)}`;
      case 2:
        return `${this.strExpr(depth + 1)}.includes(${JSON.stringify(this.pick(["a", "b", ","]))})`;
      case 3:
        return this.vars.arr.length > 0 ? `${this.pick(this.vars.arr)}.includes(${this.intExpr(depth + 1)})` : "true";
      default:
        return `(${this.intExpr(depth + 1)} % 2 === 0 && ${this.strExpr(depth + 1)}.length > 1)`;
    }
  }

  statement(depth: number): string {
    const choice = this.int(depth > 1 ? 7 : 10);
    switch (choice) {
      case 0:
      case 1: {
        const kind = this.pick<Kind>(["int", "str", "arr"]);
        const expr = kind === "int" ? this.intExpr() : kind === "str" ? this.strExpr() : this.arrExpr();
        const name = this.fresh(kind === "int" ? "n" : kind === "str" ? "s" : "a");
        const type = kind === "int" ? "number" : kind === "str" ? "string" : "number[]";
        if (kind === "str") {
          this.vars[kind].push(name);
          return `let ${name}: ${type} = (${expr}).slice(0, 40);`;
        }
        this.vars[kind].push(name);
        return `let ${name}: ${type} = ${kind === "int" ? `Number(${expr})` : expr};`;
      }
      case 2: {
        const assignable = this.vars.int.filter((name) => !this.loopIndexes.has(name));
        if (assignable.length > 0) {
          const name = this.pick(assignable);
          return `${name} ${this.pick(["=", "+=", "-="])} ${this.intExpr()} % 10007 + 0;`;
        }
        return `console.log(${this.intExpr()});`;
      }
      case 3:
        if (this.vars.str.length > 0) {
          // Bounded: a string doubling inside nested loops would grow exponentially.
          const name = this.pick(this.vars.str);
          return `${name} = (${name} + ${this.strExpr(1)}).slice(0, 40);`;
        }
        return `console.log(${this.strExpr()});`;
      case 4:
        if (this.vars.arr.length > 0) {
          const name = this.pick(this.vars.arr);
          return this.pick([
            `${name}.push(${this.intExpr()});`,
            `${name}.pop();`,
            `${name}.unshift(${this.intExpr()});`,
            `${name}.sort();`,
            `${name}.splice(${this.int(3)}, ${this.int(2)});`,
          ]);
        }
        return `console.log(${this.arrExpr()});`;
      case 5:
        return `console.log(${this.pick([this.intExpr(), this.strExpr(), this.arrExpr(), this.cond()])});`;
      case 6:
        return `console.log(\`\${${this.intExpr()}} \${${this.strExpr()}}\`);`;
      case 7:
        return `if (${this.cond()}) {\n${this.block(depth + 1)}\n} else {\n${this.block(depth + 1)}\n}`;
      case 8: {
        if (this.loopDepth > 0) return `console.log(${this.intExpr()});`;
        const index = this.fresh("i");
        this.loopDepth += 1;
        this.vars.int.push(index);
        this.loopIndexes.add(index);
        const body = this.block(depth + 1);
        this.vars.int.pop();
        this.loopDepth -= 1;
        return `for (let ${index} = 0; ${index} < ${this.int(5) + 1}; ${index}++) {\n${body}\n}`;
      }
      default: {
        const subject = this.intExpr();
        const cases = [0, 1, 2].map(
          (value) => `  case ${value}:\n    console.log(${JSON.stringify("case" + value)});${this.chance(0.5) ? "\n    break;" : ""}`,
        );
        return `switch (Math.abs(${subject}) % 3) {\n${cases.join("\n")}\n  default:\n    console.log("default");\n}`;
      }
    }
  }

  block(depth: number): string {
    // Declarations inside a block stay inside it: forget them afterwards.
    const saved = { int: [...this.vars.int], str: [...this.vars.str], arr: [...this.vars.arr] };
    const count = 1 + this.int(3);
    const lines = Array.from({ length: count }, () => this.statement(depth));
    Object.assign(this.vars, saved);
    return lines.join("\n");
  }

  program(): string {
    const lines: string[] = [];
    for (const kind of ["int", "int", "str", "str", "arr"] as const) {
      const name = this.fresh(kind === "int" ? "n" : kind === "str" ? "s" : "a");
      // Number()/String() keep the declared type wide: TypeScript narrows `let s: string = "a"`
      // to "a" and then rejects comparing it with another literal.
      const value =
        kind === "int"
          ? `Number(${this.int(41) - 20})`
          : kind === "str"
            ? `String(${JSON.stringify(this.pick(["", "ab", "b,a", "x y"]))})`
            : "[3, 1, 2]";
      lines.push(`let ${name}: ${kind === "int" ? "number" : kind === "str" ? "string" : "number[]"} = ${value};`);
      this.vars[kind].push(name);
    }
    const count = 6 + this.int(10);
    for (let index = 0; index < count; index += 1) lines.push(this.statement(0));
    lines.push(`console.log(${[...this.vars.int, ...this.vars.str, ...this.vars.arr].join(", ") || '"done"'});`);
    return lines.join("\n");
  }
}

export function generateProgram(seed: number): string {
  return new Generator(seed).program();
}
