class JsSame:
    # A Map key or Set value that Python's dict would get wrong, compared as JavaScript's
    # SameValueZero does: true and false are not 1 and 0, arrays and records (unhashable in
    # Python) are compared by identity, and NaN equals NaN.
    def __init__(self, key):
        self.key = key

    def __hash__(self):
        k = self.key
        return 0x7FF8 if k != k else id(k)

    def __eq__(self, other):
        if type(other) is not JsSame:
            return False
        a = self.key
        b = other.key
        return a is b or (a != a and b != b)


def js_same(key):
    # The dict key for a JavaScript key: most keys are themselves.
    t = type(key)
    if t is str or t is int:
        return key
    if t is float:
        # SameValueZero, and a Map or Set keeps -0 as +0 (its keys list it as 0).
        return JsSame(key) if key != key else 0 if key == 0 else key
    if t is bool or t is list or isinstance(key, dict):
        return JsSame(key)
    try:
        hash(key)
        return key
    except TypeError:
        return JsSame(key)


def js_unsame(key):
    return key.key if type(key) is JsSame else key
