# requires: null
def js_index(x, absent=0):
    # An index or count argument as JavaScript's ToIntegerOrInfinity gives it: NaN is 0,
    # fractions truncate toward zero, and ±Infinity is a bound past any length (Python's
    # int() raises on all three). undefined is 0, or for a slice bound None (its default);
    # null is 0.
    if x is None:
        return absent
    if x is null:
        return 0
    if x != x:
        return 0
    if x - x != 0:
        return 0x3FFFFFFF if x > 0 else -0x3FFFFFFF
    return int(x)
