# `pyb` on the simulated board: the pyboard's LEDs and user switch (and its time helpers).
# LEDs report each change to the host; the switch reads what the host says (released by default)
# and its callback runs while the board waits, as a soft IRQ would.
import _board
from utime import ticks_ms, ticks_us, ticks_diff

_LED_COUNT = 4
# Each LED's intensity (0–255): the hardware, shared by every LED object for the same number.
_intensities = {}


class LED:
    def __init__(self, id):
        if not 1 <= id <= _LED_COUNT:
            raise ValueError("LED(%d) doesn't exist" % id)
        self._id = id
        _intensities.setdefault(id, 0)

    def __repr__(self):
        return "LED(%d)" % self._id

    def _set(self, intensity):
        intensity = max(0, min(255, intensity))
        if intensity != _intensities[self._id]:
            _intensities[self._id] = intensity
            _board.report(repr(self), intensity / 255)
        _board.check_interrupt()

    def on(self):
        self._set(255)

    def off(self):
        self._set(0)

    def toggle(self):
        self._set(0 if _intensities[self._id] else 255)

    def intensity(self, value=None):
        if value is None:
            return _intensities[self._id]
        self._set(value)


class Switch:
    def __init__(self):
        self._callback = None
        self._last = 0

    def __repr__(self):
        return "Switch()"

    def value(self):
        _board.check_interrupt()
        return bool(_board.read_input("Switch()", 0))

    def __call__(self):
        return self.value()

    def callback(self, fun):
        if self in _board.watched:
            _board.watched.remove(self)
        self._callback = fun
        if fun is not None:
            self._last = self.value()
            _board.watched.append(self)

    def _poll(self):
        pressed = self.value()
        was_pressed = self._last
        self._last = pressed
        if pressed and not was_pressed:
            _board.run_handler(self._callback)
            return True
        return False


def delay(ms):
    _board.sleep_ms(ms)


def udelay(us):
    _board.sleep_ms(us // 1000)


def millis():
    return ticks_ms()


def micros():
    return ticks_us()


def elapsed_millis(start):
    return ticks_diff(ticks_ms(), start)


def elapsed_micros(start):
    return ticks_diff(ticks_us(), start)
