# JavaScript's RangeError. A subclass, so that the ValueError a MicroPython module raises
# (machine.Pin(99), struct.pack of a bad size) keeps its own name, as it does on Node, while
# `catch` and `except ValueError` still take both.
class RangeError(ValueError):
    pass
