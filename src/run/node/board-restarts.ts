import { BoardReset } from "../../runtime-shim/board-reset.js";
import type { Runtime } from "../../runtime-shim/runtime.js";
import { compileProgram, type CompiledProgram } from "./compile-program.js";

/**
 * Runs a program on `rt` the way a board runs main.py: when the program resets the board (a
 * starved watchdog, deep sleep, machine.reset), its hardware stops, the board stays down for
 * the deep sleep's length, and `start` runs the program again from the top, with
 * machine.reset_cause() telling why. Scripted inputs and attached devices carry on.
 */
export async function runWithRestarts(rt: Runtime, start: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      await start();
      return;
    } catch (error) {
      if (!(error instanceof BoardReset)) throw error;
      rt.reset(error.cause);
      if (error.downMs > 0) rt.clock.advanceTo(rt.clock.nowUs() / 1000 + error.downMs);
    }
  }
}

/**
 * Runs a compiled program under `runWithRestarts`: each start after a reset imports a freshly
 * compiled copy of its modules, as a board re-imports them. `first` is compiled up front so
 * compile errors surface before the board starts.
 */
export function importWithRestarts(rt: Runtime, input: string, first: CompiledProgram): Promise<void> {
  let program: CompiledProgram | undefined = first;
  return runWithRestarts(rt, async () => {
    program ??= compileProgram(input);
    try {
      await import(program.entryUrl);
    } finally {
      program.dispose();
      program = undefined;
    }
  });
}
