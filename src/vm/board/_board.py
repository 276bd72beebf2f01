# The simulated board's side of its link to the host (tsmp, in JavaScript): the board clock,
# waiting, and reporting what the outputs do. Timer callbacks and pin IRQ handlers run while the
# board waits (in time.sleep_ms or while asyncio has nothing ready), which is where a real board
# would run them as soft IRQs too.
import sys
import _board_host
from utime import ticks_ms, ticks_diff, ticks_add

# Objects with a `_due` tick and `_fire()`: running machine.Timer instances.
timers = []
# Objects with `_poll()`: inputs with an IRQ handler, UARTs, asyncio's IO queue, checked while
# the board waits. Those with `_next_event_us()` say when (board time, µs) the host will next
# change them (a device's answer), so the board wakes right then instead of polling.
watched = []

# Set when a pin IRQ with wake=machine.SLEEP fires: it ends machine.lightsleep().
woken_by_pin = False

# The watchdog's deadline (a ticks_ms value) once a WDT has started; None before.
_watchdog_due = None


class BoardReset(BaseException):
    # Unwinds the program when the board resets (watchdog, deep sleep, machine.reset); the host
    # starts it again. A BaseException, so that `except Exception` in the program lets it through.
    def __init__(self, cause, down_ms=0):
        super().__init__("%d %d" % (cause, down_ms))


def reset_cause():
    return _board_host.reset_cause()


def watchdog_feed(timeout_ms):
    global _watchdog_due
    _watchdog_due = ticks_add(ticks_ms(), timeout_ms)


def _check_watchdog():
    if _watchdog_due is not None and ticks_diff(ticks_ms(), _watchdog_due) >= 0:
        raise BoardReset(3)


def rtc_set(seconds):
    _board_host.rtc_set(seconds)


def rtc_now():
    return _board_host.rtc_now()


def rtc_memory(data):
    # None reads it; bytes write it. Hex across the link, as bus data goes.
    if data is None:
        return bytes.fromhex(_board_host.rtc_memory(None))
    _board_host.rtc_memory(data.hex() if data else "")


def bus_call(kind, names, op, address=0, memaddr=0, addrsize=8, count=0, stop=True, data=b""):
    # The host answers "E<errno>", "N<number>", "L<a,b,…>" (a list) or "B<hex>" (bytes).
    check_interrupt()
    # b"".hex() gives bytes, not str, on this port.
    answer = _board_host.bus(kind, names, op, address, memaddr, addrsize, count, 1 if stop else 0, data.hex() if data else "")
    tag, value = answer[0], answer[1:]
    if tag == "E":
        raise OSError(int(value))
    if tag == "N":
        return int(value)
    if tag == "L":
        return [int(item) for item in value.split(",")] if value else []
    if tag == "B":
        return bytes.fromhex(value)
    return None


def time_pulse_us(device, level, timeout_us):
    check_interrupt()
    return _board_host.time_pulse_us(device, level, timeout_us)


# Inputs are checked this often while something watches them: the host changes them from outside.
_INPUT_POLL_MS = 10


def now_us():
    # Board time in µs: finer than ticks_ms, for events the host times (UART arrivals, RX idle).
    return _board_host.now_us()


def uart_next_us(device):
    return _board_host.uart_next_us(device)


def _soonest_event_us():
    soonest = None
    for source in watched:
        next_event = getattr(source, "_next_event_us", None)
        due = None if next_event is None else next_event()
        if due is not None and (soonest is None or due < soonest):
            soonest = due
    return soonest


def report(device, value):
    _board_host.output(device, value)


def read_input(device, default):
    value = _board_host.read_input(device)
    return default if value is None else value


def uart_write(device, data):
    _board_host.uart_write(device, data.hex())


def uart_read(device):
    data = _board_host.uart_read(device)
    return None if data is None else bytes.fromhex(data)


def run_handler(handler, *args):
    """Runs an IRQ handler or timer callback; an exception in it is printed, as a board does, and
    the program carries on. Returns whether the handler finished."""
    try:
        handler(*args)
        return True
    except BoardReset:
        raise
    except Exception as error:
        print("Uncaught exception in IRQ callback handler", file=sys.stderr)
        print_exception(error)
        return False


def print_exception(error):
    # On a board machine is built in: its frames (this file's, machine's) do not show.
    import io

    text = io.StringIO()
    sys.print_exception(error, text)
    for line in text.getvalue().split("\n")[:-1]:
        if not line.lstrip().startswith('File "/.board/'):
            print(line, file=sys.stderr)


def check_interrupt():
    if _board_host.interrupted():
        raise KeyboardInterrupt
    _check_watchdog()


def _run_due_callbacks():
    ran = False
    for timer in list(timers):
        if timer in timers and ticks_diff(timer._due, ticks_ms()) <= 0:
            timer._fire()
            ran = True
    for source in list(watched):
        if source._poll():
            ran = True
    return ran


def idle(deadline, io_wait=None):
    """Waits until the ticks_ms value `deadline` (None: until something happens), returning early
    with True as soon as a timer callback or IRQ handler has run, since that may have woken a task.
    While tasks wait on sockets, `io_wait(ms)` does the waiting (-1: no limit) and returns True
    once it has woken one."""
    while True:
        check_interrupt()
        if _run_due_callbacks():
            return True
        now = ticks_ms()
        wake = deadline
        for timer in timers:
            if wake is None or ticks_diff(timer._due, wake) < 0:
                wake = timer._due
        if _watchdog_due is not None and (wake is None or ticks_diff(_watchdog_due, wake) < 0):
            wake = _watchdog_due
        if watched:
            soon = ticks_add(now, _INPUT_POLL_MS)
            if wake is None or ticks_diff(soon, wake) < 0:
                wake = soon
        soonest = _soonest_event_us()
        if soonest is not None:
            soon_ms = max(0, soonest - now_us()) / 1000
            if wake is None or soon_ms < ticks_diff(wake, now):
                _board_host.sleep_ms(soon_ms)
                continue
        if wake is None:
            if io_wait is not None:
                if io_wait(-1):
                    return True
                continue
            # Nothing can ever wake this board up; it hangs as a real one would, until interrupted.
            _board_host.sleep_ms(-1)
            continue
        wait = ticks_diff(wake, now)
        if wait > 0:
            if io_wait is not None:
                if io_wait(wait):
                    return True
            else:
                _board_host.sleep_ms(wait)
        elif deadline is not None and ticks_diff(deadline, ticks_ms()) <= 0:
            check_interrupt()
            return _run_due_callbacks()


def sleep_down(ms):
    # Board time passing while the chip is down (deep sleep): no callbacks, no watchdog; Ctrl-C
    # still stops the program.
    if _board_host.interrupted():
        raise KeyboardInterrupt
    _board_host.sleep_ms(ms)


def deep_sleep_wake(reason=None):
    return _board_host.deep_sleep_wake(reason)


def sleep_us(us):
    # Waits shorter than a millisecond still move the board clock (bitstream, sleep_us).
    if us >= 1000:
        sleep_ms(us // 1000)
        us %= 1000
    if us > 0:
        _board_host.sleep_ms(us / 1000)
    check_interrupt()


def sleep_ms(ms):
    deadline = ticks_add(ticks_ms(), max(0, ms))
    while ticks_diff(deadline, ticks_ms()) > 0:
        idle(deadline)
    check_interrupt()
