import type { MappedFile } from "../sourcemap/traceback-map.js";
import type { ByteLink } from "./byte-link.js";
import { createTracebackRewriter } from "../sourcemap/traceback-rewriter.js";

/** The friendly REPL's greeting, printed when main.py has finished and the board waits for input. */
const REPL_BANNER_LINE = /^(MicroPython v|Type "help\(\)")/;
const REPL_PROMPT = "\n>>> ";
const HELD_PREFIXES = ["MicroPython v", 'Type "help()"', ">>> "];

/**
 * Streams what the board prints after a reset (boot.py, main.py) to `write`, tracebacks mapped
 * to TypeScript, with \r\n folded to \n. Ends when the board is back at its REPL prompt
 * (the program finished) or when `stopped` resolves (the user pressed Ctrl-C).
 */
export async function followOutput(
  transport: ByteLink,
  options: {
    files: readonly MappedFile[];
    write: (text: string) => void;
    stopped: Promise<void>;
    /** Traceback paths are shown relative to this folder (absolute without it). */
    relativeTo?: string;
  },
): Promise<"finished" | "stopped"> {
  const decoder = new TextDecoder();
  let line = "";
  /** Part of the current line was already passed on, so it cannot be the REPL's greeting. */
  let midLine = false;
  let tail = "";
  const rewriter = createTracebackRewriter(options.files, options.write, options.relativeTo);
  let stop = false;
  let wake: () => void = () => undefined;
  void options.stopped.then(() => {
    stop = true;
    wake();
  });
  while (!stop) {
    const bytes = await Promise.race([transport.readSome(), new Promise<undefined>((resume) => (wake = () => resume(undefined)))]);
    if (!bytes) break;
    const text = decoder.decode(bytes, { stream: true });
    tail = (tail + text).slice(-REPL_PROMPT.length - 1);
    line += text;
    const lines = line.split("\n");
    line = lines.pop()!;
    for (const complete of lines) {
      const clean = complete.replace(/\r$/, "");
      if (midLine || !REPL_BANNER_LINE.test(clean)) rewriter.push(`${clean}\n`);
      midLine = false;
    }
    if (tail.replace(/\r/g, "").endsWith(REPL_PROMPT)) {
      rewriter.end();
      return "finished";
    }
    // Output without a newline (a progress dot, a prompt) shows at once, unless it may be the
    // start of the REPL's greeting, which is held until its line is complete.
    // A trailing \r stays behind in case \n follows, so \r\n still folds into \n.
    const shown = line.replace(/\r$/, "");
    if (shown && !(midLine ? [] : HELD_PREFIXES).some((prefix) => prefix.startsWith(shown) || shown.startsWith(prefix))) {
      rewriter.push(shown);
      line = line.slice(shown.length);
      midLine = true;
    }
  }
  if (line && !line.startsWith(">>>")) rewriter.push(line);
  rewriter.end();
  return "stopped";
}
