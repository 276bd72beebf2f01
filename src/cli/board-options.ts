import { type Command, InvalidArgumentError } from "commander";

/** Options every command that talks to a board accepts. */
export interface BoardOptions {
  port: string;
  baud: number;
}

export function addBoardOptions(command: Command): Command {
  return command
    .option("-p, --port <path>", "serial port of the board, or auto", "auto")
    .option("-b, --baud <rate>", "baud rate (USB boards ignore it)", parseBaud, 115200);
}

/** A `--baud` value: commander calls this and shows the message when the value is not a rate. */
export function parseBaud(value: string): number {
  const rate = Number(value);
  if (!Number.isInteger(rate) || rate <= 0) throw new InvalidArgumentError("expected a positive whole number of bits per second");
  return rate;
}

export function logToStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}
