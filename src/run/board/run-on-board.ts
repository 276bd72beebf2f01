import { mapTraceback } from "../../sourcemap/traceback-map.js";
import { createTracebackRewriter } from "../../sourcemap/traceback-rewriter.js";
import { transpileOrReport } from "../../transpile/project/transpile-or-report.js";
import { withBoard } from "../../flash/connection.js";
import { runProgram } from "../../flash/run-program.js";

export interface RunOnBoardOptions {
  port: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  baudRate?: number;
  /** Find the board by its USB serial number when `port` is "auto". */
  serialNumber?: string;
}

/**
 * `tsmp run --port`: transpiles, soft-resets the board to a clean interpreter, runs the program
 * from RAM (nothing is written to the board's flash) and streams its output. Ctrl-C (SIGINT)
 * interrupts the program on the board. Returns the exit code: 0, 1 when the program raised,
 * 130 when interrupted.
 */
export async function runOnBoard(input: string, options: RunOnBoardOptions): Promise<number> {
  const build = await transpileOrReport(input, options.stderr);
  return withBoard(
    { port: options.port, baudRate: options.baudRate, serialNumber: options.serialNumber, log: (line) => options.stderr(`${line}\n`) },
    async (board) => {
      await board.repl.softReset();
      let interrupts = 0;
      // The first Ctrl-C interrupts the program on the board; a second one, for a board that
      // does not react, gives up on it and closes the port.
      const onSigint = () => {
        interrupts++;
        if (interrupts === 1) void board.repl.interrupt().catch(() => undefined);
        else void board.transport.close();
      };
      process.on("SIGINT", onSigint);
      try {
        const entry = build.entry ?? "main.py";
        // An IRQ handler's or timer callback's traceback comes with the program's output while it
        // runs; the entry runs as the REPL's input, which MicroPython names <stdin>.
        const output = createTracebackRewriter(build.files, options.stdout);
        const { raised } = await runProgram(board.repl, build.files, {
          entry,
          stdout: (text) => output.push(text.replaceAll('File "<stdin>"', `File "${entry}"`)),
          stderr: (traceback) => options.stderr(mapTraceback(traceback, build.files)),
        });
        output.end();
        if (interrupts > 0) return 130;
        return raised ? 1 : 0;
      } catch (error) {
        if (interrupts > 1) return 130;
        throw error;
      } finally {
        process.off("SIGINT", onSigint);
      }
    },
  );
}
