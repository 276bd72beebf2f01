/** Upload progress on stderr: a redrawn bar on a terminal, a summary line otherwise. */
export interface UploadProgress {
  start(totalBytes: number): void;
  /** `file` is the board path being written; `bytes` how many more of it arrived (negative: a corrupted copy taken back before a resend). */
  advance(file: string, bytes: number): void;
  finish(): void;
}

export function createUploadProgress(stream: { write(text: string): unknown; isTTY?: boolean }, now: () => number = Date.now): UploadProgress {
  let total = 0;
  let sent = 0;
  let startedAt = 0;
  let lastDraw = 0;
  const rate = () => sent / Math.max(0.001, (now() - startedAt) / 1000);
  const draw = (file: string) => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((sent / total) * width);
    const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
    stream.write(`\r\x1b[K[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${percent}% ${formatBytes(sent)}/${formatBytes(total)} ${formatBytes(rate())}/s ${file}`);
  };
  return {
    start(totalBytes) {
      total = totalBytes;
      sent = 0;
      startedAt = now();
    },
    advance(file, bytes) {
      sent += bytes;
      // Redrawing more than ~10 times a second only costs terminal time.
      if (stream.isTTY && (now() - lastDraw > 100 || sent === total)) {
        lastDraw = now();
        draw(file);
      }
    },
    finish() {
      if (total === 0) return;
      if (stream.isTTY) stream.write("\r\x1b[K");
      const seconds = (now() - startedAt) / 1000;
      stream.write(`Sent ${formatBytes(sent)} in ${seconds.toFixed(1)} s (${formatBytes(rate())}/s)\n`);
    },
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
