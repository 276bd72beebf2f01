def js_round(x):
    # Math.round rounds halves up (2.5 -> 3, -2.5 -> -2); Python's round() and
    # MicroPython's differ, and math.floor raises on NaN and Infinity. floor(x + 0.5)
    # is wrong where x + 0.5 rounds (0.49999999999999994, odd floats past 2 ** 52):
    # x - floor(x) is exact.
    if type(x) is int:
        return x
    if x != x or x - x != 0:
        return x
    import math
    n = math.floor(x)
    return n + 1 if x - n >= 0.5 else n
