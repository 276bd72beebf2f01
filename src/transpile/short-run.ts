/**
 * V8 tuning for a process that lives a few seconds, as the CLI does. V8 compiles a function
 * with its optimizing compiler (TurboFan, on background threads) once the function has run
 * bytecode worth its interrupt budget. In a cold `tsmp build` most of TypeScript's checker and
 * tsmp's transform get hot enough for that within the first second, and the process exits
 * before the optimized code pays back its compilation: on the 6,000-line bench project the
 * background compiles were about a third of a cold build's CPU. A larger budget optimizes only
 * the functions that stay hot (bench/RESULTS.md, transpile). The build server and tests run
 * with V8's defaults: they live long enough to gain from optimizing early.
 */
import { setFlagsFromString } from "node:v8";

/** Four times V8's default budget (66 KiB of bytecode in Node 20). */
const shortRunFlags = "--interrupt-budget=270336";

let tuned = false;

/** Call first, before TypeScript loads: functions compiled earlier keep the old budget. */
export function tuneForShortRun(): void {
  if (tuned) return;
  setFlagsFromString(shortRunFlags);
  tuned = true;
}

/**
 * V8 refuses a code cache made under other flags, and replaces it: processes with and without
 * the tuning keep separate caches, or each would throw away the other's.
 */
export function codeCacheFlavour(): string {
  return tuned ? "-short-run" : "";
}
