# `time` on the simulated board: MicroPython's own module, except that sleeping goes through the
# board clock, so it does not spin the host's CPU, timer callbacks and pin IRQs run meanwhile, and
# a virtual clock can jump over the wait. ticks_ms() and friends stay the built-in ones: the host
# sets the VM's clock itself when it runs on virtual time.
from utime import *
import _board


def sleep_ms(ms):
    _board.sleep_ms(ms)


def sleep_us(us):
    _board.sleep_us(us)


def sleep(seconds):
    _board.sleep_ms(int(seconds * 1000))
