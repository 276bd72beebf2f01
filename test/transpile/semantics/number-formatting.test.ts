import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectSameOutput, runOnBoth, transpileSnippet } from "../../harness/differential.js";
import { describeCases } from "../../harness/cases.js";

describeCases("number formatting", {
  "toPrecision picks plain or exponent form as JavaScript does": `const xs = [123.456, 0.000001234, 0.0000001234, 1e21, 123456, 99.99, 0.5, 1234.5678]; for (const x of xs) console.log(x.toPrecision(1), x.toPrecision(3), x.toPrecision(6), x.toPrecision(21));`,
  "toPrecision and toExponential round the double's exact value, halves up": `console.log((1.005).toPrecision(3), (2.5).toPrecision(1), (0.125).toPrecision(2), (1.45).toExponential(1), (0.5).toExponential(0), (-2.5).toExponential(0), (1.25).toExponential(1));`,
  "without an argument: ToString, and the shortest digits": `const xs = [0.1, 1 / 3, 2 ** 60, 1e21, 123.456, 5e-7, 100]; for (const x of xs) console.log(x.toPrecision(), x.toExponential(), x.toPrecision(undefined));`,
  "zero, negative zero, NaN and infinities": `const z = -0; console.log(z.toPrecision(2), (0).toPrecision(1), z.toExponential(), (0).toExponential(3), (0 / 0).toPrecision(2), (1 / 0).toExponential(2), (-1 / 0).toPrecision(), (0 / 0).toExponential());`,
  "digits out of range are a RangeError, after NaN and Infinity": `for (const [x, d] of [[1, 0], [1, 101], [1, -1], [0 / 0, 0], [1 / 0, 500], [1, Infinity]]) { try { console.log(x.toPrecision(d)); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); } try { console.log(x.toExponential(d)); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); } }`,
  "fractional and NaN digit counts are truncated": `console.log((1.25).toPrecision(2.9), (1.25).toExponential(1.9), (1.25).toExponential(0 / 0), (3.5).toExponential(100.5).length);`,
  "integers, past 2 ** 53 too": `const xs = [0, 7, -42, 995, 12345, 9007199254740992, 2 ** 60, -(2 ** 70), 10 ** 21]; for (const x of xs) console.log(x.toPrecision(2), x.toPrecision(25), x.toExponential(), x.toExponential(3));`,
  "a sensor readout": `const celsius = 21.456; const volts = 0.0033; console.log(\`T=\${celsius.toPrecision(3)} C, V=\${volts.toExponential(2)}\`);`,
});

/**
 * Generated doubles, JavaScript against MicroPython: random bit patterns, random decimals and
 * powers of two, plus values where rounding is hard (ties, 9.5s, subnormals, the extremes). The
 * doubles travel as their bits (a DataView) so no float literal is parsed by MicroPython.
 */
function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const edgeValues = [
  0.5,
  1.5,
  2.5,
  0.05,
  0.15,
  0.25,
  0.35,
  1.005,
  1.045,
  1.25,
  9.5,
  99.5,
  999.5,
  0.95,
  0.1,
  0.2,
  0.3,
  1 / 3,
  2 / 3,
  123.456,
  4.35,
  1e21,
  1e-7,
  1e-6,
  9.999999e-7,
  1e15,
  1e16,
  1e17,
  1e100,
  1e300,
  1e-300,
  5e-324,
  1e-323,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  1.7976931348623157e308,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  2 ** -1022,
  2 ** 1023,
  0.000001234,
  1234.5678,
  8.41,
  0.045,
  5e-5,
  6.02214076e23,
  299792458,
  3.141592653589793,
  2.718281828459045,
];
const edgePrecisions = [1, 2, 3, 5, 10, 16, 17, 18, 21, 25, 50, 100];

function generatedCases(seed: number, count: number): number[] {
  const random = randomGenerator(seed);
  const view = new DataView(new ArrayBuffer(8));
  const rows: number[] = [];
  const push = (x: number, p: number, f: number) => {
    view.setFloat64(0, x);
    rows.push(view.getUint32(0), view.getUint32(4), p, f);
  };
  for (const x of edgeValues) for (const p of edgePrecisions) for (const sign of [1, -1]) push(sign * x, p, p - 1);
  for (let index = 0; index < count; index++) {
    let x: number;
    if (index % 3 === 0) {
      view.setUint32(0, Math.floor(random() * 2 ** 32));
      view.setUint32(4, Math.floor(random() * 2 ** 32));
      x = view.getFloat64(0);
      if (!Number.isFinite(x)) x = random();
    } else if (index % 3 === 1) x = Math.round((random() - 0.5) * 2e6) / 10 ** Math.floor(random() * 12);
    else x = 2 ** Math.floor(random() * 2098 - 1074) * (random() < 0.5 ? -1 : 1);
    push(x, 1 + Math.floor(random() * (random() < 0.8 ? 21 : 100)), Math.floor(random() * (random() < 0.8 ? 21 : 101)));
  }
  return rows;
}

/** What the program below prints on Node, computed here. */
function nodeLines(rows: number[]): string[] {
  const view = new DataView(new ArrayBuffer(8));
  const lines: string[] = [];
  for (let index = 0; index < rows.length; index += 4) {
    view.setUint32(0, rows[index]!);
    view.setUint32(4, rows[index + 1]!);
    const x = view.getFloat64(0);
    lines.push(`${x.toPrecision(rows[index + 2])} ${x.toExponential(rows[index + 3])} ${x.toExponential()}`);
  }
  return lines;
}

function formattingProgram(rows: number[]): string {
  // A list literal of some thousand numbers exhausts the webassembly VM's pystack as it compiles.
  const parts: string[] = [];
  for (let start = 0; start < rows.length; start += 1000) parts.push(`[${rows.slice(start, start + 1000).join(", ")}]`);
  return [
    `const rows: number[] = ([] as number[]).concat(${parts.join(", ")});`,
    `const view = new DataView(new ArrayBuffer(8));`,
    `for (let i = 0; i < rows.length; i += 4) {`,
    `  view.setUint32(0, rows[i]!);`,
    `  view.setUint32(4, rows[i + 1]!);`,
    `  const x = view.getFloat64(0);`,
    `  console.log(x.toPrecision(rows[i + 2]!), x.toExponential(rows[i + 3]!), x.toExponential());`,
    `}`,
  ].join("\n");
}

const seed = Number(process.env.TSMP_NUMFMT_SEED ?? 16);
const nativeMicroPython = join(process.env.TSMP_PEERS_BIN ?? join(homedir(), ".cache", "tsmp-peers", "bin"), "micropython");

describe("toPrecision and toExponential of generated doubles", () => {
  it("print as on Node on the MicroPython VM (webassembly)", async () => {
    expectSameOutput(await runOnBoth(formattingProgram(generatedCases(seed, 400))));
  }, 120_000);

  it.skipIf(!existsSync(nativeMicroPython))(
    "print as on Node on native MicroPython, thousands of them",
    () => {
      const rows = generatedCases(seed + 1, 3000);
      const source = formattingProgram(rows);
      const folder = mkdtempSync(join(tmpdir(), "tsmp-numfmt-"));
      try {
        for (const file of transpileSnippet(source).files) {
          mkdirSync(dirname(join(folder, file.path)), { recursive: true });
          writeFileSync(join(folder, file.path), file.text);
        }
        const run = spawnSync(nativeMicroPython, ["-X", "heapsize=16M", "main.py"], { cwd: folder, encoding: "utf8" });
        expect(run.stderr).toBe("");
        const lines = run.stdout.split("\n");
        const expected = nodeLines(rows);
        const differing = expected.filter((line, index) => lines[index] !== line).length;
        expect(expected.length).toBeGreaterThan(3000);
        expect({ differing, first: expected.find((line, index) => lines[index] !== line) }).toEqual({ differing: 0, first: undefined });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
