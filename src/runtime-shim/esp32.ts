/**
 * `tsmp/esp32` ⇔ MicroPython's `esp32` module (ESP32 boards only): settings kept in NVS, the
 * chip's raw temperature, and the wake sources for deep sleep. On the simulated board NVS lives
 * in memory for the run and outlives soft and hard resets and deep sleep, with ESP-IDF's errors
 * (`OSError(-4354, "ESP_ERR_NVS_NOT_FOUND")`); a write is seen by later reads at once and
 * `commit()` has nothing more to keep. The wake sources
 * are checked as the ESP32 checks them (RTC pins only; touch and ext0 exclude each other) and
 * remembered; the simulated deep sleep ends by its timer.
 * https://docs.micropython.org/en/latest/library/esp32.html
 */
import { OSError, ValueError } from "./exceptions.js";
import type { Pin } from "./machine.js";
import { runtime, type Runtime } from "./runtime.js";

/** `wake_on_ext1` level: wake when all the pins are low. */
export const WAKEUP_ALL_LOW = false;
/** `wake_on_ext1` level: wake when any pin is high. */
export const WAKEUP_ANY_HIGH = true;

/** ESP-IDF's NVS errors, as MicroPython raises them: the negated code and the code's name. */
const ESP_ERR_NVS_NOT_FOUND = 0x1102;
const ESP_ERR_NVS_KEY_TOO_LONG = 0x1109;
const ESP_ERR_NVS_INVALID_LENGTH = 0x110c;
const ERROR_NAMES: Readonly<Record<number, string>> = {
  [ESP_ERR_NVS_NOT_FOUND]: "ESP_ERR_NVS_NOT_FOUND",
  [ESP_ERR_NVS_KEY_TOO_LONG]: "ESP_ERR_NVS_KEY_TOO_LONG",
  [ESP_ERR_NVS_INVALID_LENGTH]: "ESP_ERR_NVS_INVALID_LENGTH",
};

/** MicroPython's check_esp_err: OSError(-code, name), which prints as the pair `(-4354, 'ESP_ERR_NVS_NOT_FOUND')`. */
function espError(code: number): OSError {
  const error = new OSError(-code);
  error.message = `(${-code}, '${ERROR_NAMES[code]}')`;
  return error;
}

/** The longest key NVS takes (15 characters). */
const KEY_MAX = 15;

type NvsEntries = Map<string, { kind: "i32"; value: number } | { kind: "blob"; value: Uint8Array }>;

const slot = Symbol.for("tsmp.nvs");
type NvsHolder = { [slot]?: WeakMap<Runtime, Map<string, NvsEntries>> };

/**
 * Each namespace's entries on the current board: a 32-bit integer or a blob, under their key.
 * Kept with the board (its Runtime), so they outlive its resets and deep sleeps as flash does,
 * and a fresh board starts with none.
 */
function namespaces(): Map<string, NvsEntries> {
  const all = ((globalThis as NvsHolder)[slot] ??= new WeakMap());
  let board = all.get(runtime());
  if (board === undefined) all.set(runtime(), (board = new Map()));
  return board;
}

/** One NVS namespace of the board's flash. */
export class NVS {
  private readonly entries;

  constructor(namespace: string) {
    let entries = namespaces().get(namespace);
    if (entries === undefined) namespaces().set(namespace, (entries = new Map()));
    this.entries = entries;
  }

  /** Stores a signed 32-bit integer under `key`. */
  set_i32(key: string, value: number): void {
    checkKey(key);
    this.entries.set(key, { kind: "i32", value: value | 0 });
  }

  /** The integer under `key`; OSError ESP_ERR_NVS_NOT_FOUND when there is none (or a blob is). */
  get_i32(key: string): number {
    checkKey(key);
    const entry = this.entries.get(key);
    if (entry?.kind !== "i32") throw espError(ESP_ERR_NVS_NOT_FOUND);
    return entry.value;
  }

  /** Stores a copy of `value` under `key`. */
  set_blob(key: string, value: Uint8Array): void {
    checkKey(key);
    this.entries.set(key, { kind: "blob", value: Uint8Array.from(value) });
  }

  /** Copies the blob under `key` into `buffer`; returns its length (ESP_ERR_NVS_INVALID_LENGTH if it does not fit). */
  get_blob(key: string, buffer: Uint8Array): number {
    checkKey(key);
    const entry = this.entries.get(key);
    if (entry?.kind !== "blob") throw espError(ESP_ERR_NVS_NOT_FOUND);
    if (entry.value.length > buffer.length) throw espError(ESP_ERR_NVS_INVALID_LENGTH);
    buffer.set(entry.value);
    return entry.value.length;
  }

  /** Removes `key` (ESP_ERR_NVS_NOT_FOUND if it is not there). */
  erase_key(key: string): void {
    checkKey(key);
    if (!this.entries.delete(key)) throw espError(ESP_ERR_NVS_NOT_FOUND);
  }

  /** Writes the changes to flash. */
  commit(): void {
    // The simulated flash keeps every write at once.
  }
}

function checkKey(key: string): void {
  if (key.length > KEY_MAX) throw espError(ESP_ERR_NVS_KEY_TOO_LONG);
}

/** The chip's temperature sensor, raw (degrees Fahrenheit on the original ESP32): a steady 120 on the simulated board. */
export function raw_temperature(): number {
  return 120;
}

/** The GPIOs an ESP32 can wake from deep sleep with (its RTC pins). */
const RTC_PINS = new Set([0, 2, 4, 12, 13, 14, 15, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39]);

const wake = { touch: false, ext0: -1, ext0Level: false, ext1: [] as number[], ext1Level: false };

function rtcPin(pin: Pin): number {
  const id = Number(pin.id);
  if (!RTC_PINS.has(id)) throw new ValueError("invalid pin");
  return id;
}

/** Wake from deep sleep on a touch pad (not together with ext0). */
export function wake_on_touch(wake_: boolean): void {
  if (wake.ext0 !== -1) throw new ValueError("no resources");
  wake.touch = wake_;
}

/** Wake when `pin` (an RTC pin; None clears it) reaches `level`. */
export function wake_on_ext0(pin: Pin | null, level: boolean): void {
  if (wake.touch) throw new ValueError("no resources");
  wake.ext0 = pin === null ? -1 : rtcPin(pin);
  wake.ext0Level = level;
}

/** Wake on several RTC pins: all low (WAKEUP_ALL_LOW) or any high (WAKEUP_ANY_HIGH). */
export function wake_on_ext1(pins: Pin[] | null, level: boolean): void {
  if (pins !== null) wake.ext1 = pins.map(rtcPin);
  wake.ext1Level = level;
}
