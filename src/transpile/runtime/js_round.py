def js_round(x):
    # Math.round rounds halves up (2.5 -> 3, -2.5 -> -2); Python's round() and
    # MicroPython's differ, and math.floor raises on NaN and Infinity.
    if type(x) is int:
        return x
    if x != x or x - x != 0:
        return x
    import math
    return math.floor(x + 0.5)
