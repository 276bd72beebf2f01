import { withBoard, type ConnectOptions } from "../flash/connection.js";

export interface ExecOptions extends ConnectOptions {
  /** What the code prints, as it prints it (\r\n folded to \n). */
  stdout: (text: string) => void;
  /** The traceback, when the code raised. */
  stderr: (text: string) => void;
}

/**
 * `tsmp exec "<python>"`: stops whatever the board runs, runs the code in its raw REPL and streams
 * what it prints. The interpreter is not reset first, so a stopped program's globals can be
 * inspected. Ctrl-C interrupts the code on the board. Resolves to 1 when the code raised.
 */
export async function execOnBoard(code: string, options: ExecOptions): Promise<number> {
  return withBoard(options, async (board) => {
    const out = lineFolder(options.stdout);
    const err = lineFolder(options.stderr);
    const onSigint = () => void board.repl.interrupt().catch(() => undefined);
    process.on("SIGINT", onSigint);
    try {
      const result = await board.repl.exec(code, {
        onStdout: out.push,
        onStderr: err.push,
      });
      out.end();
      err.end();
      return result.stderr.length > 0 ? 1 : 0;
    } finally {
      process.off("SIGINT", onSigint);
    }
  });
}

/** `tsmp eval "<expr>"`: prints the value of a Python expression evaluated on the board. */
export function evalOnBoard(expression: string, options: ExecOptions): Promise<number> {
  // On its own line, so a trailing comment in the expression cannot swallow the closing parenthesis.
  return execOnBoard(`print(\n${expression}\n)`, options);
}

/** Decodes the board's bytes as they come: a UART board ends lines with \r\n, a terminal or a pipe here wants \n. */
function lineFolder(write: (text: string) => void): { push: (bytes: Uint8Array) => void; end: () => void } {
  const decoder = new TextDecoder();
  // A \r at the end of a piece waits: the \n of its pair may come in the next one.
  let held = "";
  const emit = (text: string, last: boolean) => {
    const whole = held + text;
    held = !last && whole.endsWith("\r") ? "\r" : "";
    const shown = (held ? whole.slice(0, -1) : whole).replace(/\r\n/g, "\n");
    if (shown) write(shown);
  };
  return { push: (bytes) => emit(decoder.decode(bytes, { stream: true }), false), end: () => emit(decoder.decode(), true) };
}
