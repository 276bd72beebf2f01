import { beforeAll, describe, expect, it } from "vitest";
import { expectSameOutput, runOnBoth, type Outputs } from "./differential.js";

/**
 * Differential cases, TypeScriptToLua-style: each case is a snippet that prints with
 * console.log; it must print the same on Node and, transpiled, on the MicroPython VM.
 *
 * Transpiling and booting a VM per snippet would cost minutes on two cores, so the cases of a
 * topic run as one program: each snippet becomes a function, called in turn between marker
 * lines, and the output is cut back into per-case pieces. A batch that fails as a whole (a
 * diagnostic, a crash) falls back to running its cases one by one, so every failure still
 * points at its own case.
 */
export type Cases = Record<string, string>;

const marker = "@@tsmp-case";
const batchSize = 40;

/** Snippets that cannot live inside a function body run on their own. */
function needsOwnProgram(source: string): boolean {
  return /^\s*(export|import|enum|declare|const enum)\b/m.test(source) || /\bawait\b/.test(source);
}

function batchProgram(sources: string[]): string {
  return sources
    .map(
      (source, index) =>
        `function case${index}(): void {\n${source}\n}\n` +
        `console.log("${marker} ${index}");\n` +
        `try {\n  case${index}();\n} catch (error) {\n  console.log("${marker} threw");\n}\n`,
    )
    .join("\n");
}

function splitOutput(output: string, count: number): string[] | undefined {
  const pieces: string[] = [];
  const parts = output.split(new RegExp(`^${marker} (\\d+)\\n`, "m"));
  // parts: [before, "0", out0, "1", out1, ...]
  if (parts[0] !== "" || parts.length !== count * 2 + 1) return undefined;
  for (let index = 0; index < count; index += 1) pieces.push(parts[index * 2 + 2]!);
  return pieces;
}

async function runAlone(source: string): Promise<Outputs> {
  try {
    return await runOnBoth(source);
  } catch (error) {
    return { node: "(runs on Node)", micropython: `(failed) ${error instanceof Error ? error.message : String(error)}`, python: "" };
  }
}

async function runBatch(sources: string[]): Promise<Outputs[] | undefined> {
  try {
    const { node, micropython } = await runOnBoth(batchProgram(sources));
    const nodePieces = splitOutput(node, sources.length);
    const pyPieces = splitOutput(micropython, sources.length);
    if (!nodePieces || !pyPieces) return undefined;
    return nodePieces.map((piece, index) => ({ node: piece, micropython: pyPieces[index]!, python: "" }));
  } catch {
    return undefined;
  }
}

export interface CaseExpectations {
  /**
   * Cases tsmp does not translate yet: each must match JavaScript or be rejected with a coded
   * diagnostic (never emitted wrong). Remove a name once it is supported.
   */
  rejectedForNow?: string[];
  /** Known mistranslations (a bug to fix): the case is expected to differ, so a fix is noticed. */
  knownWrong?: string[];
}

export function describeCases(topic: string, cases: Cases, expectations: CaseExpectations = {}): void {
  describe(topic, () => {
    const entries = Object.entries(cases);
    const outcomes = new Map<string, Outputs>();
    const batched = entries.filter(([, source]) => !needsOwnProgram(source));

    beforeAll(async () => {
      for (let start = 0; start < batched.length; start += batchSize) {
        const slice = batched.slice(start, start + batchSize);
        const results = await runBatch(slice.map(([, source]) => source));
        slice.forEach(([name], index) => {
          const outcome = results?.[index];
          // A batch result is trusted only where both sides agree; a difference is re-run alone
          // so that a case can never be affected by its neighbours.
          if (outcome && outcome.node === outcome.micropython) outcomes.set(name, outcome);
        });
      }
    }, 300_000);

    for (const [name, source] of entries) {
      if (expectations.rejectedForNow?.includes(name)) {
        it(`${name} (rejected for now, never mistranslated)`, async () => {
          const outcome = outcomes.get(name) ?? (await runAlone(source));
          if (outcome.micropython.startsWith("(failed) tsmp rejected the snippet")) {
            expect(outcome.micropython).toMatch(/error TSMP1\d{3}:/);
          } else {
            expect(outcome.micropython).toBe(outcome.node);
          }
        });
        continue;
      }
      const test = expectations.knownWrong?.includes(name) ? it.fails : it;
      test(name, async () => {
        const outcome = outcomes.get(name) ?? (await runAlone(source));
        expectSameOutput(outcome);
      });
    }
  });
}
