/** Where progress is drawn: stderr, or a test's collector. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width: a bar wider than it would wrap, and a redraw would leave fragments ("KB/s/s") behind. */
  columns?: number;
}

/**
 * A one-line progress bar with transfer rate. On a terminal it redraws in place (at most ten
 * times a second: more only costs terminal time); into a file or a pipe it prints a line every
 * 10 % when `linesOffTerminal` is set, and nothing otherwise, so logs stay readable.
 */
export class ProgressBar {
  private total = 0;
  private done = 0;
  private startedAt: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastDecile = -1;
  private lastNote: string | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: { label?: string; linesOffTerminal?: boolean; now?: () => number } = {},
  ) {
    this.startedAt = this.now();
  }

  start(total: number): void {
    this.total = total;
    this.done = 0;
    this.startedAt = this.now();
  }

  /** `done` bytes of `total` so far; `note` (the file being sent) follows the bar. */
  update(done: number, total = this.total, note?: string): void {
    this.done = done;
    this.total = total;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (this.stream.isTTY) {
      // A new file is drawn at once, so the bar never names a file already sent.
      if (this.now() - this.lastDraw <= 100 && done !== total && note === this.lastNote) return;
      this.lastDraw = this.now();
      this.lastNote = note;
      this.stream.write(`\r\x1b[K${this.fitted(this.line(fraction, note))}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (this.options.linesOffTerminal && decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${this.line(fraction, note)}\n`);
    }
  }

  /** Clears the bar on a terminal; `summary`, if any, is printed as the last line. */
  finish(summary?: string): void {
    if (this.stream.isTTY) this.stream.write("\r\x1b[K");
    if (summary !== undefined) this.stream.write(`${summary}\n`);
  }

  /** Bytes per second since start(). */
  get rate(): number {
    return this.done / Math.max(0.001, this.seconds);
  }

  get seconds(): number {
    return (this.now() - this.startedAt) / 1000;
  }

  private line(fraction: number, note: string | undefined): string {
    const width = 24;
    const filled = Math.round(fraction * width);
    const parts = [
      `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor(fraction * 100)}%`,
      `${formatBytes(this.done)}/${formatBytes(this.total)}`,
      `${formatBytes(this.rate)}/s`,
    ];
    if (this.options.label) parts.unshift(this.options.label);
    if (note) parts.push(note);
    return parts.join(" ");
  }

  /** The line cut to the terminal's width (less one column: writing the last one wraps on some terminals). */
  private fitted(line: string): string {
    const width = this.stream.columns;
    if (!width || line.length < width) return line;
    return `${line.slice(0, Math.max(0, width - 2))}…`;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** Upload progress on stderr: a redrawn bar on a terminal, a summary line either way. */
export interface UploadProgress {
  start(totalBytes: number): void;
  /** `file` is the board path being written; `bytes` how many more of it arrived (negative: a corrupted copy taken back before a resend). */
  advance(file: string, bytes: number): void;
  finish(): void;
}

export function createUploadProgress(stream: ProgressStream, now: () => number = Date.now): UploadProgress {
  const bar = new ProgressBar(stream, { now });
  let total = 0;
  let sent = 0;
  return {
    start(totalBytes) {
      total = totalBytes;
      sent = 0;
      bar.start(totalBytes);
    },
    advance(file, bytes) {
      sent += bytes;
      bar.update(sent, total, file);
    },
    finish() {
      if (total === 0) return;
      bar.finish(`Sent ${formatBytes(sent)} in ${bar.seconds.toFixed(1)} s (${formatBytes(bar.rate)}/s)`);
    },
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
