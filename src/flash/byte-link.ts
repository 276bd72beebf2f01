import { TsmpError } from "../errors.js";

/** How much may arrive while waiting for a marker before the wait gives up. */
const MAX_UNTIL_MARKER_BYTES = 1024 * 1024;

/** The link went away while we were talking to the board (cable pulled, board reset its USB). */
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
 * Bytes to and from a board, whatever carries them (a serial port, or memory straight into the
 * virtual board's firmware). The raw REPL and everything above it talk to this, never to a port.
 */
export interface ByteLink {
  /** What the link is called in messages: the device path. */
  readonly path: string;
  readonly isOpen: boolean;
  /** Bytes already received and not yet read. */
  readonly pending: number;
  write(data: Uint8Array | string): Promise<void>;
  /** Returns everything up to and including `ending`; throws ReadTimeout or LinkLost. */
  readUntil(ending: string | Uint8Array, options?: ReadOptions): Promise<Buffer>;
  /** Hands bytes to `consume` as they arrive until the one-byte `terminator` (consumed, not passed on). */
  streamUntil(terminator: number, consume: (bytes: Buffer) => void, options?: ReadOptions): Promise<void>;
  /** Waits for at least one byte and returns everything received so far. */
  readSome(options?: ReadOptions): Promise<Buffer>;
  readExactly(count: number, options?: ReadOptions): Promise<Buffer>;
  /** Reads until the line has been silent for `quietMs` (or `maxMs` passed); returns what came. */
  readUntilQuiet(quietMs: number, maxMs: number): Promise<Buffer>;
  /** Called once when the link closes, whether we closed it or it went away. */
  onClose(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * The receiving half every link shares: buffers what the board sends and offers the
 * blocking-style reads a protocol needs. A link feeds it with `received` and `ended`.
 */
export abstract class BufferedByteLink implements ByteLink {
  private buffer: Buffer = Buffer.alloc(0);
  private notify: (() => void) | undefined;
  protected lost: LinkLost | undefined;
  private readonly closeListeners: (() => void)[] = [];

  protected constructor(readonly path: string) {}

  abstract get isOpen(): boolean;
  abstract write(data: Uint8Array | string): Promise<void>;
  abstract close(): Promise<void>;

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Bytes from the board. */
  protected received(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.notify?.();
  }

  /** The link is gone; reads still waiting end with `lost` rather than hang. */
  protected ended(lost: LinkLost): void {
    this.lost = lost;
    this.notify?.();
    for (const listener of this.closeListeners) listener();
  }

  /** Why the board went quiet; a link that can tell a vanished device from a silent one overrides this. */
  protected silenceReason(): ReadTimeout | LinkLost {
    return new ReadTimeout(this.path, this.buffer);
  }

  protected throwIfLost(): void {
    if (this.lost) throw this.lost;
  }

  async readUntil(ending: string | Uint8Array, options: ReadOptions = {}): Promise<Buffer> {
    const marker = typeof ending === "string" ? Buffer.from(ending, "latin1") : Buffer.from(ending);
    let searchFrom = 0;
    for (;;) {
      const at = this.buffer.indexOf(marker, searchFrom);
      if (at >= 0) return this.take(at + marker.length);
      // Markers (prompts, banners) follow little else: a flood without one is not worth keeping.
      if (this.buffer.length > MAX_UNTIL_MARKER_BYTES) throw new ReadTimeout(this.path, this.take(this.buffer.length).subarray(-256));
      searchFrom = Math.max(0, this.buffer.length - marker.length + 1);
      await this.waitForData(options);
    }
  }

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

  async readSome(options: ReadOptions = {}): Promise<Buffer> {
    if (this.buffer.length === 0) await this.waitForData(options);
    return this.take(this.buffer.length);
  }

  async readExactly(count: number, options: ReadOptions = {}): Promise<Buffer> {
    while (this.buffer.length < count) await this.waitForData(options);
    return this.take(count);
  }

  get pending(): number {
    return this.buffer.length;
  }

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

  private take(count: number): Buffer {
    const bytes = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return bytes;
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
          ? setTimeout(
              () => {
                this.notify = undefined;
                rejectWait(this.silenceReason());
              },
              Math.max(0, Math.min(...limits)),
            )
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
