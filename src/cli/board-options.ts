import { type Command, InvalidArgumentError } from "commander";
import { effectiveSettings, loadProjectConfig, type Settings } from "../commands/project-config.js";

/** Options every command that talks to a board accepts; undefined when not given (the project's config decides). */
export interface BoardOptions {
  port?: string;
  baud?: number;
}

export function addBoardOptions(command: Command): Command {
  return command
    .option("-p, --port <path>", 'serial port of the board, or "auto" (default: the project\'s config, else auto)')
    .option("-b, --baud <rate>", "baud rate (default: the project's config, else 115200; USB boards ignore it)", parseBaud);
}

/** A `--baud` value: commander calls this and shows the message when the value is not a rate. */
export function parseBaud(value: string): number {
  const rate = Number(value);
  if (!Number.isInteger(rate) || rate <= 0) throw new InvalidArgumentError("expected a positive whole number of bits per second");
  return rate;
}

/** The settings in effect for `project`: the command line's --port, --baud (and --target, --mpy) over the project's config. */
export function settingsFor(
  project: string,
  options: BoardOptions,
  more: { target?: "micropython" | "node"; mpy?: boolean } = {},
): Settings {
  return effectiveSettings(loadProjectConfig(project), {
    port: { value: options.port, flag: "--port" },
    baud: { value: options.baud, flag: "--baud" },
    target: { value: more.target, flag: "--target" },
    mpy: { value: more.mpy, flag: more.mpy ? "--mpy" : "--no-mpy" },
  });
}

/** How to reach the board: --port/--baud, else the config of the project in `project` (the current folder). */
export function boardConnection(options: BoardOptions, project = "."): { port?: string; baudRate?: number; serialNumber?: string } {
  const settings = settingsFor(project, options);
  return { port: settings.port.value, baudRate: settings.baud.value, serialNumber: settings.serialNumber.value };
}

export function logToStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}
