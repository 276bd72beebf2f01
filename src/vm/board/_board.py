# The simulated board's side of its link to the host (tsmp, in JavaScript): the board clock,
# waiting, and reporting what the outputs do. Timer callbacks and pin IRQ handlers run while the
# board waits (in time.sleep_ms or while asyncio has nothing ready), which is where a real board
# would run them as soft IRQs too.
import sys
import _board_host
from utime import ticks_ms, ticks_diff, ticks_add

# Objects with a `_due` tick and `_fire()`: running machine.Timer instances.
timers = []
# Objects with `_poll()`: inputs with an IRQ handler, checked while the board waits.
watched = []

# Inputs are checked this often while something watches them: the host changes them from outside.
_INPUT_POLL_MS = 10


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
    except Exception as error:
        print("Uncaught exception in IRQ callback handler", file=sys.stderr)
        sys.print_exception(error, sys.stderr)
        return False


def check_interrupt():
    if _board_host.interrupted():
        raise KeyboardInterrupt


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


def idle(deadline):
    """Waits until the ticks_ms value `deadline` (None: until something happens), returning early
    with True as soon as a timer callback or IRQ handler has run, since that may have woken a task."""
    while True:
        check_interrupt()
        if _run_due_callbacks():
            return True
        now = ticks_ms()
        wake = deadline
        for timer in timers:
            if wake is None or ticks_diff(timer._due, wake) < 0:
                wake = timer._due
        if watched:
            soon = ticks_add(now, _INPUT_POLL_MS)
            if wake is None or ticks_diff(soon, wake) < 0:
                wake = soon
        if wake is None:
            # Nothing can ever wake this board up; it hangs as a real one would, until interrupted.
            _board_host.sleep_ms(-1)
            continue
        wait = ticks_diff(wake, now)
        if wait > 0:
            _board_host.sleep_ms(wait)
        elif deadline is not None and ticks_diff(deadline, ticks_ms()) <= 0:
            check_interrupt()
            return _run_due_callbacks()


def sleep_ms(ms):
    deadline = ticks_add(ticks_ms(), max(0, ms))
    while ticks_diff(deadline, ticks_ms()) > 0:
        idle(deadline)
    check_interrupt()
