import { TsmpError } from "../errors.js";
import { BoardNotResponding } from "../flash/raw-repl.js";
import { withBoard, type ConnectOptions } from "../flash/connection.js";
import { resolvePort } from "../flash/ports.js";
import { escapeStuckProgram } from "../flash/safe-boot.js";
import { SerialTransport } from "../flash/serial-transport.js";

export type ResetKind = "soft" | "hard" | "safe";

/** Ctrl-C rounds a safe boot sends before giving up: the program is stuck, which is why it was asked for. */
const SAFE_BOOT_INTERRUPTS = 10;
/** How long the user has to press reset by default (where tsmp cannot reset the board through RTS). */
const ESCAPE_WAIT_MS = 30_000;

/**
 * `tsmp reset`: `soft` restarts the interpreter, which runs boot.py and main.py again; `hard` is
 * machine.reset(), as at power-up; `safe` stops a stuck program and restarts the interpreter
 * from the raw REPL, where MicroPython skips main.py, and leaves the board at its REPL. Nothing on
 * the board is removed or renamed: the next reset or power-up runs main.py again.
 */
export async function resetBoard(
  kind: ResetKind,
  options: ConnectOptions & { log: (line: string) => void; resetWaitMs?: number },
): Promise<void> {
  const { log } = options;
  const connect = { ...options, interruptAttempts: kind === "safe" ? SAFE_BOOT_INTERRUPTS : options.interruptAttempts };
  try {
    if (kind === "safe") await escapeIfStuck(connect, options.log, options.resetWaitMs ?? ESCAPE_WAIT_MS);
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
        `${error.message}. Its program ignored ${SAFE_BOOT_INTERRUPTS} rounds of Ctrl-C (it may catch KeyboardInterrupt), ` +
          "and the board did not start without main.py after a reset (its boot.py is not tsmp's, or it was not reset): " +
          "on a pyboard hold USR while pressing RST and let go when the LEDs cycle to orange (safe mode skips boot.py and main.py); " +
          "elsewhere reflash the firmware (`tsmp firmware flash --erase` on an ESP32 wipes main.py too)",
      );
    }
    throw error;
  }
}

/**
 * A board whose program ignores Ctrl-C is reset (RTS, or the user's reset button) while tsmp
 * sends Ctrl-C, so the build's boot.py skips main.py; a board that stops for Ctrl-C is left as it is.
 */
async function escapeIfStuck(connect: ConnectOptions, log: (line: string) => void, waitMs: number): Promise<void> {
  try {
    await withBoard(connect, async () => undefined);
    return;
  } catch (error) {
    if (!(error instanceof BoardNotResponding)) throw error;
  }
  const link = await SerialTransport.open(await resolvePort(connect.port, { log, serialNumber: connect.serialNumber }), {
    baudRate: connect.baudRate,
  });
  try {
    if (await escapeStuckProgram(link, { status: log, waitMs })) return;
  } finally {
    await link.close();
  }
  throw new TsmpError(
    `the program on ${link.path} ignored ${SAFE_BOOT_INTERRUPTS} rounds of Ctrl-C (it may catch KeyboardInterrupt), and the board did not ` +
      `start without main.py within ${waitMs / 1000} s (was it reset? is its boot.py the one tsmp flash installs?): ` +
      "on a pyboard hold USR while pressing RST and let go when the LEDs cycle to orange (safe mode skips boot.py and main.py); " +
      "elsewhere reflash the firmware (`tsmp firmware flash --erase` on an ESP32 wipes main.py too)",
  );
}
