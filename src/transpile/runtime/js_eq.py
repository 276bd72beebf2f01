def js_eq(a, b):
    # a === b where Python's == would differ: it takes True for 1 (and False for 0), and
    # compares lists by their items. Numbers and strings compare by value, the rest by identity.
    if type(a) is bool or type(b) is bool:
        return a is b
    t = type(a)
    if t is int or t is float or t is str:
        return a == b
    return a is b
