import { BoardReset } from "../../runtime-shim/board-reset.js";
import type { Runtime } from "../../runtime-shim/runtime.js";

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
