import { mapTraceback, type MappedFile } from "./traceback-map.js";

const HEADER = "Traceback (most recent call last):";

/**
 * Passes a board's console output through untouched, except that each Python traceback is
 * held until its last line and then rewritten to point at the TypeScript sources.
 * Text that might be the start of a traceback header waits for the rest of its line.
 */
export function createTracebackRewriter(files: readonly MappedFile[], write: (text: string) => void, relativeTo?: string) {
  let pending = "";
  let traceback: string[] | undefined;

  // A UART board ends lines with \r\n; the mapper reads \n-separated lines, and the console
  // gets the board's line endings back.
  const flushTraceback = (lines: string[]) => {
    const text = lines.join("");
    const mapped = mapTraceback(text.replace(/\r\n/g, "\n"), files, { relativeTo });
    write(text.includes("\r\n") ? mapped.replace(/\n/g, "\r\n") : mapped);
  };

  const push = (text: string) => {
    pending += text;
    for (;;) {
      const newline = pending.indexOf("\n");
      if (newline < 0) break;
      const line = pending.slice(0, newline + 1);
      pending = pending.slice(newline + 1);
      if (traceback) {
        traceback.push(line);
        // Frames are indented; the first unindented line is the exception and ends the block.
        if (!/^\s/.test(line)) {
          flushTraceback(traceback);
          traceback = undefined;
        }
      } else if (line.startsWith(HEADER)) {
        traceback = [line];
      } else {
        write(line);
      }
    }
    if (!traceback && pending.length > 0 && !HEADER.startsWith(pending)) {
      write(pending);
      pending = "";
    }
  };

  return {
    push,
    /** Emits whatever is held back (the stream ended mid-traceback). */
    end() {
      if (traceback) flushTraceback([...traceback, pending]);
      else if (pending) write(pending);
      traceback = undefined;
      pending = "";
    },
  };
}
