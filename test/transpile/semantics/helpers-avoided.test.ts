import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { transpileProject } from "../../../src/transpile/index.js";
import { transpileSnippet } from "../../harness/differential.js";

/**
 * Runtime helpers cost RAM on a board: they are emitted only when the types cannot prove that
 * plain Python computes the same thing.
 */
const template = (path: string) => fileURLToPath(new URL(`../../../templates/blink/${path}`, import.meta.url));

function mainOf(source: string): string {
  return transpileSnippet(source).files.find((file) => file.path === "main.py")!.text;
}

function helpersOf(source: string): string[] {
  const result = transpileSnippet(source);
  const main = result.files.find((file) => file.path === "main.py")!.text;
  const imported = /^from _tsmp import (.*)$/m.exec(main)?.[1];
  return imported ? imported.split(", ").sort() : [];
}

describe("runtime helpers are avoided when types allow", () => {
  for (const flavour of ["", "boards/generic"]) {
    it(`the blink template (${flavour || "pyboard"}) needs no helpers at all`, () => {
      const result = transpileProject(template(flavour || "."));
      expect(result.diagnostics).toEqual([]);
      expect(result.files.map((file) => file.path)).not.toContain("_tsmp.py");
      for (const file of result.files) expect(file.text).not.toContain("_tsmp");
    });
  }

  it("integer arithmetic, lengths and comparisons stay native", () => {
    expect(
      helpersOf(`const a = [1, 2, 3]; let s = 0; for (let i = 0; i < a.length; i++) s += (i % 3) - 1; console.log(s, a.length, s > 3);`),
    ).toEqual([]);
    // Steps up to 2^33 (i < a.length < 2^32) could carry the sum past 2^53: tested, printed as JavaScript prints it.
    expect(
      helpersOf(`const a = [1, 2, 3]; let s = 0; for (let i = 0; i < a.length; i++) s += i * 2 - 1; console.log(s, a.length, s > 3);`),
    ).toEqual(["js_int", "num_log"]);
  });

  it("a remainder of a loop counter by a positive literal stays native", () => {
    expect(helpersOf(`for (let i = 0; i < 9; i++) console.log(i % 3);`)).toEqual([]);
  });

  it("a remainder compared with zero stays native whatever the sign", () => {
    expect(helpersOf(`function even(n: number) { return n % 2 === 0; } console.log(even(-4) ? "even" : "odd");`)).toEqual([]);
  });

  it("string methods with plain Python equivalents need no helpers", () => {
    expect(
      helpersOf(
        `const s = " a,b "; console.log(s.split(",").join("+"), s.toUpperCase(), s.includes("a"), s.slice(1, 3), s.startsWith(" "));`,
      ),
    ).toEqual([]);
  });

  it("trim is Python's strip given JavaScript's white space, a constant", () => {
    expect(helpersOf(`const s = " a "; console.log(s.trim(), s.trimStart(), s.trimEnd());`)).toEqual(["js_space"]);
  });

  it("map and filter with one-parameter callbacks are Python's map and filter", () => {
    expect(helpersOf(`const xs = [1, 2, 3]; const ys = xs.map((x) => -x).filter((x) => x < -2); console.log(ys.length);`)).toEqual([]);
    // An array's numbers have no bound: `x * 2` is tested against 2^53.
    expect(helpersOf(`const xs = [1, 2, 3]; const ys = xs.map((x) => x * 2).filter((x) => x > 2); console.log(ys.length);`)).toEqual([
      "js_int",
    ]);
  });

  it("a numeric comparator sort is list.sort", () => {
    expect(helpersOf(`const xs = [3, 1, 2]; xs.sort((a, b) => a - b); console.log(xs.length);`)).toEqual([]);
  });

  it("values that may differ use exactly the helpers they need", () => {
    expect(helpersOf(`const x = 7 / 2; console.log(x, -7 % 3);`)).toEqual(["js_div", "js_mod", "num_log"]);
  });

  it("a Uint8Array only indexed, measured and iterated is a bytearray", () => {
    const source = `function sum(b: Uint8Array) { let s = 0; for (const x of b) s += x; return s; } const a = new Uint8Array(8); for (let i = 0; i < a.length; i++) a[i] = i * 40; console.log(sum(a), a[1]);`;
    expect(helpersOf(source)).toEqual([]);
    expect(mainOf(source)).toContain("a = bytearray(8)");
    expect(mainOf(source)).toContain("for i in range(len(a)):");
  });

  it("a store of a number in a name tries the store first, with no helper", () => {
    const source = `class Ring { private data = new Uint8Array(4); private head = 0; put(v: number) { this.data[this.head] = v; this.head = (this.head + 1) & 3; } } new Ring().put(1.5);`;
    expect(helpersOf(source)).toEqual([]);
    expect(mainOf(source)).toContain(
      "try:\n            self.data[self.head] = v\n        except TypeError:\n            self.data[self.head] = int(v) if v - v == 0 else 0",
    );
  });

  it("a DataView over such bytes reads and writes with struct, its ints printed natively", () => {
    const source = `const b = new Uint8Array(8); const dv = new DataView(b.buffer); dv.setUint16(0, 513, true); console.log(dv.getUint16(0), dv.getInt32(4, true));`;
    expect(helpersOf(source)).toEqual(["pack_into", "unpack_from"]);
    expect(mainOf(source)).toContain('unpack_from(">H", dv, 0)[0]');
  });

  it("CRC-16 needs no 32-bit wraps: every value stays below 2^16", () => {
    const source = `function crc16(buf: Uint8Array): number { let crc = 0xffff; for (const byte of buf) { crc = crc ^ (byte << 8); for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff; } return crc; } console.log(crc16(new Uint8Array(4)));`;
    expect(helpersOf(source)).toEqual([]);
  });

  it("a hex column of a non-negative integer is a format", () => {
    expect(
      helpersOf(
        `let s = ""; for (let n = 0; n < 64; n += 16) s += n.toString(16).padStart(8, "0") + n.toString(2); console.log(s.length);`,
      ),
    ).toEqual([]);
  });

  it("the typed-array class keeps only the methods a program names", () => {
    const helpers = transpileSnippet(
      `const a = new Uint8Array([1, 2, 3]); const s = a.subarray(1); console.log(s.indexOf(3), a);`,
    ).files.find((file) => file.path === "_tsmp.py")!.text;
    expect(helpers).toContain("def subarray(");
    expect(helpers).toContain("def indexOf(");
    expect(helpers).not.toContain("def lastIndexOf(");
    expect(helpers).not.toContain("def sort(");
  });
});
