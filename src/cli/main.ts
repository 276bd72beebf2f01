import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { DiagnosticsReported, ProgramExit, TsmpError } from "../errors.js";
import { describeHostFileError } from "../host-file-error.js";
import { packagePath } from "../package-paths.js";

type Register = (program: Command) => void;

/**
 * Each command module with the names of the commands it registers, loaded on use: a run names
 * one command, and `tsmp build` then reads build's module alone, not the 15 others and what they
 * import (about 20 ms of a cold build's CPU). Help, the version and an unknown name load them all.
 */
const commandModules: [names: string[], load: () => Promise<Register[]>][] = [
  [["init"], async () => [(await import("./commands/init.js")).registerInit]],
  [["build"], async () => [(await import("./commands/build.js")).registerBuild]],
  [["check"], async () => [(await import("./commands/check.js")).registerCheck]],
  [["run"], async () => [(await import("./commands/run.js")).registerRun]],
  [["flash"], async () => [(await import("./commands/flash.js")).registerFlash]],
  [["dev"], async () => [(await import("./commands/dev.js")).registerDev]],
  [["fs"], async () => [(await import("./commands/fs.js")).registerFs]],
  [["exec", "eval"], async () => [(await import("./commands/exec.js")).registerExec]],
  [["reset"], async () => [(await import("./commands/reset.js")).registerReset]],
  [
    ["repl", "monitor"],
    async () => {
      const { registerRepl, registerMonitor } = await import("./commands/monitor.js");
      return [registerRepl, registerMonitor];
    },
  ],
  [["ports"], async () => [(await import("./commands/ports.js")).registerPorts]],
  [["firmware"], async () => [(await import("./commands/firmware.js")).registerFirmware]],
  [["config"], async () => [(await import("./commands/config.js")).registerConfig]],
  [["stubs"], async () => [(await import("./commands/stubs.js")).registerStubs]],
  [["virtual-board"], async () => [(await import("./commands/virtual-board.js")).registerVirtualBoard]],
  [["virtual-esp32"], async () => [(await import("./commands/virtual-esp32.js")).registerVirtualEsp32]],
];

/** The CLI for `argv`: with the command it names, or with every command when it names none. */
export async function createProgram(argv: string[] = []): Promise<Command> {
  const program = new Command("tsmp")
    .description("Write MicroPython board firmware in TypeScript")
    .version(packageVersion())
    // The guides ship in the package, so an installed tsmp can show where they are.
    .addHelpText("after", `\nGuides: ${packagePath("docs")} (dev.md, project-config.md, board-tools.md, flashing.md, esp32.md…)\n`)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      // Usage errors read like every other error: one "tsmp: …" line (commander says "error: …").
      outputError: (text, write) => write(`tsmp: ${text.replace(/^error: /, "")}`),
    });
  const named = commandModules.find(([names]) => names.includes(argv[2] ?? ""));
  for (const registers of await Promise.all((named ? [named] : commandModules).map(([, load]) => load()))) {
    for (const register of registers) register(program);
  }
  return program;
}

/** Runs the CLI and returns the exit code; every user error ends here as one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  try {
    await (await createProgram(argv)).parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

/**
 * `tsmp run … | head -3`: the reader has gone, so the run ends at once and quietly, as a Unix
 * tool's does, rather than with an EPIPE stack trace or a program running on unseen.
 */
function endQuietlyWhenStdoutCloses(): void {
  // Once per process: main() may run many times in one (tests drive the CLI that way).
  if (process.stdout.listeners("error").includes(onStdoutError)) return;
  process.stdout.on("error", onStdoutError);
}

function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE") process.exit(0);
  process.stderr.write(`tsmp: cannot write the output: ${error.message}\n`);
  process.exit(1);
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed usage errors; --help and --version exit 0.
    return error.exitCode;
  }
  if (error instanceof DiagnosticsReported) {
    return 1;
  }
  if (error instanceof ProgramExit) {
    return error.exitCode;
  }
  const known = error instanceof TsmpError ? error : describeHostFileError(error);
  if (known) {
    process.stderr.write(`tsmp: ${known.message}\n`);
    return 1;
  }
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tsmp: internal error: ${detail}\n`);
  if (process.env.TSMP_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  } else {
    process.stderr.write("(set TSMP_DEBUG=1 for a stack trace, and please report it)\n");
  }
  return 2;
}

function packageVersion(): string {
  const manifest = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
