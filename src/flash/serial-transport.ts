import { existsSync } from "node:fs";
import { SerialPort } from "serialport";
import { TsmpError } from "../errors.js";

/** The serial device could not be opened (missing, busy, no permission, not a serial port). */
export class PortUnavailable extends TsmpError {}

/** The port went away while we were talking to the board (cable pulled, board reset its USB). */
export class LinkLost extends TsmpError {}

/** The board sent nothing we were waiting for in time; `received` is what did arrive. */
export class ReadTimeout extends TsmpError {
  constructor(
    readonly path: string,
    readonly received: Buffer,
  ) {
    super(`no answer from ${path}`);
  }
}

export interface ReadOptions {
  /** Give up when no byte arrives for this long (ms); undefined waits forever. */
  idleTimeoutMs?: number;
  /** Give up at this absolute time (Date.now() ms), even while bytes keep arriving. */
  deadline?: number;
}

/**
 * Bytes on a wire: opens a serial device, buffers what the board sends and offers the
 * blocking-style reads a protocol needs (until a marker, exactly n bytes, until quiet).
 * It knows nothing about MicroPython; see raw-repl.ts for that.
 */
export class SerialTransport {
  private buffer: Buffer = Buffer.alloc(0);
  private notify: (() => void) | undefined;
  private lost: LinkLost | undefined;
  private closing = false;
  private readonly closeListeners: (() => void)[] = [];

  private constructor(
    private readonly port: SerialPort,
    readonly path: string,
  ) {
    port.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.notify?.();
    });
    port.on("close", () => {
      // Reads still waiting when we close the port ourselves end too, rather than hang.
      this.lost = this.closing ? new LinkLost(`the connection to ${path} was closed`) : new LinkLost(`lost the connection to the board on ${path}`);
      this.notify?.();
      for (const listener of this.closeListeners) listener();
    });
    // Errors after open also arrive as "close"; this keeps Node from treating them as unhandled.
    port.on("error", () => undefined);
  }

  static async open(path: string, options: { baudRate?: number } = {}): Promise<SerialTransport> {
    const port = new SerialPort({ path, baudRate: options.baudRate ?? 115200, autoOpen: false });
    await new Promise<void>((resolveOpen, rejectOpen) =>
      port.open((error) => (error ? rejectOpen(describeOpenError(path, error)) : resolveOpen())),
    );
    const transport = new SerialTransport(port, path);
    await transport.setSignals({ dtr: true, rts: true });
    return transport;
  }

  get isOpen(): boolean {
    return this.port.isOpen && !this.lost;
  }

  /** Called once when the port closes, whether we closed it or it disappeared. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  async write(data: Uint8Array | string): Promise<void> {
    this.throwIfLost();
    const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
    await new Promise<void>((resolveWrite, rejectWrite) =>
      this.port.write(bytes, (error) => (error ? rejectWrite(this.lost ?? new LinkLost(`lost the connection to the board on ${this.path} (${error.message})`)) : resolveWrite())),
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

  /** Returns everything up to and including `ending`; throws ReadTimeout or LinkLost. */
  async readUntil(ending: string | Uint8Array, options: ReadOptions = {}): Promise<Buffer> {
    const marker = typeof ending === "string" ? Buffer.from(ending, "latin1") : Buffer.from(ending);
    let searchFrom = 0;
    for (;;) {
      const at = this.buffer.indexOf(marker, searchFrom);
      if (at >= 0) return this.take(at + marker.length);
      searchFrom = Math.max(0, this.buffer.length - marker.length + 1);
      await this.waitForData(options);
    }
  }

  /**
   * Hands bytes to `consume` as they arrive until the one-byte `terminator`, which is
   * consumed but not passed on. Used to stream a running program's output.
   */
  async streamUntil(terminator: number, consume: (bytes: Buffer) => void, options: ReadOptions = {}): Promise<void> {
    for (;;) {
      const at = this.buffer.indexOf(terminator);
      if (at >= 0) {
        const bytes = this.take(at + 1);
        if (at > 0) consume(bytes.subarray(0, at));
        return;
      }
      if (this.buffer.length > 0) consume(this.take(this.buffer.length));
      await this.waitForData(options);
    }
  }

  /** Waits for at least one byte and returns everything received so far. */
  async readSome(options: ReadOptions = {}): Promise<Buffer> {
    if (this.buffer.length === 0) await this.waitForData(options);
    return this.take(this.buffer.length);
  }

  async readExactly(count: number, options: ReadOptions = {}): Promise<Buffer> {
    while (this.buffer.length < count) await this.waitForData(options);
    return this.take(count);
  }

  /** Bytes already received and not yet read. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Reads until the line has been silent for `quietMs` (or `maxMs` passed); returns what came. */
  async readUntilQuiet(quietMs: number, maxMs: number): Promise<Buffer> {
    const deadline = Date.now() + maxMs;
    const received: Buffer[] = [this.take(this.buffer.length)];
    for (;;) {
      try {
        await this.waitForData({ idleTimeoutMs: quietMs, deadline });
      } catch (error) {
        if (error instanceof ReadTimeout) return Buffer.concat(received);
        throw error;
      }
      received.push(this.take(this.buffer.length));
    }
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) return;
    this.closing = true;
    // Released lines (both at once) leave an ESP32's auto-reset circuit idle, as mpremote does.
    await this.setSignals({ dtr: false, rts: false });
    await new Promise<void>((resolveClose) => this.port.close(() => resolveClose()));
  }

  private take(count: number): Buffer {
    const bytes = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return bytes;
  }

  private throwIfLost(): void {
    if (this.lost) throw this.lost;
  }

  /**
   * Why the board went quiet. A vanished device node (USB cable pulled, a pty whose other end
   * died) does not always reach serialport as a "close", so a silent line is checked for it.
   */
  private silenceReason(): ReadTimeout | LinkLost {
    if (!existsSync(this.path)) {
      this.lost ??= new LinkLost(`lost the connection to the board on ${this.path}`);
      return this.lost;
    }
    return new ReadTimeout(this.path, this.buffer);
  }

  /** Resolves when new bytes arrive; rejects on timeout (with what is buffered) or link loss. */
  private waitForData(options: ReadOptions): Promise<void> {
    this.throwIfLost();
    return new Promise<void>((resolveWait, rejectWait) => {
      const limits = [options.idleTimeoutMs, options.deadline === undefined ? undefined : options.deadline - Date.now()].filter(
        (ms): ms is number => ms !== undefined,
      );
      const timer =
        limits.length > 0
          ? setTimeout(() => {
              this.notify = undefined;
              rejectWait(this.silenceReason());
            }, Math.max(0, Math.min(...limits)))
          : undefined;
      this.notify = () => {
        clearTimeout(timer);
        this.notify = undefined;
        if (this.lost) rejectWait(this.lost);
        else resolveWait();
      };
    });
  }
}

function describeOpenError(path: string, error: Error): PortUnavailable {
  const message = error.message;
  if (/No such file or directory|ENOENT/i.test(message)) {
    return new PortUnavailable(`serial port ${path} does not exist (is the board plugged in? \`tsmp ports\` lists ports)`, { cause: error });
  }
  if (/Cannot lock port|Resource temporarily unavailable|EBUSY|busy/i.test(message)) {
    return new PortUnavailable(`serial port ${path} is busy: another program (a serial monitor, mpremote, an IDE) has it open`, { cause: error });
  }
  if (/Permission denied|EACCES/i.test(message)) {
    return new PortUnavailable(
      `no permission to open ${path}; on Linux add yourself to the group that owns it (often \`sudo usermod -aG dialout $USER\`, then log in again)`,
      { cause: error },
    );
  }
  if (/Inappropriate ioctl|ENOTTY/i.test(message)) {
    return new PortUnavailable(`${path} is not a serial port`, { cause: error });
  }
  return new PortUnavailable(`cannot open serial port ${path}: ${message}`, { cause: error });
}
