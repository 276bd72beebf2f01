import { describe, expect, it } from "vitest";
import { runOnBoth } from "../../harness/differential.js";
import { generateProgram } from "./generate-program.js";

/**
 * Differential fuzzing: random well-typed programs over integers, strings and integer arrays
 * run on Node and, transpiled, on the MicroPython VM; outputs must match. Deterministic by
 * default; TSMP_FUZZ_SEED=<n> starts elsewhere and TSMP_FUZZ_COUNT=<n> runs more.
 */
const firstSeed = Number(process.env.TSMP_FUZZ_SEED ?? 1);
const count = Number(process.env.TSMP_FUZZ_COUNT ?? 200);
const batchSize = 25;
const marker = "@@tsmp-fuzz";

function batchProgram(seeds: number[]): string {
  return seeds
    .map((seed) => `function program${seed}(): void {\n${generateProgram(seed)}\n}\nconsole.log("${marker} ${seed}");\nprogram${seed}();\n`)
    .join("\n");
}

async function mismatchOf(seed: number): Promise<string | undefined> {
  const source = generateProgram(seed);
  try {
    const { node, micropython, python } = await runOnBoth(source);
    if (node === micropython) return undefined;
    return `seed ${seed} differs (rerun: TSMP_FUZZ_SEED=${seed} TSMP_FUZZ_COUNT=1)\n--- program\n${source}\n--- node\n${node}--- micropython\n${micropython}--- emitted\n${python}`;
  } catch (error) {
    return `seed ${seed} was rejected (rerun: TSMP_FUZZ_SEED=${seed} TSMP_FUZZ_COUNT=1)\n--- program\n${source}\n${error instanceof Error ? error.message : String(error)}`;
  }
}

describe("differential fuzz", () => {
  for (let start = firstSeed; start < firstSeed + count; start += batchSize) {
    const seeds = Array.from({ length: Math.min(batchSize, firstSeed + count - start) }, (_, index) => start + index);
    it(`programs with seeds ${seeds[0]}–${seeds.at(-1)} print the same on Node and MicroPython`, async () => {
      let batchAgrees = false;
      try {
        const { node, micropython } = await runOnBoth(batchProgram(seeds));
        batchAgrees = node === micropython && node.includes(`${marker} ${seeds.at(-1)}`);
      } catch {
        batchAgrees = false;
      }
      if (batchAgrees) return;
      // Find the culprits one by one, so the report names their seeds.
      const failures: string[] = [];
      for (const seed of seeds) {
        const failure = await mismatchOf(seed);
        if (failure) failures.push(failure);
      }
      expect(failures, failures.join("\n\n")).toEqual([]);
    }, 240_000);
  }
});
