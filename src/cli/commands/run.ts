import { type Command, Option } from "commander";
import { ProgramExit } from "../../errors.js";
import { parseBaud, settingsFor } from "../board-options.js";
import type { RunOptions } from "../../commands/run.js";

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("run a program: transpiled on MicroPython on this machine (default), on Node, or on a board")
    .argument("<input>", "project folder (tsconfig.json or src/main.ts) or a .ts file")
    .addOption(
      new Option("-t, --target <target>", "where to run it when no --port is given: micropython (the real VM) or node (the shim)").choices([
        "micropython",
        "node",
      ]),
    )
    .option("-p, --port <path>", "run on the board at this serial port (or auto), without writing files")
    .option("-b, --baud <rate>", "baud rate with --port (USB boards ignore it)", parseBaud)
    .option("--realtime", "follow the wall clock (the default on micropython)")
    .option("--virtual-clock", "jump over waits, so a 10 s program ends at once (the default on node)")
    .option("--trace <file>", "write the pin/LED timeline as a picture (.svg) or data (.json)")
    .addHelpText(
      "after",
      "\nOnly the program's own output goes to stdout. On micropython, LED and pin changes are shown on stderr" +
        "\n(a live line on a terminal, a log otherwise). The exit code is the program's: 1 after an uncaught exception.",
    )
    .action(async (input: string, options: RunOptions) => {
      const { run } = await import("../../commands/run.js");
      const code = await run(input, withProjectConfig(input, options));
      if (code !== 0) throw new ProgramExit(code);
    });
}

/** Without --port or --target, the project's config says where to run (`target`, or the board it names). */
function withProjectConfig(input: string, options: RunOptions): RunOptions {
  if (options.port !== undefined || options.target !== undefined || options.baud !== undefined) return options;
  const settings = settingsFor(input, {});
  if (settings.target.value !== "board") return { ...options, target: settings.target.value };
  const config = { port: settings.port.value ?? "auto", serialNumber: settings.serialNumber.value };
  // Set from the config, the board's baud rate is its own: tsmp run passes it only with the port.
  return { ...options, ...config, baud: settings.baud.from === "default" ? undefined : settings.baud.value };
}
