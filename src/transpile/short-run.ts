/**
 * V8 tuning for a process that lives a few seconds, as the CLI does. V8 compiles a function
 * with its optimizing compiler (TurboFan, on background threads) once the function has run
 * bytecode worth some interrupt budgets. In a cold `tsmp build` most of TypeScript's checker and
 * tsmp's transform get that hot within the first second, and the process exits soon after: on
 * the 6,000-line bench project V8's worker threads took about 1.2 s of CPU next to the main
 * thread's 1.4 s. Three times the budget leaves the workers about half that and the main thread's
 * time (what the user waits for when there are cores to spare) as it was. Against twice the
 * budget, three times took a quarter less of the workers' CPU for the same main thread (13
 * alternating rounds); four times took less again but made the main thread run longer in the
 * interpreter on a quieter machine (bench/RESULTS.md, transpile). The build server and the tests
 * run with V8's defaults.
 */
import { setFlagsFromString } from "node:v8";

/** Three times V8's default budget (66 KiB of bytecode in Node 20). */
const shortRunFlags = "--interrupt-budget=202752";

let tuned = false;

/** Call first, before TypeScript loads: functions compiled earlier keep the old budget. */
export function tuneForShortRun(): void {
  if (tuned) return;
  setFlagsFromString(shortRunFlags);
  tuned = true;
}

/**
 * V8 refuses a code cache made under other flags, and replaces it: processes with and without
 * the tuning, or with another tuning (an older tsmp), keep separate caches, or each would throw
 * away the other's.
 */
export function codeCacheFlavour(): string {
  return tuned ? `-short-run-${shortRunFlags.replace(/\D/g, "")}` : "";
}
