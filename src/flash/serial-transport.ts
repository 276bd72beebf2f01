import { existsSync } from "node:fs";
import { SerialPort } from "serialport";
import { BufferedByteLink, LinkLost, type ReadTimeout } from "./byte-link.js";
import { openPort } from "./open-port.js";

/** How long RTS holds an ESP32 in reset: esptool's hard reset waits 100 ms. */
const RESET_PULSE_MS = 100;

/**
 * A byte link over a serial device: opens it, sets its modem lines, and feeds what the board
 * sends to the shared reads. It knows nothing about MicroPython; see raw-repl.ts for that.
 */
export class SerialTransport extends BufferedByteLink {
  private closing = false;

  private constructor(
    private readonly port: SerialPort,
    path: string,
  ) {
    super(path);
    port.on("data", (chunk: Buffer) => this.received(chunk));
    port.on("close", () => {
      // Reads still waiting when we close the port ourselves end too, rather than hang.
      this.ended(
        this.closing ? new LinkLost(`the connection to ${path} was closed`) : new LinkLost(`lost the connection to the board on ${path}`),
      );
    });
    // Errors after open also arrive as "close"; this keeps Node from treating them as unhandled.
    port.on("error", () => undefined);
  }

  static async open(path: string, options: { baudRate?: number } = {}): Promise<SerialTransport> {
    // An exclusive lock: a second tsmp (or mpremote) on the same port gets "busy" instead of
    // interleaving its bytes with ours.
    const port = new SerialPort({ path, baudRate: options.baudRate ?? 115200, autoOpen: false, lock: true });
    await openPort(port, path);
    const transport = new SerialTransport(port, path);
    await transport.setSignals({ dtr: true, rts: true });
    return transport;
  }

  get isOpen(): boolean {
    return this.port.isOpen && !this.lost;
  }

  async write(data: Uint8Array | string): Promise<void> {
    this.throwIfLost();
    const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
    await new Promise<void>((resolveWrite, rejectWrite) =>
      this.port.write(bytes, (error) =>
        error
          ? rejectWrite(this.lost ?? new LinkLost(`lost the connection to the board on ${this.path} (${error.message})`))
          : resolveWrite(),
      ),
    );
  }

  /**
   * Sets both modem lines at once. serialport fills an omitted flag with `true`, which on an
   * ESP32's auto-reset circuit can hold the chip in reset, so both are always given.
   */
  async setSignals(signals: { dtr: boolean; rts: boolean }): Promise<void> {
    await new Promise<void>((resolveSet) =>
      // Ptys and some USB bridges reject modem-line ioctls (ENOTTY); there is nothing to set then.
      this.port.set(signals, () => resolveSet()),
    );
  }

  /**
   * Resets the board as esptool does, where the port has modem lines: RTS asserted with DTR
   * released holds an ESP32 board's EN low through its USB-to-UART auto-reset circuit (GPIO0 stays
   * high, so the app boots). False when the port cannot set them (a pty); a board without such a
   * circuit just does not reset.
   */
  async pulseReset(): Promise<boolean> {
    const set = (signals: { dtr: boolean; rts: boolean }) =>
      new Promise<boolean>((resolveSet) => this.port.set(signals, (error) => resolveSet(!error)));
    if (!(await set({ dtr: false, rts: true }))) return false;
    await new Promise((resume) => setTimeout(resume, RESET_PULSE_MS));
    await set({ dtr: true, rts: true });
    return true;
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) {
      // A close serialport started on a read error is still releasing the port: wait for it, so
      // whoever opens the port next does not find it locked.
      if (this.port.closing) await new Promise<void>((resolveClose) => this.port.once("close", () => resolveClose()));
      return;
    }
    this.closing = true;
    // Released lines (both at once) leave an ESP32's auto-reset circuit idle, as mpremote does.
    await this.setSignals({ dtr: false, rts: false });
    await new Promise<void>((resolveClose) => this.port.close(() => resolveClose()));
  }

  /**
   * A vanished device node (USB cable pulled, a pty whose other end died) does not always reach
   * serialport as a "close", so a silent line is checked for it.
   */
  protected override silenceReason(): ReadTimeout | LinkLost {
    if (!existsSync(this.path)) {
      this.lost ??= new LinkLost(`lost the connection to the board on ${this.path}`);
      return this.lost;
    }
    return super.silenceReason();
  }
}
