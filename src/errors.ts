/**
 * Errors a user can cause (bad input, a missing port, a board that does not answer).
 * Modules throw subclasses with a message written for the user; the CLI edge
 * (src/cli/main.ts) prints the message and exits 1, never a stack trace.
 */
export class TsmpError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Diagnostics were already printed; the CLI only has to exit 1. */
export class DiagnosticsReported extends TsmpError {
  constructor(readonly count: number) {
    super(`${count} error${count === 1 ? "" : "s"} reported`);
  }
}

/**
 * The user's program ended with a non-zero exit code (an uncaught exception, `sys.exit(n)`,
 * Ctrl-C). It has said what it had to say: the CLI exits with that code and prints nothing.
 */
export class ProgramExit extends Error {
  constructor(readonly exitCode: number) {
    super(`program exited with code ${exitCode}`);
    this.name = "ProgramExit";
  }
}
