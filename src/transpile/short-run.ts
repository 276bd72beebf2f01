/**
 * V8 tuning for a process that lives a few seconds, as the CLI does. V8 compiles a function
 * with its optimizing compiler (TurboFan, on background threads) once the function has run
 * bytecode worth some interrupt budgets. In a cold `tsmp build` most of TypeScript's checker and
 * tsmp's transform get that hot within the first second, and the process exits soon after: on
 * the 6,000-line bench project V8's worker threads took about 1.2 s of CPU next to the main
 * thread's 1.4 s. Twice the budget cuts the workers' share by about 40 % and leaves the main
 * thread's time (what the user waits for when there are cores to spare) as it was; a larger
 * budget cuts more but makes the main thread run longer in the interpreter (9 alternating rounds,
 * bench/RESULTS.md, transpile). The build server and the tests run with V8's defaults.
 */
import { setFlagsFromString } from "node:v8";

/** Twice V8's default budget (66 KiB of bytecode in Node 20). */
const shortRunFlags = "--interrupt-budget=135168";

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
