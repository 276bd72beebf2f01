def to_uint32(x):
    # ToUint32, for >>> whose result is unsigned.
    if type(x) is not int:
        # NaN, ±Infinity and undefined (an array's hole, an element past its end) are 0.
        if x is None or x != x or x - x != 0:
            return 0
        x = int(x)
    return x & 0xFFFFFFFF
