import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { DiagnosticsReported, ProgramExit, TsmpError } from "../errors.js";
import { describeHostFileError } from "../host-file-error.js";
import { packagePath } from "../package-paths.js";
import { registerBuild } from "./commands/build.js";
import { registerCheck } from "./commands/check.js";
import { registerConfig } from "./commands/config.js";
import { registerDev } from "./commands/dev.js";
import { registerExec } from "./commands/exec.js";
import { registerFirmware } from "./commands/firmware.js";
import { registerFlash } from "./commands/flash.js";
import { registerFs } from "./commands/fs.js";
import { registerInit } from "./commands/init.js";
import { registerMonitor, registerRepl } from "./commands/monitor.js";
import { registerPorts } from "./commands/ports.js";
import { registerReset } from "./commands/reset.js";
import { registerRun } from "./commands/run.js";
import { registerStubs } from "./commands/stubs.js";
import { registerVirtualBoard } from "./commands/virtual-board.js";
import { registerVirtualEsp32 } from "./commands/virtual-esp32.js";

export function createProgram(): Command {
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
  for (const register of [
    registerInit,
    registerBuild,
    registerCheck,
    registerRun,
    registerFlash,
    registerDev,
    registerFs,
    registerExec,
    registerReset,
    registerRepl,
    registerMonitor,
    registerPorts,
    registerFirmware,
    registerConfig,
    registerStubs,
    registerVirtualBoard,
    registerVirtualEsp32,
  ]) {
    register(program);
  }
  return program;
}

/** Runs the CLI and returns the exit code; every user error ends here as one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  try {
    await createProgram().parseAsync(argv);
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
