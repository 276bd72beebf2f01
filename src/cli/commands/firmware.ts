import { existsSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import type { ConnectOptions } from "../../commands/firmware.js";
import { chipIds } from "../../flash/esp32/chips.js";
import { parseBaud } from "../board-options.js";

interface ConnectFlags {
  port: string;
  chip: string;
  baud: number;
  verbose?: boolean;
}

function parseInteger(text: string): number {
  const value = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : /^\d+$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new InvalidArgumentError(`"${text}" is not a number (decimal or 0x hex)`);
  return value;
}

function withConnectOptions(command: Command): Command {
  return command
    .option("-p, --port <path>", 'serial port of the board, or "auto"', "auto")
    .addOption(new Option("--chip <chip>", "expected chip").choices(["auto", ...chipIds]).default("auto"))
    .option("-b, --baud <rate>", "baud rate for the transfer (the ROM starts at 115200)", parseBaud, 460800)
    .option("-v, --verbose", "show esptool-js's own messages");
}

function connectOptions(flags: ConnectFlags): ConnectOptions {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  return { port: flags.port, chip: flags.chip, baud: flags.baud, log, verbose: flags.verbose ? log : undefined };
}

type FirmwareCommands = typeof import("../../commands/firmware.js");

/**
 * esptool-js and the serial stack load only when a firmware command runs, not for every tsmp
 * command, and from the one-file bundle that `npm run build` makes of them
 * (scripts/bundle-firmware.js): Node loads about 150 modules in 130 ms of CPU, the bundle in 50,
 * all of it before the first byte reaches the chip. A build by tsc alone has no bundle.
 */
const bundle = new URL("../../commands/firmware.bundle.js", import.meta.url);
const loadFirmwareCommands = (): Promise<FirmwareCommands> =>
  existsSync(bundle) ? (import(bundle.href) as Promise<FirmwareCommands>) : import("../../commands/firmware.js");

export function registerFirmware(program: Command): void {
  const firmware = program.command("firmware").description("put MicroPython on an ESP32 (esptool-js, no Python needed)");

  withConnectOptions(
    firmware
      .command("flash <file>")
      .description("write a MicroPython .bin to the board, verify it, reset, and check the REPL answers")
      .option(
        "--offset <address>",
        "flash address (default: the chip's MicroPython offset: 0x1000 ESP32/S2, 0x0 S3/C3/C6/C2/H2, 0x2000 C5/P4)",
        parseInteger,
      )
      .option("--erase", "erase the whole flash first (wipes the filesystem too)", false)
      .option("--no-compress", "send the image uncompressed")
      .option("--no-verify-repl", "do not check that a MicroPython REPL answers after the reset"),
  ).action(async (file: string, flags: ConnectFlags & { offset?: number; erase: boolean; compress: boolean; verifyRepl: boolean }) => {
    const { describeFlashReport, flashFirmware } = await loadFirmwareCommands();
    const report = await flashFirmware({
      ...connectOptions(flags),
      file,
      offset: flags.offset,
      eraseAll: flags.erase,
      compress: flags.compress,
      verifyRepl: flags.verifyRepl,
    });
    process.stdout.write(describeFlashReport(file, report));
  });

  withConnectOptions(firmware.command("info").description("print the chip, revision, MAC address and flash size")).action(
    async (flags: ConnectFlags) => {
      const { describeChipInfo, readChipInfo } = await loadFirmwareCommands();
      process.stdout.write(describeChipInfo(await readChipInfo(connectOptions(flags))));
    },
  );

  withConnectOptions(firmware.command("erase").description("erase the whole flash (firmware and filesystem)")).action(
    async (flags: ConnectFlags) => {
      const { eraseChip } = await loadFirmwareCommands();
      await eraseChip(connectOptions(flags));
      process.stdout.write("Flash erased\n");
    },
  );
}
