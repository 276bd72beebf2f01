# JavaScript's ReferenceError: a class of its own (MicroPython's NameError, raised for a name
# the program never bound, cannot come from a program the checker accepted).
class ReferenceError(Exception):
    pass
