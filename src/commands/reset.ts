import { TsmpError } from "../errors.js";
import { BoardNotResponding } from "../flash/raw-repl.js";
import { withBoard, type ConnectOptions } from "../flash/connection.js";

export type ResetKind = "soft" | "hard" | "safe";

/** Ctrl-C rounds a safe boot sends before giving up: the program is stuck, which is why it was asked for. */
const SAFE_BOOT_INTERRUPTS = 10;

/**
 * `tsmp reset`: `soft` restarts the interpreter, which runs boot.py and main.py again; `hard` is
 * machine.reset(), as at power-up; `safe` stops a stuck program and restarts the interpreter
 * from the raw REPL, where MicroPython skips main.py, and leaves the board at its REPL. Nothing on
 * the board is removed or renamed: the next reset or power-up runs main.py again.
 */
export async function resetBoard(kind: ResetKind, options: ConnectOptions & { log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const connect = { ...options, interruptAttempts: kind === "safe" ? SAFE_BOOT_INTERRUPTS : options.interruptAttempts };
  try {
    await withBoard(connect, async (board) => {
      const where = board.transport.path;
      if (kind === "hard") {
        await board.repl.hardReset();
        log(`Hard reset ${where} (machine.reset()): it starts boot.py and main.py as at power-up`);
      } else if (kind === "soft") {
        await board.repl.resetAndRun();
        log(`Soft reset ${where}: it runs boot.py and main.py again`);
      } else {
        await board.repl.softReset();
        await board.repl.exit();
        log(`Safe boot ${where}: restarted without main.py, waiting at its REPL (main.py is still there; the next reset runs it)`);
      }
    });
  } catch (error) {
    if (kind !== "safe" && error instanceof BoardNotResponding) {
      throw new TsmpError(`${error.message}; if a program on it ignores Ctrl-C, \`tsmp reset --safe\` interrupts harder and skips main.py`);
    }
    if (kind === "safe" && error instanceof BoardNotResponding) {
      throw new TsmpError(
        `${error.message}. Its program ignored ${SAFE_BOOT_INTERRUPTS} rounds of Ctrl-C (it may catch KeyboardInterrupt): ` +
          "on a pyboard hold USR while pressing RST and let go when the LEDs cycle to orange (safe mode skips boot.py and main.py); " +
          "elsewhere reflash the firmware (`tsmp firmware flash --erase` on an ESP32 wipes main.py too)",
      );
    }
    throw error;
  }
}
