def js_pow(a, b):
    # a ** b as JavaScript computes it: NaN where Python would give a complex number (a
    # negative base to a fractional power) or 1 for 1 ** Infinity, Infinity for 0 ** -n.
    if b != b or (a == 1 or a == -1) and b - b != 0:
        return float("nan")
    try:
        r = a ** b
    except ZeroDivisionError:
        return float("-inf") if str(a)[0] == "-" and b == int(b) and int(b) & 1 else float("inf")
    t = type(r)
    return r if t is int or t is float else float("nan")
