import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { TsmpError } from "../errors.js";
import type { DeviceConfig } from "./device-catalog.js";

/** The project file that says which simulated devices sit on the board's buses. */
export const BOARD_FILE = "tsmp.board.json";

export class InvalidBoardFile extends TsmpError {}

/**
 * The devices a project's `tsmp.board.json` attaches (none without the file):
 * `{ "devices": [{ "model": "sht3x", "bus": "I2C(0)", "address": "0x44" }] }`.
 */
export function readBoardFile(projectDir: string): DeviceConfig[] {
  const path = join(projectDir, BOARD_FILE);
  if (!existsSync(path)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InvalidBoardFile(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const devices = (parsed as { devices?: unknown }).devices;
  if (
    !Array.isArray(devices) ||
    devices.some((d) => typeof d !== "object" || d === null || typeof (d as { model?: unknown }).model !== "string")
  ) {
    throw new InvalidBoardFile(`${path}: expected { "devices": [{ "model": "…", … }] }`);
  }
  return devices as DeviceConfig[];
}

/**
 * The devices for what `tsmp run` was given: a project folder's board file, or for a single
 * file the one beside it (or above its `src/` folder).
 */
export function readBoardFileFor(input: string): DeviceConfig[] {
  if (existsSync(input) && statSync(input).isDirectory()) return readBoardFile(input);
  const folder = dirname(input);
  if (existsSync(join(folder, BOARD_FILE)) || basename(folder) !== "src") return readBoardFile(folder);
  return readBoardFile(dirname(folder));
}
