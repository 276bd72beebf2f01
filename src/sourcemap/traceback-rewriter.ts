import { mapTraceback, type MappedFile } from "./traceback-map.js";

const HEADER = "Traceback (most recent call last):";

export interface RewriterOptions {
  /**
   * Told of each complete traceback instead of writing it: the caller decides whether to map it
   * (`release`). Output after it is held back meanwhile, so nothing overtakes the traceback.
   */
  hold?: (traceback: string) => void;
}

/**
 * Passes a board's console output through untouched, except that each Python traceback is
 * held until its last line and then rewritten to point at the TypeScript sources.
 * Text that might be the start of a traceback header waits for the rest of its line.
 */
export function createTracebackRewriter(
  files: readonly MappedFile[],
  write: (text: string) => void,
  relativeTo?: string,
  options: RewriterOptions = {},
) {
  let pending = "";
  let traceback: string[] | undefined;
  /** A complete traceback the caller has not released yet. */
  let held: string | undefined;

  // A UART board ends lines with \r\n; the mapper reads \n-separated lines, and the console
  // gets the board's line endings back.
  const writeTraceback = (text: string, mapped: boolean) => {
    if (!mapped) return write(text);
    const rewritten = mapTraceback(text.replace(/\r\n/g, "\n"), files, { relativeTo });
    write(text.includes("\r\n") ? rewritten.replace(/\n/g, "\r\n") : rewritten);
  };

  const push = (text: string) => {
    pending += text;
    while (held === undefined) {
      const newline = pending.indexOf("\n");
      if (newline < 0) break;
      const line = pending.slice(0, newline + 1);
      pending = pending.slice(newline + 1);
      if (traceback) {
        traceback.push(line);
        // Frames are indented; the first unindented line is the exception and ends the block.
        if (!/^\s/.test(line)) {
          const complete = traceback.join("");
          traceback = undefined;
          if (options.hold) {
            held = complete;
            options.hold(complete);
          } else {
            writeTraceback(complete, true);
          }
        }
      } else if (line.startsWith(HEADER)) {
        traceback = [line];
      } else {
        write(line);
      }
    }
    if (held === undefined && !traceback && pending.length > 0 && !HEADER.startsWith(pending)) {
      write(pending);
      pending = "";
    }
  };

  return {
    push,
    /** What arrived after the held traceback, so far. */
    get afterHeld(): string {
      return pending;
    },
    /** Writes the held traceback, mapped to TypeScript or as the board printed it, then what followed. */
    release(mapped: boolean) {
      if (held === undefined) return;
      writeTraceback(held, mapped);
      held = undefined;
      push("");
    },
    /** Emits whatever is held back (the stream ended mid-traceback). */
    end() {
      if (held !== undefined) writeTraceback(held, true);
      if (traceback) writeTraceback([...traceback, pending].join(""), true);
      else if (pending) write(pending);
      held = undefined;
      traceback = undefined;
      pending = "";
    },
  };
}
