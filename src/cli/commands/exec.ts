import type { Command } from "commander";
import { ProgramExit } from "../../errors.js";
import { addBoardOptions, boardConnection, logToStderr, type BoardOptions } from "../board-options.js";

const output = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  log: logToStderr,
};

export function registerExec(program: Command): void {
  addBoardOptions(
    program
      .command("exec")
      .argument("<code>", "Python statements (separate lines with \\n or ;)")
      .description("stop the board's program and run Python on it, streaming what it prints (exit 1 if it raises)"),
  ).action(async (code: string, options: BoardOptions) => {
    const { execOnBoard } = await import("../../commands/exec.js");
    const status = await execOnBoard(code, { ...boardConnection(options), ...output });
    if (status !== 0) throw new ProgramExit(status);
  });

  addBoardOptions(
    program
      .command("eval")
      .argument("<expression>", "a Python expression")
      .description("stop the board's program and print the value of a Python expression evaluated on it"),
  ).action(async (expression: string, options: BoardOptions) => {
    const { evalOnBoard } = await import("../../commands/exec.js");
    const status = await evalOnBoard(expression, { ...boardConnection(options), ...output });
    if (status !== 0) throw new ProgramExit(status);
  });
}
