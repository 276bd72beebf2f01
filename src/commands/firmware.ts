import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { TsmpError } from "../errors.js";
import { resolvePort } from "../flash/ports.js";
import { chipById, chipIds, type Esp32Chip } from "../flash/esp32/chips.js";
import { Esp32Session, prepareImage, type ChipInfo } from "../flash/esp32/esp-session.js";
import { readEspImageHeader } from "../flash/esp32/firmware-image.js";
import { formatBytes, ProgressBar } from "../flash/progress.js";
import { checkMicroPythonRepl } from "../flash/esp32/repl-check.js";

export class FirmwareFileProblem extends TsmpError {}
export class WrongChip extends TsmpError {}

const FLASH_SECTOR = 0x1000;

export interface ConnectOptions {
  /** A device path, or "auto" to pick the one likely board. */
  port: string;
  /** "auto" or a chip id ("esp32s3"); when given, the board must be that chip. */
  chip: string;
  baud: number;
  /** esptool-js's own messages (stub upload, baud change) go here when set. */
  verbose?: (line: string) => void;
  /** Where tsmp's progress and info lines go (stderr). */
  log: (line: string) => void;
  connectAttempts?: number;
}

export interface FlashFirmwareOptions extends ConnectOptions {
  file: string;
  /** Flash address; the detected chip's MicroPython offset when undefined. */
  offset?: number;
  eraseAll: boolean;
  compress: boolean;
  verifyRepl: boolean;
  /** How many times the REPL check knocks (about 1.3 s each) before giving up; 8 by default. */
  replAttempts?: number;
  /** Draws the transfer; a ProgressBar on stderr by default. */
  progress?: (done: number, total: number) => void;
}

export interface FlashReport {
  chip: string;
  offset: number;
  bytes: number;
  seconds: number;
  /** False when the flash held the image already (checked by MD5), so nothing was written. */
  written: boolean;
  /** What the REPL answered ("micropython 1.27.0"), when it was checked. */
  repl?: string;
}

/** `tsmp firmware flash`: check the file, connect, write, verify, reset, check the REPL. */
export async function flashFirmware(options: FlashFirmwareOptions): Promise<FlashReport> {
  const image = readFirmwareFile(options.file);
  const name = basename(options.file);
  const header = readEspImageHeader(image, name);
  if (options.offset !== undefined && options.offset % FLASH_SECTOR !== 0) {
    throw new FirmwareFileProblem(
      `--offset 0x${options.offset.toString(16)} is not a multiple of 0x1000, the flash sector size (erasing would clobber the bytes before it)`,
    );
  }
  const wanted = wantedChip(options.chip);
  if (wanted && header.chip && header.chip.imageChipId !== wanted.imageChipId) {
    throw new WrongChip(`${name} is a firmware image for ${header.chip.name}, but --chip ${wanted.id} was given`);
  }
  // Compressing overlaps connecting; a failed connect leaves it to finish unread.
  const prepared = prepareImage(image, options.compress);
  prepared.catch(() => {});
  const session = await connect(options);
  try {
    const chipName = session.chipName;
    if (header.chipId !== (session.chip?.imageChipId ?? -1)) {
      const built = header.chip?.name ?? `an unknown chip (image chip id ${header.chipId})`;
      throw new WrongChip(
        `${name} is built for ${built}, but the board on ${session.path} is an ${chipName}; download the ${chipName} build of MicroPython`,
      );
    }
    const offset = options.offset ?? session.chip!.firmwareOffset;
    const flashSize = await session.flashSize();
    const flashBytes = flashSize ? sizeInBytes(flashSize) : undefined;
    if (flashBytes !== undefined && offset + image.length > flashBytes) {
      throw new FirmwareFileProblem(
        `${name} (${formatBytes(image.length)}) at 0x${offset.toString(16)} does not fit in the board's ${flashSize} flash`,
      );
    }
    const ready = await prepared;
    const started = performance.now();
    // Flashing the same firmware again (to start over, or from a script) then costs two MD5s.
    const written = options.eraseAll || !(await session.holds(ready.data, offset));
    if (written) {
      if (options.eraseAll) options.log("Erasing the whole flash…");
      const bar = options.progress
        ? undefined
        : new ProgressBar(process.stderr, { label: options.compress ? "Writing (compressed)" : "Writing", linesOffTerminal: true });
      const progress = options.progress ?? ((done: number, total: number) => bar!.update(done, total));
      await session.writeFlash(ready, offset, { eraseAll: options.eraseAll, onProgress: progress });
      bar?.finish();
    }
    const seconds = (performance.now() - started) / 1000;
    options.log(
      written
        ? `Wrote ${formatBytes(image.length)} at 0x${offset.toString(16)} in ${seconds.toFixed(2)} s ` +
            `(${formatBytes(image.length / seconds)}/s), MD5 verified`
        : `The flash already holds ${name} at 0x${offset.toString(16)} (MD5 verified): nothing to write`,
    );
    await session.resetIntoFirmware();
    await session.close();
    const report: FlashReport = { chip: chipName, offset, bytes: image.length, seconds, written };
    if (options.verifyRepl) {
      report.repl = await checkMicroPythonRepl(session.path, options.replAttempts);
      options.log(`MicroPython REPL answers on ${session.path} (${report.repl})`);
    }
    return report;
  } finally {
    await session.close();
  }
}

/** `tsmp firmware info`. */
export async function readChipInfo(options: ConnectOptions): Promise<ChipInfo> {
  const session = await connect(options);
  try {
    return await session.info();
  } finally {
    await session.close();
  }
}

/** What `tsmp firmware info` prints, one property a line. */
export function describeChipInfo(info: ChipInfo): string {
  const lines = [
    `Chip:       ${info.description}`,
    `Revision:   ${info.revision ?? "unknown"}`,
    `Features:   ${info.features.join(", ")}`,
    `MAC:        ${info.mac}`,
    `Flash size: ${info.flashSize ?? "unknown"}`,
  ];
  return `${lines.join("\n")}\n`;
}

/** The line `tsmp firmware flash` ends with. */
export function describeFlashReport(file: string, report: FlashReport): string {
  const where = `the ${report.chip} at 0x${report.offset.toString(16)}`;
  const repl = report.repl ? ` (${report.repl})` : "";
  return report.written ? `Flashed ${file} to ${where}${repl}\n` : `${file} was already on ${where}${repl}\n`;
}

/** `tsmp firmware erase`: the whole flash, through the stub. */
export async function eraseChip(options: ConnectOptions): Promise<void> {
  const session = await connect(options);
  try {
    await session.eraseFlash();
  } finally {
    await session.close();
  }
}

async function connect(options: ConnectOptions): Promise<Esp32Session> {
  const wanted = wantedChip(options.chip);
  const port = await resolvePort(options.port, { log: options.log });
  options.log(`Connecting to the ESP32 bootloader on ${port}…`);
  const session = await Esp32Session.connect({ port, baud: options.baud, log: options.verbose, connectAttempts: options.connectAttempts });
  options.log(`Chip: ${session.description}`);
  if (wanted && session.chipName !== wanted.name) {
    await session.close();
    throw new WrongChip(`--chip ${wanted.id} was given, but the board on ${port} is an ${session.chipName}`);
  }
  return session;
}

function wantedChip(chip: string): Esp32Chip | undefined {
  if (chip === "auto") return undefined;
  const found = chipById(chip);
  if (!found) throw new WrongChip(`unknown --chip "${chip}" (choose auto, ${chipIds.join(", ")})`);
  return found;
}

function readFirmwareFile(file: string): Uint8Array {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new FirmwareFileProblem(`firmware file ${file} does not exist`);
  }
  if (!isFile) throw new FirmwareFileProblem(`${file} is not a file (give the path of a .bin firmware image)`);
  return new Uint8Array(readFileSync(file));
}

function sizeInBytes(size: string): number | undefined {
  const match = /^(\d+)(KB|MB)$/.exec(size);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === "KB" ? 1024 : 1024 * 1024);
}
