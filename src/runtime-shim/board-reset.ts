/**
 * A reset of the simulated board (watchdog, deep sleep, machine.reset): thrown out of the
 * running program, whose runner starts it again with `machine.reset_cause()` telling why. It
 * is a BaseException, as the VM's is, so `except Exception` on the board lets it through.
 */
import { BaseException, pythonClassName } from "./exceptions.js";

export { ResetCause } from "../devices/reset-cause.js";

export class BoardReset extends BaseException {
  static override readonly [pythonClassName]: string = "BoardReset";

  constructor(
    readonly cause: number,
    /** Board time the board stays down before it starts again (deep sleep). */
    readonly downMs = 0,
  ) {
    super(`board reset (cause ${cause})`);
  }
}
