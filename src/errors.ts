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
