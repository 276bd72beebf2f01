# `esp32` on the simulated board, as the ESP32 port has it: NVS with ESP-IDF's errors, kept by the
# host so that it outlives soft and hard resets as the flash partition does; a steady raw
# temperature; the deep-sleep wake sources checked, and watched by machine.deepsleep() (tsmp's Node
# shim does the same).
import json
import _board_host

WAKEUP_ALL_LOW = False
WAKEUP_ANY_HIGH = True

_ESP_ERR_NVS_NOT_FOUND = 0x1102
_ESP_ERR_NVS_KEY_TOO_LONG = 0x1109
_ESP_ERR_NVS_INVALID_LENGTH = 0x110C
_ERROR_NAMES = {
    _ESP_ERR_NVS_NOT_FOUND: "ESP_ERR_NVS_NOT_FOUND",
    _ESP_ERR_NVS_KEY_TOO_LONG: "ESP_ERR_NVS_KEY_TOO_LONG",
    _ESP_ERR_NVS_INVALID_LENGTH: "ESP_ERR_NVS_INVALID_LENGTH",
}
_KEY_MAX = 15
# {namespace: {key: ["i32", number] or ["blob", hex]}}, as the host keeps it.
_namespaces = json.loads(_board_host.nvs_read())


def _saved():
    _board_host.nvs_write(json.dumps(_namespaces))


def _esp_error(code):
    # MicroPython's check_esp_err: the negated ESP-IDF code and its name.
    return OSError(-code, _ERROR_NAMES[code])


def _check_key(key):
    if len(key) > _KEY_MAX:
        raise _esp_error(_ESP_ERR_NVS_KEY_TOO_LONG)


class NVS:
    def __init__(self, namespace):
        self._entries = _namespaces.setdefault(namespace, {})

    def set_i32(self, key, value):
        _check_key(key)
        value &= 0xFFFFFFFF
        self._entries[key] = ["i32", value - (1 << 32) if value & 0x80000000 else value]
        _saved()

    def get_i32(self, key):
        _check_key(key)
        entry = self._entries.get(key)
        if entry is None or entry[0] != "i32":
            raise _esp_error(_ESP_ERR_NVS_NOT_FOUND)
        return entry[1]

    def set_blob(self, key, value):
        _check_key(key)
        self._entries[key] = ["blob", bytes(value).hex()]
        _saved()

    def get_blob(self, key, buffer):
        _check_key(key)
        entry = self._entries.get(key)
        if entry is None or entry[0] != "blob":
            raise _esp_error(_ESP_ERR_NVS_NOT_FOUND)
        value = bytes.fromhex(entry[1])
        if len(value) > len(buffer):
            raise _esp_error(_ESP_ERR_NVS_INVALID_LENGTH)
        buffer[: len(value)] = value
        return len(value)

    def erase_key(self, key):
        _check_key(key)
        if key not in self._entries:
            raise _esp_error(_ESP_ERR_NVS_NOT_FOUND)
        del self._entries[key]
        _saved()

    def commit(self):
        pass


def raw_temperature():
    return 120


_RTC_PINS = (0, 2, 4, 12, 13, 14, 15, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39)
_wake = {"touch": False, "ext0": None, "ext0_level": False, "ext1": (), "ext1_level": False}


def _rtc_pin(pin):
    if pin._id not in _RTC_PINS:
        raise ValueError("invalid pin")
    return pin


def wake_on_touch(wake):
    if _wake["ext0"] is not None:
        raise ValueError("no resources")
    _wake["touch"] = bool(wake)


def wake_on_ext0(pin, level):
    if _wake["touch"]:
        raise ValueError("no resources")
    _wake["ext0"] = None if pin is None else _rtc_pin(pin)
    _wake["ext0_level"] = bool(level)


def wake_on_ext1(pins, level):
    if pins is not None:
        _wake["ext1"] = tuple(_rtc_pin(pin) for pin in pins)
    _wake["ext1_level"] = bool(level)


def _watches_pins():
    # Whether a deep sleep can end by a pin (ext0 or ext1), not only by its timer.
    return _wake["ext0"] is not None or len(_wake["ext1"]) > 0


def _pin_wake():
    # The wake source the pins' levels now set off: 2 (EXT0_WAKE), 3 (EXT1_WAKE) or 0. Level
    # triggered, as on the ESP32: a level already met when the sleep starts wakes it at once.
    ext0 = _wake["ext0"]
    if ext0 is not None and bool(ext0.value()) == _wake["ext0_level"]:
        return 2
    levels = [pin.value() for pin in _wake["ext1"]]
    if levels and (any(levels) if _wake["ext1_level"] else not any(levels)):
        return 3
    return 0
