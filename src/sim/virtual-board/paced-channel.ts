/**
 * One direction of a serial line: bytes come out in order, no faster than the baud rate allows
 * (10 bits per byte on the wire: start, 8 data, stop) and, optionally, only after a delay.
 * Without a rate or delay, bytes pass straight through.
 */
/**
 * Timers fire a millisecond late at best; bytes due within this much of now go out at once, or
 * every flow-control round trip at high baud rates would cost two timer delays. The line time
 * is still accounted for, so the rate over any longer stretch stays the baud rate's.
 */
const EARLY_MS = 1;

export class PacedChannel {
  private queue: Array<{ bytes: Uint8Array; dueAt: number }> = [];
  private lineFreeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly deliver: (bytes: Uint8Array) => void,
    private readonly pacing: { baud?: number; delayMs?: number } = {},
  ) {}

  push(bytes: Uint8Array): void {
    if (this.closed || bytes.length === 0) return;
    const { baud, delayMs = 0 } = this.pacing;
    if (!baud && delayMs === 0) {
      this.deliver(bytes);
      return;
    }
    const now = performance.now();
    const start = Math.max(now + delayMs, this.lineFreeAt);
    if (!baud) {
      this.lineFreeAt = start;
      this.queue.push({ bytes, dueAt: start });
    } else {
      // Slices of about 5 ms of line time keep the rate even without a timer per byte.
      const bytesPerMs = baud / 10 / 1000;
      const slice = Math.max(1, Math.floor(bytesPerMs * 5));
      let at = start;
      for (let offset = 0; offset < bytes.length; offset += slice) {
        const part = bytes.subarray(offset, offset + slice);
        at += part.length / bytesPerMs;
        this.queue.push({ bytes: part, dueAt: at });
      }
      this.lineFreeAt = at;
    }
    this.pump();
  }

  /** Bytes pushed from now on leave `delayMs` late (a board that turned slow, or recovered). */
  setDelay(delayMs: number): void {
    this.pacing.delayMs = delayMs;
  }

  /** Stops delivering; what is still on its way is lost. */
  close(): void {
    this.closed = true;
    this.queue = [];
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    const wait = Math.max(0, this.queue[0]!.dueAt - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, wait);
  }

  private pump(): void {
    const now = performance.now();
    const due: Uint8Array[] = [];
    while (this.queue.length > 0 && this.queue[0]!.dueAt <= now + EARLY_MS) due.push(this.queue.shift()!.bytes);
    if (due.length > 0) this.deliver(concat(due));
    this.schedule();
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}
