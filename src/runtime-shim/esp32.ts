/**
 * `tsmp/esp32` ⇔ MicroPython's `esp32` module (ESP32 boards only): settings kept in NVS, the
 * chip's raw temperature, and the wake sources for deep sleep. On the simulated board NVS lives
 * in memory for the run and outlives soft and hard resets and deep sleep, with ESP-IDF's errors
 * (`OSError(-4354, "ESP_ERR_NVS_NOT_FOUND")`); a write is seen by later reads at once and
 * `commit()` has nothing more to keep. The wake sources are checked as the ESP32 checks them
 * (RTC pins only; touch and ext0 exclude each other); `machine.deepsleep()` then ends when an
 * ext0/ext1 pin reaches its level (a scripted input in tests) or its timer runs out, and
 * `machine.wake_reason()` says which after the restart. Touch wake is recorded only.
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

interface WakeSources {
  touch: boolean;
  ext0: Pin | null;
  ext0Level: boolean;
  ext1: Pin[];
  ext1Level: boolean;
}

const wakeSlot = Symbol.for("tsmp.esp32.wake");
type WakeHolder = { [wakeSlot]?: WeakMap<Runtime, WakeSources> };

/** The current board's wake sources: none after a reset, as the ESP32's firmware starts each boot. */
function wakeSources(): WakeSources {
  const rt = runtime();
  const all = ((globalThis as WakeHolder)[wakeSlot] ??= new WeakMap());
  let sources = all.get(rt);
  if (sources === undefined) {
    all.set(rt, (sources = { touch: false, ext0: null, ext0Level: false, ext1: [], ext1Level: false }));
    rt.stopOnReset.add(() => {
      all.delete(rt);
      rt.deepSleepPinWake = undefined;
    });
  }
  return sources;
}

/** The wake source the pins' levels now set off: 2 (EXT0_WAKE), 3 (EXT1_WAKE) or 0. */
function pinWake(sources: WakeSources): number {
  if (sources.ext0 !== null && (sources.ext0.value() !== 0) === sources.ext0Level) return 2;
  const levels = sources.ext1.map((pin) => pin.value() !== 0);
  if (levels.length > 0 && (sources.ext1Level ? levels.some(Boolean) : !levels.some(Boolean))) return 3;
  return 0;
}

/** Tells machine.deepsleep() whether a pin can end it, and how to ask. */
function watchPins(sources: WakeSources): void {
  runtime().deepSleepPinWake = sources.ext0 !== null || sources.ext1.length > 0 ? () => pinWake(sources) : undefined;
}

function rtcPin(pin: Pin): Pin {
  if (!RTC_PINS.has(Number(pin.id))) throw new ValueError("invalid pin");
  return pin;
}

/** Wake from deep sleep on a touch pad (not together with ext0). */
export function wake_on_touch(wake: boolean): void {
  const sources = wakeSources();
  if (sources.ext0 !== null) throw new ValueError("no resources");
  sources.touch = wake;
}

/** Wake from deep sleep when `pin` (an RTC pin; null clears it) is at `level`. */
export function wake_on_ext0(pin: Pin | null, level: boolean): void {
  const sources = wakeSources();
  if (sources.touch) throw new ValueError("no resources");
  sources.ext0 = pin === null ? null : rtcPin(pin);
  sources.ext0Level = level;
  watchPins(sources);
}

/** Wake from deep sleep on several RTC pins: all low (WAKEUP_ALL_LOW) or any high (WAKEUP_ANY_HIGH). */
export function wake_on_ext1(pins: Pin[] | null, level: boolean): void {
  const sources = wakeSources();
  if (pins !== null) sources.ext1 = pins.map(rtcPin);
  sources.ext1Level = level;
  watchPins(sources);
}
