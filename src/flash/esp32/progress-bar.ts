/**
 * A one-line progress bar with transfer rate on stderr. On a terminal it redraws in place;
 * into a file or a pipe it prints a line every 10 % so logs stay readable.
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly write: (text: string) => void = (text) => process.stderr.write(text),
    private readonly isTty: boolean = process.stderr.isTTY === true,
  ) {}

  update(done: number, total: number): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line = `${this.label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor(fraction * 100)
      .toString()
      .padStart(3)}%  ${formatBytes(done)} / ${formatBytes(total)}  ${formatBytes(rate)}/s`;
    if (this.isTty) {
      this.write(`\r${line}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.write(`${line}\n`);
    }
  }

  finish(): void {
    if (this.isTty) this.write("\n");
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${Math.round(bytes)} B`;
}
