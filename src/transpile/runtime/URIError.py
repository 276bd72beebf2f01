# JavaScript's URIError (nothing in MicroPython raises it: a program throws its own).
class URIError(Exception):
    pass
