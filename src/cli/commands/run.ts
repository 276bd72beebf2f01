import { type Command, Option } from "commander";
import { ProgramExit, TsmpError } from "../../errors.js";

type Target = "node" | "micropython";

export interface RunOptions {
  target?: Target;
  port?: string;
  realtime?: boolean;
  virtualClock?: boolean;
  trace?: string;
}

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
    .option("--realtime", "follow the wall clock (the default on micropython)")
    .option("--virtual-clock", "jump over waits, so a 10 s program ends at once (the default on node)")
    .option("--trace <file>", "write the pin/LED timeline as a picture (.svg) or data (.json)")
    .addHelpText(
      "after",
      "\nOnly the program's own output goes to stdout. On micropython, LED and pin changes are shown on stderr" +
        "\n(a live line on a terminal, a log otherwise). The exit code is the program's: 1 after an uncaught exception.",
    )
    .action(async (input: string, options: RunOptions) => {
      const code = await run(input, options);
      if (code !== 0) throw new ProgramExit(code);
    });
}

/** What `tsmp run` does, minus the exit: resolves to the program's exit code. */
export async function run(input: string, options: RunOptions): Promise<number> {
  const stdout = (text: string) => void process.stdout.write(text);
  const stderr = (text: string) => void process.stderr.write(text);
  if (options.realtime && options.virtualClock) throw new TsmpError("--realtime and --virtual-clock exclude each other");

  if (options.port !== undefined) {
    if (options.target) throw new TsmpError("--port runs on the board; leave out --target");
    if (options.realtime || options.virtualClock || options.trace) {
      throw new TsmpError("--realtime, --virtual-clock and --trace apply to --target node or micropython, not to a board");
    }
    const { runOnBoard } = await import("../../flash/run-on-board.js");
    return runOnBoard(input, { port: options.port, stdout, stderr });
  }

  if ((options.target ?? "micropython") === "node") {
    const { runOnNode } = await import("../../runtime-shim/runner/run-on-node.js");
    return runOnNode(input, {
      realtime: options.realtime === true,
      tracePath: options.trace,
      stdout,
      stderr,
      isTTY: process.stderr.isTTY === true,
    });
  }
  const { runOnMicroPython } = await import("../../sim/run-on-micropython.js");
  return runOnMicroPython(input, {
    stdout,
    stderr,
    isTTY: process.stderr.isTTY === true,
    clock: options.virtualClock ? "virtual" : "realtime",
    tracePath: options.trace,
  });
}
