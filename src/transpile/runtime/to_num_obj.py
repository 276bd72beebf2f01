# requires: to_num, null
def to_num_obj(x):
    # Number(x) of an array or object: ToPrimitive, then ToNumber of what it gives. An object
    # tries valueOf() first, then toString(); an array reads as its text, so [] is 0, [5] and
    # ["5"] are 5, [null] is 0 and [1, 2] NaN (its text has a comma).
    t = type(x)
    if t is list or t is tuple:
        if not x:
            return 0
        if len(x) > 1:
            return float("nan")
        x = x[0]
        t = type(x)
        if x is None or x is null:
            return 0
        if t is bool:
            return float("nan")
        if t is int or t is float:
            # Through its text: String(-0) is "0".
            return 0 if x == 0 else x
        if t is str or t is list or t is tuple:
            return to_num(x)
        # The element's text is its String(): toString() first.
        return _to_num_prim(x, "toString", "valueOf")
    return _to_num_prim(x, "valueOf", "toString")


def _to_num_prim(x, first, second):
    # A method missing, or giving an object, passes to the other; neither gives NaN, as
    # Object.prototype.toString's "[object Object]" would.
    for name in (first, second):
        f = getattr(x, name, None)
        if callable(f):
            v = f()
            t = type(v)
            if t is str or t is int or t is float or t is bool or v is None or v is null:
                return to_num(v)
    return float("nan")
