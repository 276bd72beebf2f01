import type { Command } from "commander";
import { TsmpError } from "../../errors.js";
import { loadProjectConfig } from "../../commands/project-config.js";
import { parseBaud, settingsFor } from "../board-options.js";

interface FlashFlags {
  port: string[];
  baud?: number;
  all?: boolean;
  follow?: boolean;
  mpy?: boolean;
}

export function registerFlash(program: Command): void {
  program
    .command("flash")
    .argument("[project]", "project folder (with tsconfig.json or src/main.ts)", ".")
    .description("build the project, upload the files that changed, and restart the board (or several boards at once)")
    .option(
      "-p, --port <path>",
      'serial port of the board, or "auto" (default: the project\'s config, else auto); repeat it to flash several boards at once',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option("--all", "flash every connected board that looks like a MicroPython board, at once")
    .option("-b, --baud <rate>", "baud rate (default: the project's config, else 115200; USB boards ignore it)", parseBaud)
    .option("-f, --follow", "stream the board's output after the restart (Ctrl-C stops)")
    .option("--mpy", "send every module but main.py as .mpy bytecode; refuse a board that cannot load it (MicroPython 1.19+)")
    .option("--no-mpy", "send .py files (by default .mpy goes where the board loads tsmp's .mpy version)")
    .action(async (project: string, options: FlashFlags) => {
      const { filesBesideCode } = await import("../../commands/extra-files.js");
      const fleet = options.all === true || options.port.length > 1;
      if (options.all && options.port.length > 0) throw new TsmpError("--all flashes every board found; leave out --port");
      const twice = options.port.find((port, i) => options.port.indexOf(port) !== i);
      if (twice !== undefined) throw new TsmpError(`--port ${twice} is given twice`);
      if (fleet && options.follow) throw new TsmpError("--follow streams one board's output; flash a single board to follow it");
      const settings = settingsFor(project, { port: options.port[0], baud: options.baud }, { mpy: options.mpy });
      const extraFiles = filesBesideCode(loadProjectConfig(project));
      if (fleet) {
        const { detectedBoards, flashFleet } = await import("../../commands/flash-fleet.js");
        const ports = options.all ? await detectedBoards() : options.port;
        await flashFleet(project, ports, { baudRate: settings.baud.value, mpy: settings.mpy.value, extraFiles, stderr: process.stderr });
        return;
      }
      const { flashProject } = await import("../../commands/flash.js");
      await flashProject(project, {
        port: settings.port.value,
        baudRate: settings.baud.value,
        serialNumber: settings.serialNumber.value,
        follow: options.follow,
        mpy: settings.mpy.value,
        extraFiles,
        stdout: (text) => process.stdout.write(text),
        stderr: process.stderr,
      });
    });
}
