# JavaScript's EvalError (nothing in MicroPython raises it: a program throws its own).
class EvalError(Exception):
    pass
