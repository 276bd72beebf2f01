// How the node behaves. The defaults below hold unless settings.json on the board's flash says
// otherwise: it may give any of the keys, e.g. {"report_ms": 2000, "sample_ms": {"fast": 100}}.
// Without the file, or when it is not valid JSON, the node runs on the defaults.
import * as io from "tsmp/io";

export interface Settings {
  /** Milliseconds between readings in the normal and the fast mode (the button switches). */
  sample_ms: { normal: number; fast: number };
  /** Readings the reported values average over. */
  average_over: number;
  /** Milliseconds between status lines on the UART. */
  report_ms: number;
  /** Attempts per reading before it counts as failed. */
  attempts: number;
  /** The watchdog resets the board if the sampler stops for this long. */
  watchdog_ms: number;
}

export const defaults: Settings = {
  sample_ms: { normal: 1000, fast: 250 },
  average_over: 5,
  report_ms: 5000,
  attempts: 3,
  watchdog_ms: 4000,
};

/** The settings file on the board's flash. */
export const SETTINGS_FILE = "settings.json";

function readText(path: string): string | null {
  try {
    const file = io.open(path);
    const text = file.read();
    file.close();
    return text;
  } catch (e) {
    return null;
  }
}

/** The defaults, with what settings.json gives in their place. */
export function loadSettings(): Settings {
  const text = readText(SETTINGS_FILE);
  if (text === null) return defaults;
  let given: Partial<Settings>;
  try {
    given = JSON.parse(text) as Partial<Settings>;
  } catch (e) {
    console.log(`${SETTINGS_FILE} is not valid JSON; using the defaults`);
    return defaults;
  }
  const sampleMs = given.sample_ms === undefined ? defaults.sample_ms : { ...defaults.sample_ms, ...given.sample_ms };
  return { ...defaults, ...given, sample_ms: sampleMs };
}

export const settings = loadSettings();
