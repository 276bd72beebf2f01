import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { TsmpError } from "../errors.js";

/** A project's `tsmp` settings file (or package.json's `tsmp` section) says something tsmp cannot use. */
export class InvalidProjectConfig extends TsmpError {}

/** Where a project's settings live: a `tsmp` section in package.json, or a tsmp.config.json beside it (which wins). */
export const CONFIG_FILE = "tsmp.config.json";

/** What the `tsmp` section may hold. Every key is optional; the command line overrides each. */
export interface ProjectConfig {
  /** Serial port of the board ("auto" picks the one connected). */
  port?: string;
  /** The board's USB serial number: finds its port wherever the system put it today. */
  serialNumber?: string;
  baud?: number;
  /** The board flavour `tsmp init --board` made the project for (pyboard or generic). */
  board?: "pyboard" | "generic";
  /** Where `tsmp run` and `tsmp dev` run the program without --target or --port. */
  target?: "micropython" | "node" | "board";
  /** Send modules as .mpy bytecode: true, false, or "auto" (when the board loads tsmp's .mpy version). */
  mpy?: boolean | "auto";
  /** Files and folders (relative to the project) installed on the board beside the code, at the same paths. */
  files?: string[];
}

export type ConfigKey = keyof ProjectConfig;

/** The keys in the order `tsmp config` shows them. */
export const CONFIG_KEYS: readonly ConfigKey[] = ["port", "serialNumber", "baud", "board", "target", "mpy", "files"];

/** What a project's config file said, and which file said it (for messages and `tsmp config`). */
export interface LoadedConfig {
  /** The project folder the config was looked for in. */
  folder: string;
  config: ProjectConfig;
  /** How a value from the config is named: `package.json "tsmp".port` or `tsmp.config.json port`; undefined without a config. */
  source: ((key: ConfigKey) => string) | undefined;
  /** The file read, for the header of `tsmp config`. */
  file: string | undefined;
  /** package.json also has a `tsmp` section, which tsmp.config.json overrides whole. */
  shadowed: boolean;
}

/** The folder a project argument names: itself, or the folder of a .ts file. */
export function projectFolderOf(project: string): string {
  const path = resolve(project);
  try {
    return statSync(path).isFile() ? dirname(path) : path;
  } catch {
    return path;
  }
}

/**
 * Reads the project's settings from tsmp.config.json, or else from package.json's `tsmp`
 * section; a project with neither has an empty config. Every value is checked here, so a
 * mistake is one line naming the file and the key, before anything touches a board.
 */
export function loadProjectConfig(project: string): LoadedConfig {
  const folder = projectFolderOf(project);
  const packageFile = join(folder, "package.json");
  const configFile = join(folder, CONFIG_FILE);
  const packageSection = existsSync(packageFile) ? (readJson(packageFile) as Record<string, unknown> | undefined)?.tsmp : undefined;
  if (existsSync(configFile)) {
    const config = checkConfig(readJson(configFile), configFile, (key) => `${CONFIG_FILE} ${key}`);
    return { folder, config, source: (key) => `${CONFIG_FILE} ${key}`, file: configFile, shadowed: packageSection !== undefined };
  }
  if (packageSection === undefined) return { folder, config: {}, source: undefined, file: undefined, shadowed: false };
  const name = (key: string) => `package.json "tsmp".${key}`;
  return {
    folder,
    config: checkConfig(packageSection, packageFile, name, 'package.json "tsmp"'),
    source: name,
    file: packageFile,
    shadowed: false,
  };
}

function readJson(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidProjectConfig(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

const checks: Record<ConfigKey, { expected: string; ok: (value: unknown) => boolean }> = {
  port: { expected: 'a serial port path or "auto"', ok: (v) => typeof v === "string" && v.length > 0 },
  serialNumber: {
    expected: "the board's USB serial number, as `tsmp ports --json` shows it",
    ok: (v) => typeof v === "string" && v.length > 0,
  },
  baud: { expected: "a positive whole number of bits per second", ok: (v) => typeof v === "number" && Number.isInteger(v) && v > 0 },
  board: { expected: '"pyboard" or "generic"', ok: (v) => v === "pyboard" || v === "generic" },
  target: { expected: '"micropython", "node" or "board"', ok: (v) => v === "micropython" || v === "node" || v === "board" },
  mpy: { expected: 'true, false or "auto"', ok: (v) => typeof v === "boolean" || v === "auto" },
  files: {
    expected: "a list of files or folders relative to the project",
    ok: (v) => Array.isArray(v) && v.every((item) => typeof item === "string" && item.length > 0),
  },
};

function checkConfig(value: unknown, file: string, name: (key: string) => string, what = CONFIG_FILE): ProjectConfig {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidProjectConfig(`${file}: ${what} must be an object of settings (${CONFIG_KEYS.join(", ")})`);
  }
  for (const [key, setting] of Object.entries(value)) {
    const check = checks[key as ConfigKey];
    if (!check) throw new InvalidProjectConfig(`${file}: ${name(key)} is not a tsmp setting (known: ${CONFIG_KEYS.join(", ")})`);
    if (!check.ok(setting))
      throw new InvalidProjectConfig(`${file}: ${name(key)} must be ${check.expected}, not ${JSON.stringify(setting)}`);
  }
  const config = value as ProjectConfig;
  if (config.port !== undefined && config.serialNumber !== undefined) {
    throw new InvalidProjectConfig(`${file}: ${name("port")} and ${name("serialNumber")} both choose the board; keep one`);
  }
  return config;
}

/** A setting in effect, and where it came from (`--port`, `package.json "tsmp".port`, `default`). */
export interface Setting<T> {
  value: T;
  from: string;
}

export type Settings = { [K in ConfigKey]-?: Setting<ProjectConfig[K]> };

/** What the command line gave (undefined: not given), by config key, with the flag that gave it. */
export type CommandLineSettings = { [K in ConfigKey]?: { value: ProjectConfig[K]; flag: string } };

const defaults: ProjectConfig = { port: "auto", baud: 115200, target: "micropython", mpy: "auto", files: [] };

/** Each setting from the command line, else the project's config, else tsmp's default. */
export function effectiveSettings(loaded: LoadedConfig, commandLine: CommandLineSettings = {}): Settings {
  const settings = {} as Record<ConfigKey, Setting<unknown>>;
  for (const key of CONFIG_KEYS) {
    const given = commandLine[key];
    if (given !== undefined && given.value !== undefined) settings[key] = { value: given.value, from: given.flag };
    else if (loaded.config[key] !== undefined) settings[key] = { value: loaded.config[key], from: loaded.source!(key) };
    else settings[key] = { value: defaults[key], from: "default" };
  }
  // A port on the command line replaces the board the config names by serial number.
  if (commandLine.port?.value !== undefined && settings.serialNumber.from !== "default") {
    settings.serialNumber = { value: undefined, from: `overridden by ${commandLine.port.flag}` };
  }
  if (settings.serialNumber.value !== undefined && settings.port.from === "default") {
    settings.port = { value: undefined, from: `found by ${settings.serialNumber.from}` };
  }
  // A project that names its board runs on it unless told otherwise.
  const namesBoard = loaded.config.port !== undefined || loaded.config.serialNumber !== undefined;
  if (settings.target.from === "default" && (commandLine.port?.value !== undefined || namesBoard)) {
    settings.target = {
      value: "board",
      from:
        commandLine.port?.value !== undefined
          ? "--port"
          : `default with ${loaded.source!(loaded.config.port !== undefined ? "port" : "serialNumber")}`,
    };
  }
  return settings as Settings;
}
