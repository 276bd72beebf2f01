def is_finite(x):
    # isFinite / Number.isFinite for numbers: not NaN, not ±Infinity.
    return (type(x) is int or type(x) is float) and x == x and x - x == 0
