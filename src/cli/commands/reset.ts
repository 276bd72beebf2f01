import { InvalidArgumentError, type Command } from "commander";
import { TsmpError } from "../../errors.js";
import { addBoardOptions, boardConnection, logToStderr, type BoardOptions } from "../board-options.js";

export function registerReset(program: Command): void {
  addBoardOptions(
    program
      .command("reset")
      .description("restart the board: soft (the default: the interpreter, then boot.py and main.py), hard, or safe")
      .option("--soft", "restart the interpreter; boot.py and main.py run again")
      .option("--hard", "machine.reset(): restart as at power-up (a USB board's port goes away for a moment)")
      .option("--safe", "stop a stuck program and restart without running main.py, leaving the board at its REPL")
      .option(
        "--wait <seconds>",
        "with --safe: how long to wait for the board's reset button, if its program ignores Ctrl-C",
        parseWait,
        30,
      ),
  )
    .addHelpText(
      "after",
      "\n--safe removes and renames nothing: it interrupts the program (many Ctrl-C rounds) and soft-resets from the" +
        "\nraw REPL, where MicroPython skips main.py. A program that ignores Ctrl-C is reset (through RTS, or you press" +
        "\nthe reset button) while tsmp sends Ctrl-C: the boot.py tsmp flash installs then skips main.py.",
    )
    .action(async (options: BoardOptions & { soft?: boolean; hard?: boolean; safe?: boolean; wait: number }) => {
      const kinds = (["soft", "hard", "safe"] as const).filter((kind) => options[kind]);
      if (kinds.length > 1)
        throw new TsmpError(`choose one of --soft, --hard and --safe (got ${kinds.map((k) => `--${k}`).join(" and ")})`);
      const { resetBoard } = await import("../../commands/reset.js");
      await resetBoard(kinds[0] ?? "soft", { ...boardConnection(options), log: logToStderr, resetWaitMs: options.wait * 1000 });
    });
}

function parseWait(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
  return seconds;
}
