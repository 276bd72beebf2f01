import { ReadTimeout, type ByteLink } from "./byte-link.js";
import type { DeployFile } from "./deploy.js";
import { SerialTransport } from "./serial-transport.js";

/** What the build's boot.py prints when Ctrl-C stopped it; main.py is then skipped. */
export const SAFE_BOOT_LINE = "tsmp safe boot: main.py skipped";
/** How long after a power-up or a reset the build's boot.py listens for Ctrl-C. */
export const SAFE_BOOT_WINDOW_MS = 150;

/**
 * The boot.py tsmp installs beside a build when the project has none of its own. MicroPython's
 * ports (esp32, rp2, stm32) skip main.py when boot.py raises, so a KeyboardInterrupt during its
 * short wait is a way in that no program can take away: the program has not started yet. Only a
 * power-up or a reset waits (a soft reset, tsmp dev's restart, and a wake from deep sleep do
 * not), and anything unexpected on a port (no reset_cause) makes it wait for nothing.
 */
export const SAFE_BOOT_PY = `# Installed by tsmp: its safe boot. After a power-up or a press of reset, Ctrl-C within
# ${SAFE_BOOT_WINDOW_MS} ms stops this file and MicroPython skips main.py, so a program that ignores
# Ctrl-C can still be reached (tsmp dev and tsmp reset --safe send it for you).
# To use a boot.py of your own, list it in the "files" of package.json's "tsmp" section.
def _tsmp_safe_boot():
    try:
        import machine
        cause = machine.reset_cause()
        if cause in (getattr(machine, "SOFT_RESET", None), getattr(machine, "DEEPSLEEP_RESET", None)):
            return
        import time
    except Exception:
        return
    try:
        time.sleep_ms(${SAFE_BOOT_WINDOW_MS})
    except KeyboardInterrupt:
        print("${SAFE_BOOT_LINE}")
        raise


_tsmp_safe_boot()
del _tsmp_safe_boot
`;

/** For deployFiles' `optional`: installed beside each build unless the board or the project has a boot.py of its own. */
export const SAFE_BOOT = {
  file: { path: "boot.py", data: new TextEncoder().encode(SAFE_BOOT_PY) } satisfies DeployFile,
  kept: "no safe boot: a program that ignores Ctrl-C can then be stopped only by erasing or reflashing the board",
};

/** How often Ctrl-C is sent while waiting for the board to come out of its reset. */
const CTRL_C_EVERY_MS = 20;
/** After the safe-boot line, how long the friendly prompt may take. */
const PROMPT_WAIT_MS = 3000;

export interface EscapeOptions {
  /** What tsmp is doing, and what the user should do (press reset). */
  status: (line: string) => void;
  /** How long to wait for the board to be reset (by its RTS line, or by hand). */
  waitMs: number;
}

/**
 * A board whose program ignores every Ctrl-C: resets it (a pulse on RTS, which an ESP32 board's
 * USB-to-UART auto-reset circuit turns into a press of EN; or the user presses reset when the
 * port has no modem lines or no such circuit) and keeps sending Ctrl-C, so the build's boot.py
 * stops and main.py is skipped. True once the board waits at its REPL with no program running.
 */
export async function escapeStuckProgram(link: ByteLink, options: EscapeOptions): Promise<boolean> {
  const pulsed = link instanceof SerialTransport && (await link.pulseReset());
  options.status(
    pulsed
      ? `[tsmp] the program on ${link.path} ignores Ctrl-C: reset it through RTS to start it without main.py (if it does not restart, press its reset button)`
      : `[tsmp] the program on ${link.path} ignores Ctrl-C: press the board's reset button, and tsmp starts it without main.py (waiting ${Math.round(options.waitMs / 1000)} s)`,
  );
  const deadline = Date.now() + options.waitMs;
  let seen = "";
  while (Date.now() < deadline) {
    await link.write("\x03");
    try {
      seen += (await link.readSome({ idleTimeoutMs: CTRL_C_EVERY_MS })).toString("latin1");
    } catch (error) {
      if (!(error instanceof ReadTimeout)) throw error;
    }
    const skipped = seen.indexOf(SAFE_BOOT_LINE);
    if (skipped >= 0) {
      try {
        await link.readUntil(">>> ", { idleTimeoutMs: PROMPT_WAIT_MS, deadline: Date.now() + PROMPT_WAIT_MS });
      } catch (error) {
        if (!(error instanceof ReadTimeout)) throw error;
        if (!seen.slice(skipped).includes(">>> ")) return false;
      }
      options.status(`[tsmp] ${link.path} started without main.py`);
      return true;
    }
    // Only the tail can still hold the start of the line.
    seen = seen.slice(-SAFE_BOOT_LINE.length);
  }
  return false;
}
