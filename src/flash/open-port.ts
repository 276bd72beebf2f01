import type { SerialPort } from "serialport";
import { describeOpenError, PortBusy } from "./port-open-error.js";
import { repairSerialPolling } from "./serial-polling.js";

/** How long a busy port is tried again before it counts as another program's. */
const BUSY_RETRY_MS = 1000;
const BUSY_PAUSE_MS = 100;

/**
 * Opens a serial port, trying a busy one again for up to a second. A port this process closed a
 * moment ago can still be locked: the close returns while a read on the port's file may still be
 * running on another thread, and Linux drops the lock only when that read ends, which on a loaded
 * machine can take milliseconds. Without the retry the REPL check right after a firmware flash
 * (esptool's session closes, the check opens) sometimes reported the port busy. A port another
 * program holds is still reported busy, a second later.
 */
export async function openPort(port: SerialPort, path: string): Promise<void> {
  repairSerialPolling();
  const deadline = Date.now() + BUSY_RETRY_MS;
  for (;;) {
    const error = await new Promise<PortBusy | Error | undefined>((resolveOpen) =>
      port.open((failure) => resolveOpen(failure ? describeOpenError(path, failure) : undefined)),
    );
    if (error === undefined) return;
    if (!(error instanceof PortBusy) || Date.now() >= deadline) throw error;
    await new Promise((resume) => setTimeout(resume, BUSY_PAUSE_MS));
  }
}
