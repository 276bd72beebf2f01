def is_nan(x):
    # isNaN: only NaN is unequal to itself.
    return x != x
