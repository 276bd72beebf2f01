# `machine` on the simulated board. Outputs report each change to the host with a timestamp;
# inputs read what the host says (a floating input reads 0); IRQ handlers and timer callbacks run
# while the board waits, as soft IRQs would. Names and signatures follow MicroPython's docs.
import sys
import _board
from utime import ticks_ms, ticks_add, ticks_diff


def _pin_name(id):
    return "Pin(%s)" % (id,)


class _PinIrq:
    def __init__(self, state):
        self._state = state

    def trigger(self):
        return self._state.trigger

    def flags(self):
        return self._state.flags


class _PinState:
    # The pin's hardware: every Pin object for the same id shares it, as on a board.
    def __init__(self):
        self.mode = Pin.IN
        self.pull = None
        self.level = None
        self.drive = 0
        self.handler = None
        self.trigger = 0
        self.wake = None
        self.flags = 0
        self.last_input = 0


_pins = {}


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    ALT = 3
    ALT_OPEN_DRAIN = 4
    ANALOG = 5
    PULL_UP = 1
    PULL_DOWN = 2
    PULL_HOLD = 4
    DRIVE_0 = 0
    DRIVE_1 = 1
    DRIVE_2 = 2
    DRIVE_3 = 3
    IRQ_RISING = 1
    IRQ_FALLING = 2
    IRQ_LOW_LEVEL = 4
    IRQ_HIGH_LEVEL = 8

    def __init__(self, id, mode=-1, pull=-1, *, value=None, drive=None, alt=-1):
        self._id = id
        if id not in _pins:
            _pins[id] = _PinState()
        self._state = _pins[id]
        self.init(mode, pull, value=value, drive=drive, alt=alt)

    def __repr__(self):
        return _pin_name(self._id)

    def init(self, mode=-1, pull=-1, *, value=None, drive=None, alt=-1):
        state = self._state
        if mode != -1:
            state.mode = mode
        if pull != -1:
            state.pull = pull
        if drive is not None:
            state.drive = drive
        if value is not None:
            self._write(value)
        elif self._is_output() and state.level is None:
            self._write(0)

    def _is_output(self):
        return self._state.mode in (Pin.OUT, Pin.OPEN_DRAIN, Pin.ALT_OPEN_DRAIN)

    def _write(self, value):
        state = self._state
        level = 1 if value else 0
        if level != state.level:
            state.level = level
            if self._is_output():
                _board.report(_pin_name(self._id), level)
        _board.check_interrupt()

    def _read_input(self):
        return _board.read_input(_pin_name(self._id), 1 if self._state.pull == Pin.PULL_UP else 0)

    def value(self, x=None):
        if x is not None:
            self._write(x)
            return None
        if self._state.mode == Pin.OUT:
            return self._state.level
        return self._read_input()

    def __call__(self, x=None):
        return self.value(x)

    def on(self):
        self._write(1)

    def off(self):
        self._write(0)

    def high(self):
        self._write(1)

    def low(self):
        self._write(0)

    def toggle(self):
        self._write(0 if self._state.level else 1)

    def mode(self, mode=None):
        if mode is None:
            return self._state.mode
        self.init(mode)

    def pull(self, pull=None):
        if pull is None:
            return self._state.pull
        self._state.pull = pull

    def drive(self, drive=None):
        if drive is None:
            return self._state.drive
        self._state.drive = drive

    def irq(self, handler=None, trigger=IRQ_FALLING | IRQ_RISING, *, priority=1, wake=None, hard=False):
        state = self._state
        if self in _board.watched:
            _board.watched.remove(self)
        state.handler = handler
        state.trigger = trigger
        state.wake = wake
        if handler is not None:
            state.last_input = self._read_input()
            _board.watched.append(self)
        return _PinIrq(state)

    def __eq__(self, other):
        return isinstance(other, Pin) and other._id == self._id

    def __hash__(self):
        return hash(self._id)

    def _poll(self):
        # The handler runs when the level changes and the change matches the trigger.
        state = self._state
        level = self._read_input()
        previous = state.last_input
        state.last_input = level
        if level == previous:
            return False
        edge = Pin.IRQ_RISING if level > previous else Pin.IRQ_FALLING
        fired = (edge | (Pin.IRQ_HIGH_LEVEL if level else Pin.IRQ_LOW_LEVEL)) & state.trigger
        if not fired:
            return False
        state.flags = fired
        if state.wake and state.wake & SLEEP:
            _board.woken_by_pin = True
        _board.run_handler(state.handler, self)
        return True


class Signal:
    def __init__(self, pin, *, invert=False):
        self._pin = pin
        self._invert = invert

    def value(self, x=None):
        if x is None:
            return self._pin.value() ^ self._invert
        self._pin.value((1 if x else 0) ^ self._invert)

    def __call__(self, x=None):
        return self.value(x)

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)


class PWM:
    def __init__(self, dest, *, freq=None, duty_u16=None, duty_ns=None, invert=False):
        self._pin = dest if isinstance(dest, Pin) else Pin(dest)
        self._freq = 1000
        self._duty_u16 = 0
        self._invert = False
        self.init(freq=freq, duty_u16=duty_u16, duty_ns=duty_ns, invert=invert)

    def __repr__(self):
        return "PWM(%s, freq=%d, duty_u16=%d)" % (self._pin, self._freq, self._duty_u16)

    def init(self, *, freq=None, duty_u16=None, duty_ns=None, invert=None):
        if freq is not None:
            self._freq = freq
        if invert is not None:
            self._invert = bool(invert)
        if duty_ns is not None:
            self._set_duty(duty_ns * self._freq * 65535 // 1000000000)
        elif duty_u16 is not None:
            self._set_duty(duty_u16)
        else:
            self._report()

    def deinit(self):
        _board.report("PWM(%s)" % (self._pin,), 0)

    def freq(self, value=None):
        if value is None:
            return self._freq
        self._freq = value

    def duty_u16(self, value=None):
        if value is None:
            return self._duty_u16
        self._set_duty(value)

    def duty_ns(self, value=None):
        if value is None:
            return self._duty_u16 * 1000000000 // (65535 * self._freq)
        self._set_duty(value * self._freq * 65535 // 1000000000)

    def _set_duty(self, duty_u16):
        if not 0 <= duty_u16 <= 65535:
            raise ValueError("duty_u16 must be from 0 to 65535")
        self._duty_u16 = duty_u16
        self._report()

    def _report(self):
        fraction = self._duty_u16 / 65535
        _board.report("PWM(%s)" % (self._pin,), 1 - fraction if self._invert else fraction)
        _board.check_interrupt()


class ADC:
    WIDTH_9BIT = 9
    WIDTH_10BIT = 10
    WIDTH_11BIT = 11
    WIDTH_12BIT = 12
    ATTN_0DB = 0
    ATTN_2_5DB = 1
    ATTN_6DB = 2
    ATTN_11DB = 3

    def __init__(self, id, *, atten=None):
        self._id = id._id if isinstance(id, Pin) else id
        self._atten = None
        self._bits = 12
        if atten is not None:
            self.atten(atten)

    def __repr__(self):
        return "ADC(%s)" % (self._id,)

    def init(self, *, atten=None):
        if atten is not None:
            self.atten(atten)

    def atten(self, atten):
        if not 0 <= atten < len(_ADC_FULL_SCALE_UV):
            raise ValueError("invalid attenuation")
        self._atten = atten

    def width(self, bits):
        if not 9 <= bits <= 12:
            raise ValueError("invalid width")
        self._bits = bits

    def read_u16(self):
        _board.check_interrupt()
        return max(0, min(65535, int(_board.read_input(repr(self), 0))))

    def read_uv(self):
        # 3.3 V full scale, as on most boards, or the ESP32 attenuation's range once one is set.
        full_scale = 3300000 if self._atten is None else _ADC_FULL_SCALE_UV[self._atten]
        return self.read_u16() * full_scale // 65535

    def read(self):
        return self.read_u16() >> (16 - self._bits)


# ESP32 ADC input ranges by attenuation (MicroPython's esp32 docs), in microvolts.
_ADC_FULL_SCALE_UV = (950000, 1250000, 1750000, 2450000)


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1

    def __init__(self, id=-1, *, mode=PERIODIC, period=-1, freq=-1, callback=None):
        self._id = id
        if callback is not None or period != -1 or freq != -1:
            self.init(mode=mode, period=period, freq=freq, callback=callback)

    def __repr__(self):
        return "Timer(%s)" % (self._id,)

    def init(self, *, mode=PERIODIC, period=-1, freq=-1, callback=None):
        self.deinit()
        period_ms = 1000 / freq if freq > 0 else period
        if period_ms <= 0:
            raise ValueError("period must be positive")
        self._period_ms = period_ms
        self._mode = mode
        self._callback = callback
        self._started = ticks_ms()
        self._fired = 0
        self._schedule()
        _board.timers.append(self)

    def deinit(self):
        if self in _board.timers:
            _board.timers.remove(self)

    def _schedule(self):
        # Due times count from the start, so a fractional period does not drift.
        self._due = ticks_add(self._started, int((self._fired + 1) * self._period_ms))

    def _fire(self):
        self._fired += 1
        if self._mode == Timer.ONE_SHOT:
            self.deinit()
        else:
            self._schedule()
        if self._callback is not None and not _board.run_handler(self._callback, self):
            self.deinit()


class _UartIrq:
    def __init__(self, uart):
        self._uart = uart

    def trigger(self, trigger=None):
        if trigger is not None:
            self._uart._set_trigger(trigger)
        return self._uart._trigger

    def flags(self):
        return self._uart._flags


class UART:
    INV_TX = 1
    INV_RX = 2
    RTS = 1
    CTS = 2
    # The ESP32 port's trigger values (it has no IRQ_TXIDLE).
    IRQ_RX = 1
    IRQ_BREAK = 2
    IRQ_RXIDLE = 0x1000

    def __init__(self, id, baudrate=115200, bits=8, parity=None, stop=1, **kwargs):
        self._id = id
        self._rx = bytearray()
        self._timeout = 0
        self._bits = 8
        self._parity = None
        self._stop = 1
        self._trigger = 0
        self._flags = 0
        self._handler = None
        self._idle_due = None
        self.init(baudrate, bits, parity, stop, **kwargs)

    def __repr__(self):
        return "UART(%s, baudrate=%d)" % (self._id, self._baudrate)

    def _name(self):
        return "UART(%s)" % (self._id,)

    def init(self, baudrate=115200, bits=None, parity=-1, stop=None, *, timeout=None, **kwargs):
        self._baudrate = baudrate
        if bits is not None:
            self._bits = bits
        if parity != -1:
            self._parity = parity
        if stop is not None:
            self._stop = stop
        if timeout is not None:
            self._timeout = timeout

    def deinit(self):
        pass

    def _receive(self):
        data = _board.uart_read(self._name())
        if data:
            self._rx.extend(data)
            self._arrived()

    def _wait_for(self, enough):
        # Waits up to the timeout in 1 ms steps, as the Node shim does.
        self._receive()
        waited = 0
        while waited < self._timeout and not enough():
            _board.sleep_ms(1)
            self._receive()
            waited += 1

    def any(self):
        self._receive()
        return len(self._rx)

    def _take(self, count):
        data = bytes(self._rx[:count])
        self._rx = self._rx[count:]
        return data

    def read(self, nbytes=None):
        self._wait_for(lambda: len(self._rx) >= (1 if nbytes is None else nbytes))
        if not self._rx:
            return None
        return self._take(len(self._rx) if nbytes is None else min(nbytes, len(self._rx)))

    def readinto(self, buf, nbytes=None):
        data = self.read(len(buf) if nbytes is None else min(nbytes, len(buf)))
        if data is None:
            return None
        buf[: len(data)] = data
        return len(data)

    def readline(self):
        self._wait_for(lambda: self._rx.find(b"\n") >= 0)
        if not self._rx:
            return None
        end = self._rx.find(b"\n")
        return self._take(len(self._rx) if end < 0 else end + 1)

    def write(self, buf):
        data = buf.encode() if isinstance(buf, str) else bytes(buf)
        _board.uart_write(self._name(), data)
        return len(data)

    def sendbreak(self):
        pass

    def flush(self):
        pass

    def txdone(self):
        return True

    def irq(self, *args, **kwargs):
        # Without arguments it only returns the IRQ object, as on a board.
        if args or kwargs:
            self._configure_irq(*args, **kwargs)
        return _UartIrq(self)

    def _configure_irq(self, handler=None, trigger=0, hard=False):
        unsupported = trigger & ~(UART.IRQ_RX | UART.IRQ_RXIDLE | UART.IRQ_BREAK)
        if unsupported:
            raise ValueError("trigger 0x%04x unsupported" % unsupported)
        if hard:
            raise ValueError("hard IRQ is not supported")
        self._handler = handler
        self._set_trigger(trigger)

    def _set_trigger(self, trigger):
        self._trigger = trigger
        self._idle_due = None
        if self in _board.watched:
            _board.watched.remove(self)
        if trigger:
            _board.watched.append(self)

    def _idle_tick_us(self):
        # The ESP32's RXIDLE timer period: two characters' time, at least 0.5 ms.
        bits = 1 + self._bits + (0 if self._parity is None else 1) + self._stop
        return max(500, 2 * bits * 1000000 // self._baudrate)

    def _arrived(self):
        if self._trigger & UART.IRQ_RXIDLE:
            self._idle_due = _board.now_us() + 2 * self._idle_tick_us()
        if self._trigger & UART.IRQ_RX:
            self._interrupt(UART.IRQ_RX)

    def _interrupt(self, flags):
        self._flags = flags
        if self._handler is not None:
            _board.run_handler(self._handler, self)

    # While it has IRQs, or a stream waits on it: the board takes its bytes in as they arrive.
    def _next_event_us(self):
        due = _board.uart_next_us(self._name())
        if self._idle_due is not None and (due is None or self._idle_due < due):
            return self._idle_due
        return due

    def _poll(self):
        received = len(self._rx)
        self._receive()
        ran = len(self._rx) > received and self._trigger & UART.IRQ_RX
        if self._idle_due is not None and _board.now_us() >= self._idle_due:
            self._idle_due = None
            self._interrupt(UART.IRQ_RXIDLE)
            ran = True
        return bool(ran)

    # asyncio's IO queue asks this (a board's poll() asks the UART driver).
    def _ready(self, writing):
        return writing or self.any() > 0


def _pin_id(pin):
    return pin._id if isinstance(pin, Pin) else pin


class I2C:
    # Transactions run in the host's bus model, where the simulated devices are.
    def __init__(self, id, *, scl=None, sda=None, freq=400000, timeout=50000):
        names = [] if id is None else ["I2C(%s)" % (id,)]
        if scl is not None and sda is not None:
            names.append("I2C(scl=%s, sda=%s)" % (_pin_id(scl), _pin_id(sda)))
        self._names = "|".join(names)

    def init(self, **kwargs):
        pass

    def deinit(self):
        pass

    def _bus(self, op, address=0, memaddr=0, addrsize=8, count=0, stop=True, data=b""):
        return _board.bus_call("i2c", self._names, op, address, memaddr, addrsize, count, stop, data)

    def scan(self):
        return self._bus("scan")

    def readfrom(self, addr, nbytes, stop=True):
        return self._bus("readfrom", addr, count=nbytes, stop=stop)

    def readfrom_into(self, addr, buf, stop=True):
        buf[:] = self.readfrom(addr, len(buf), stop)

    def writeto(self, addr, buf, stop=True):
        return self._bus("writeto", addr, stop=stop, data=bytes(buf))

    def writevto(self, addr, vector, stop=True):
        return self.writeto(addr, b"".join(bytes(part) for part in vector), stop)

    def readfrom_mem(self, addr, memaddr, nbytes, *, addrsize=8):
        return self._bus("readfrom_mem", addr, memaddr, addrsize, nbytes)

    def readfrom_mem_into(self, addr, memaddr, buf, *, addrsize=8):
        buf[:] = self.readfrom_mem(addr, memaddr, len(buf), addrsize=addrsize)

    def writeto_mem(self, addr, memaddr, buf, *, addrsize=8):
        self._bus("writeto_mem", addr, memaddr, addrsize, data=bytes(buf))


class SoftI2C(I2C):
    def __init__(self, scl, sda, *, freq=400000, timeout=50000):
        super().__init__(None, scl=scl, sda=sda)

    def start(self):
        self._bus("start")

    def stop(self):
        self._bus("stop")

    def readinto(self, buf, nack=True):
        buf[:] = self._bus("read", count=len(buf))

    def write(self, buf):
        return self._bus("write", data=bytes(buf))


class SPI:
    MSB = 0
    LSB = 1

    def __init__(self, id, baudrate=1000000, *, polarity=0, phase=0, bits=8, firstbit=0, sck=None, mosi=None, miso=None):
        names = [] if id is None else ["SPI(%s)" % (id,)]
        if sck is not None and mosi is not None:
            names.append("SPI(sck=%s, mosi=%s)" % (_pin_id(sck), _pin_id(mosi)))
        self._names = "|".join(names)
        self._baudrate = baudrate

    def __repr__(self):
        return "SPI(baudrate=%d)" % self._baudrate

    def init(self, baudrate=None, **kwargs):
        if baudrate is not None:
            self._baudrate = baudrate

    def deinit(self):
        pass

    def _transfer(self, data):
        return _board.bus_call("spi", self._names, "transfer", data=bytes(data))

    def read(self, nbytes, write=0x00):
        return self._transfer(bytes([write]) * nbytes)

    def readinto(self, buf, write=0x00):
        buf[:] = self.read(len(buf), write)

    def write(self, buf):
        self._transfer(buf)

    def write_readinto(self, write_buf, read_buf):
        if len(write_buf) != len(read_buf):
            raise ValueError("buffers must have the same length")
        read_buf[:] = self._transfer(write_buf)


class SoftSPI(SPI):
    def __init__(self, baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=0, sck=None, mosi=None, miso=None):
        super().__init__(None, baudrate, sck=sck, mosi=mosi, miso=miso)


class RTC:
    # Runs on the board clock from 2000-01-01 until set, as the shim's does; the setting lives in
    # _board so that it outlives a reset.
    def __init__(self, id=0):
        pass

    def init(self, datetime):
        self.datetime(datetime)

    def memory(self, data=None):
        # Up to 2048 bytes, as on the ESP32; it outlives resets and deep sleep (the host keeps it).
        if data is None:
            return _board.rtc_memory(None)
        data = data.encode() if isinstance(data, str) else bytes(data)
        if len(data) > 2048:
            raise ValueError("buffer too long")
        _board.rtc_memory(data)

    def datetime(self, datetimetuple=None):
        if datetimetuple is not None:
            y, mo, d, _, h, mi, s = tuple(datetimetuple)[:7]
            _board.rtc_set(_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s)
            return None
        seconds = _board.rtc_now()
        days, rest = divmod(seconds, 86400)
        y, mo, d = _civil_from_days(days)
        return (y, mo, d, (days + 5) % 7, rest // 3600, rest % 3600 // 60, rest % 60, 0)


def _days_from_civil(y, m, d):
    # Days since 2000-01-01 (Howard Hinnant's civil calendar algorithm).
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 730425


def _civil_from_days(days):
    z = days + 730425
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return (yoe + era * 400 + (m <= 2), m, d)


# ESP32 touch-capable pins (TOUCH_PAD_NUM0…9), and what an untouched pad reads (as the shim).
_TOUCH_PINS = (4, 0, 2, 15, 13, 12, 14, 27, 33, 32)
_UNTOUCHED_READING = 1000


class TouchPad:
    def __init__(self, pin):
        id = pin._id if isinstance(pin, Pin) else pin
        if id not in _TOUCH_PINS:
            raise ValueError("invalid pin for touchpad")
        self._id = id
        self._threshold = 0

    def read(self):
        _board.check_interrupt()
        return int(_board.read_input("TouchPad(%s)" % (self._id,), _UNTOUCHED_READING))

    def config(self, value):
        self._threshold = value


class WDT:
    def __init__(self, id=0, timeout=5000):
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self._timeout = timeout
        self.feed()

    def feed(self):
        _board.watchdog_feed(self._timeout)


PWRON_RESET = 1
HARD_RESET = 2
WDT_RESET = 3
DEEPSLEEP_RESET = 4
SOFT_RESET = 5


def reset_cause():
    return _board.reset_cause()


def reset():
    raise _board.BoardReset(HARD_RESET)


def soft_reset():
    raise _board.BoardReset(SOFT_RESET)


def freq():
    # The simulated board runs at 125 MHz, as the Node shim's does.
    return 125000000


def unique_id():
    return b"tsmp\x00\x00\x00\x01"


def idle():
    _board.sleep_ms(1)


# Pin.irq(wake=...) values and wake_reason() values, as the ESP32 port has them.
SLEEP = 2
DEEPSLEEP = 4
PIN_WAKE = 2
EXT0_WAKE = 2
EXT1_WAKE = 3
TIMER_WAKE = 4
# After a deep sleep, what ended it (kept by the host through the reset, as the RTC keeps it).
_wake_reason = [_board.deep_sleep_wake() if _board.reset_cause() == 4 else 0]


def lightsleep(time_ms=None):
    # The board clock moves on by time_ms (for ever without it); an IRQ of a pin set up with
    # wake=SLEEP ends the sleep early, as on the ESP32.
    deadline = None if time_ms is None else ticks_add(ticks_ms(), max(0, time_ms))
    _board.woken_by_pin = False
    while not _board.woken_by_pin:
        if deadline is not None and ticks_diff(deadline, ticks_ms()) <= 0:
            _wake_reason[0] = TIMER_WAKE
            return
        _board.idle(deadline)
    _wake_reason[0] = PIN_WAKE


def wake_reason():
    return _wake_reason[0]


def deepsleep(time_ms=0):
    # The chip is down until its timer ends the sleep, or, with esp32.wake_on_ext0/ext1, until a
    # wake pin reaches its level (board time passes in 1 ms steps while the pins are watched).
    esp32 = sys.modules.get("esp32")
    reason = TIMER_WAKE
    if esp32 is not None and esp32._watches_pins():
        deadline = ticks_add(ticks_ms(), time_ms) if time_ms > 0 else None
        while True:
            reason = esp32._pin_wake()
            if reason:
                break
            if deadline is not None and ticks_diff(deadline, ticks_ms()) <= 0:
                reason = TIMER_WAKE
                break
            _board.sleep_down(1)
        time_ms = 0
    _board.deep_sleep_wake(reason)
    raise _board.BoardReset(DEEPSLEEP_RESET, time_ms)


def disable_irq():
    return 1


def enable_irq(state):
    pass


def time_pulse_us(pin, pulse_level, timeout_us=1000000):
    return _board.time_pulse_us(_pin_name(pin._id), pulse_level, timeout_us)


def bitstream(pin, encoding, timing, buf):
    if encoding != 0:
        raise ValueError("invalid encoding")
    high0, low0, high1, low1 = timing
    ns = 0
    for byte in buf:
        for bit in range(7, -1, -1):
            ns += high1 + low1 if (byte >> bit) & 1 else high0 + low0
    pin.value(0)
    _board.sleep_us(ns // 1000)
